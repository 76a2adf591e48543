import { useMemo } from "react";
import { Navigate, Route, Routes } from "react-router";

import { participantsFromLog } from "../../../core/directory/participants-from-log.js";
import { RoleLayout } from "../../app/Layout.js";
import { directorySignature, DirectorySourceContext } from "../../directory/directory-source.js";
import { useLedgerLogSnapshot } from "../../log/use-ledger-log.js";
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
  const { log, version, ready } = useLedgerLogSnapshot();
  // `version` changes when the log's entries do; the log object itself stays the same.
  const participants = useMemo(() => (log === undefined || !ready ? undefined : participantsFromLog(log.entries)), [log, version, ready]);
  // Most new entries are reads and records: the directory is rebuilt only when a participant changed.
  const signature = participants === undefined ? "" : directorySignature(participants);
  const directory = useMemo(() => ({ participants, version: signature }), [signature]);
  return (
    <RoleLayout role="auditor" nav={NAV}>
      <DirectorySourceContext.Provider value={directory}>
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
      </DirectorySourceContext.Provider>
    </RoleLayout>
  );
}
