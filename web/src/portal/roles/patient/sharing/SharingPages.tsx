import { Route, Routes } from "react-router";

import { GrantPage } from "./GrantPage.js";
import { OverviewPage } from "./OverviewPage.js";
import { RequestsPage } from "./RequestsPage.js";

export { ActivityPage } from "./ActivityPage.js";

/** The patient's sharing pages, mounted by the patient area under /patient/sharing/*. */
export default function SharingPages() {
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="grant" element={<GrantPage />} />
      <Route path="requests" element={<RequestsPage />} />
    </Routes>
  );
}
