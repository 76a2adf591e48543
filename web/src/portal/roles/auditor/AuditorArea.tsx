import { Navigate, Route, Routes } from "react-router";

import { RoleLayout } from "../../app/Layout.js";
import AccessLogPage from "./AccessLogPage.js";

const NAV = [{ to: "/auditor", label: "Access log" }] as const;

export default function AuditorArea() {
  return (
    <RoleLayout role="auditor" nav={NAV}>
      <Routes>
        <Route index element={<AccessLogPage />} />
        <Route path="*" element={<Navigate to="/auditor" replace />} />
      </Routes>
    </RoleLayout>
  );
}
