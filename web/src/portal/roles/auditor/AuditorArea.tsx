import { useMemo } from "react";
import { Navigate, Route, Routes } from "react-router";

import { RoleLayout } from "../../app/Layout.js";
import { useSession } from "../../session/session-context.js";
import AccessLogPage from "./AccessLogPage.js";
import { IntegrityContext } from "./integrity/integrity-context.js";
import { IntegrityRuns } from "./integrity/integrity-runs.js";
import IntegrityPage from "./integrity/IntegrityPage.js";
import OverviewPage from "./overview/OverviewPage.js";
import PatientAuditPage from "./patients/PatientAuditPage.js";
import PatientsPage from "./patients/PatientsPage.js";

const NAV = [
  { to: "/auditor", label: "Access log" },
  { to: "/auditor/patients", label: "Patients" },
  { to: "/auditor/integrity", label: "Integrity" },
  { to: "/auditor/overview", label: "Overview" },
] as const;

export default function AuditorArea() {
  const { loadIpfs } = useSession();
  // Verdicts live as long as the auditor's area: they show on every auditor page until sign-out.
  const integrity = useMemo(() => new IntegrityRuns(loadIpfs), [loadIpfs]);
  return (
    <RoleLayout role="auditor" nav={NAV}>
      <IntegrityContext.Provider value={integrity}>
        <Routes>
          <Route index element={<AccessLogPage />} />
          <Route path="patients" element={<PatientsPage />} />
          <Route path="patients/:address" element={<PatientAuditPage />} />
          <Route path="integrity" element={<IntegrityPage />} />
          <Route path="overview" element={<OverviewPage />} />
          <Route path="*" element={<Navigate to="/auditor" replace />} />
        </Routes>
      </IntegrityContext.Provider>
    </RoleLayout>
  );
}
