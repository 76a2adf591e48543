import { Navigate, Route, Routes } from "react-router";

import { RoleLayout, type NavItem } from "../../app/Layout.js";
import { ChartPage } from "../../providers/ChartPage.js";
import { PatientsPage } from "../../providers/PatientsPage.js";
import { INSURER_ROLE } from "./insurer-role.js";

const NAV: readonly NavItem[] = [{ to: "/insurer", label: INSURER_ROLE.patientsTitle }];

export default function InsurerArea() {
  return (
    <RoleLayout role="insurer" nav={NAV}>
      <Routes>
        <Route index element={<PatientsPage role={INSURER_ROLE} />} />
        <Route path="patients/:patient" element={<ChartPage role={INSURER_ROLE} />} />
        <Route path="*" element={<Navigate to="/insurer" replace />} />
      </Routes>
    </RoleLayout>
  );
}
