import { RoleLayout } from "../../app/Layout.js";

export default function InsurerArea() {
  return (
    <RoleLayout role="insurer" nav={[{ to: "/insurer", label: "Home" }]}>
      <h1>Insurer</h1>
    </RoleLayout>
  );
}
