import { RoleLayout } from "../../app/Layout.js";

export default function AuditorArea() {
  return (
    <RoleLayout role="auditor" nav={[{ to: "/auditor", label: "Home" }]}>
      <h1>Auditor</h1>
    </RoleLayout>
  );
}
