import { RegistrationForm } from "../../registration/RegistrationForm.js";
import { ADMIN_REGISTRABLE_KINDS } from "../../registration/registration-fields.js";
import { useHospitalOptions } from "../../registration/use-participants.js";

export default function RegisterPage() {
  const hospitals = useHospitalOptions();
  return (
    <>
      <h1>Register a participant</h1>
      <p>
        Register a hospital, insurer, laboratory, auditor, doctor or patient by their wallet address. They set up their own
        encryption key when they first sign in.
      </p>
      <RegistrationForm
        allowedKinds={ADMIN_REGISTRABLE_KINDS}
        affiliation={{ kind: "choose", hospitals: hospitals.options, note: hospitals.note }}
      />
    </>
  );
}
