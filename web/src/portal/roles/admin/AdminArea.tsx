import { Navigate, Route, Routes } from "react-router";

import { RoleLayout } from "../../app/Layout.js";
import ParticipantsPage from "./ParticipantsPage.js";
import RegisterPage from "./RegisterPage.js";
import SettingsPage from "./SettingsPage.js";

const NAV = [
  { to: "/admin", label: "Participants" },
  { to: "/admin/register", label: "Register participant" },
  { to: "/admin/settings", label: "Settings" },
] as const;

export default function AdminArea() {
  return (
    <RoleLayout role="admin" nav={NAV}>
      <Routes>
        <Route index element={<ParticipantsPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </RoleLayout>
  );
}
