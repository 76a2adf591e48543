import { Link, Route, Routes } from "react-router";

import { RoleLayout, type NavItem } from "../../app/Layout.js";
import { AddRecordPage } from "./records/AddRecordPage.js";
import { RecordsPage } from "./records/RecordsPage.js";
import SharingPages, { ActivityPage } from "./sharing/SharingPages.js";

const NAV: readonly NavItem[] = [
  { to: "/patient", label: "Records" },
  { to: "/patient/add", label: "Add record" },
  { to: "/patient/sharing", label: "Sharing" },
  { to: "/patient/sharing/requests", label: "Access requests" },
  { to: "/patient/activity", label: "Who accessed my data" },
];

export default function PatientArea() {
  return (
    <RoleLayout role="patient" nav={NAV}>
      <Routes>
        <Route index element={<RecordsPage />} />
        <Route path="add" element={<AddRecordPage />} />
        <Route path="sharing/*" element={<SharingPages />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="*" element={<NoSuchPage />} />
      </Routes>
    </RoleLayout>
  );
}

function NoSuchPage() {
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>
        <Link to="/patient">Go to your records</Link>
      </p>
    </section>
  );
}
