import { Navigate, Route, Routes } from "react-router";

import { RoleLayout } from "../../app/Layout.js";
import ProvenancePage from "./ProvenancePage.js";
import RegisterStaffPage from "./RegisterStaffPage.js";
import StaffPage from "./StaffPage.js";

const NAV = [
  { to: "/hospital", label: "Our staff" },
  { to: "/hospital/register", label: "Register doctor or lab" },
  { to: "/hospital/provenance", label: "Provenance" },
] as const;

export default function HospitalArea() {
  return (
    <RoleLayout role="hospital" nav={NAV}>
      <Routes>
        <Route index element={<StaffPage />} />
        <Route path="register" element={<RegisterStaffPage />} />
        <Route path="provenance" element={<ProvenancePage />} />
        <Route path="*" element={<Navigate to="/hospital" replace />} />
      </Routes>
    </RoleLayout>
  );
}
