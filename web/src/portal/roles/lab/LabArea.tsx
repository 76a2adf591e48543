import { RoleLayout } from "../../app/Layout.js";

export default function LabArea() {
  return (
    <RoleLayout role="lab" nav={[{ to: "/lab", label: "Home" }]}>
      <h1>Lab</h1>
    </RoleLayout>
  );
}
