import { RoleLayout } from "../../app/Layout.js";

export default function DoctorArea() {
  return (
    <RoleLayout role="doctor" nav={[{ to: "/doctor", label: "Home" }]}>
      <h1>Doctor</h1>
    </RoleLayout>
  );
}
