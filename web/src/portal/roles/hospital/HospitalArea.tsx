import { RoleLayout } from "../../app/Layout.js";

export default function HospitalArea() {
  return (
    <RoleLayout role="hospital" nav={[{ to: "/hospital", label: "Home" }]}>
      <h1>Hospital</h1>
    </RoleLayout>
  );
}
