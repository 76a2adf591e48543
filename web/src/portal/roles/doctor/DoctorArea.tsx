import { Navigate, Route, Routes } from "react-router";

import { RoleLayout, type NavItem } from "../../app/Layout.js";
import { ChartPage } from "../../providers/ChartPage.js";
import { PatientsPage } from "../../providers/PatientsPage.js";
import { DOCTOR_ROLE } from "./doctor-role.js";
import { RequestsPage } from "./RequestsPage.js";

const NAV: readonly NavItem[] = [
  { to: "/doctor", label: "My patients" },
  { to: "/doctor/requests", label: "Access requests" },
];

export default function DoctorArea() {
  return (
    <RoleLayout role="doctor" nav={NAV}>
      <Routes>
        <Route index element={<PatientsPage role={DOCTOR_ROLE} />} />
        <Route path="patients/:patient" element={<ChartPage role={DOCTOR_ROLE} />} />
        <Route path="requests" element={<RequestsPage />} />
        <Route path="*" element={<Navigate to="/doctor" replace />} />
      </Routes>
    </RoleLayout>
  );
}
