import { Navigate, Route, Routes } from "react-router";

import { RoleLayout, type NavItem } from "../../app/Layout.js";
import { ChartPage } from "../../providers/ChartPage.js";
import { PatientsPage } from "../../providers/PatientsPage.js";
import { LAB_ROLE } from "./lab-role.js";

const NAV: readonly NavItem[] = [{ to: "/lab", label: "My patients" }];

export default function LabArea() {
  return (
    <RoleLayout role="lab" nav={NAV}>
      <Routes>
        <Route index element={<PatientsPage role={LAB_ROLE} />} />
        <Route path="patients/:patient" element={<ChartPage role={LAB_ROLE} />} />
        <Route path="*" element={<Navigate to="/lab" replace />} />
      </Routes>
    </RoleLayout>
  );
}
