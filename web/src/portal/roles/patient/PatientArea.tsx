import { RoleLayout } from "../../app/Layout.js";

export default function PatientArea() {
  return (
    <RoleLayout role="patient" nav={[{ to: "/patient", label: "Home" }]}>
      <h1>Patient</h1>
    </RoleLayout>
  );
}
