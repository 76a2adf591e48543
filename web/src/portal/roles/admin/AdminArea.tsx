import { RoleLayout } from "../../app/Layout.js";

export default function AdminArea() {
  return (
    <RoleLayout role="admin" nav={[{ to: "/admin", label: "Home" }]}>
      <h1>Admin</h1>
    </RoleLayout>
  );
}
