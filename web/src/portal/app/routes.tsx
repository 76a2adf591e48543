import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";

import type { PortalRuntimeConfig } from "../config/runtime-config.js";
import type { PortalRole } from "../session/roles.js";
import { Loading } from "../ui/Notices.js";
import { AccessGate } from "./AccessGate.js";
import { Home } from "./Home.js";
import { Shell } from "./Shell.js";

// One chunk per role: a patient never downloads the admin's pages.
const AREAS: Record<PortalRole, LazyExoticComponent<ComponentType>> = {
  admin: lazy(() => import("../roles/admin/AdminArea.js")),
  hospital: lazy(() => import("../roles/hospital/HospitalArea.js")),
  patient: lazy(() => import("../roles/patient/PatientArea.js")),
  doctor: lazy(() => import("../roles/doctor/DoctorArea.js")),
  lab: lazy(() => import("../roles/lab/LabArea.js")),
  insurer: lazy(() => import("../roles/insurer/InsurerArea.js")),
  auditor: lazy(() => import("../roles/auditor/AuditorArea.js")),
};
const SignUpPage = lazy(() => import("../roles/patient/SignUpPage.js"));

/**
 * The auditor's pages show the whole log: reading the browser's copy of it (tens of MB at 100,000
 * entries) starts while the wallet connects, instead of after.
 */
function preloadAuditorArea(config: PortalRuntimeConfig): void {
  void import("../log/use-ledger-log.js").then(({ liveLogOf }) => liveLogOf(config));
  void import("../roles/auditor/AuditorArea.js");
}

function area(role: PortalRole): RouteObject {
  const Area = AREAS[role];
  return {
    path: `${role}/*`,
    element: (
      <AccessGate role={role} preload={role === "auditor" ? preloadAuditorArea : undefined}>
        <Suspense fallback={<Loading what="the page" />}>
          <Area />
        </Suspense>
      </AccessGate>
    ),
  };
}

export function createPortalRouter() {
  return createBrowserRouter([
    {
      path: "/",
      element: <Shell />,
      children: [
        { index: true, element: <Home /> },
        {
          path: "signup",
          element: (
            <Suspense fallback={<Loading what="the page" />}>
              <SignUpPage />
            </Suspense>
          ),
        },
        ...(Object.keys(AREAS) as PortalRole[]).map(area),
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}

function NotFound() {
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>
        <a href="/">Go to your home page</a>
      </p>
    </section>
  );
}
