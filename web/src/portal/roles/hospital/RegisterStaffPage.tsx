import { useSession } from "../../session/session-context.js";
import { RegistrationForm } from "../../registration/RegistrationForm.js";
import { HOSPITAL_REGISTRABLE_KINDS } from "../../registration/registration-fields.js";
import { useParticipantNames } from "../../registration/use-names.js";

export default function RegisterStaffPage() {
  const { account } = useSession();
  const { displayName } = useParticipantNames();
  if (account === undefined) return null;
  return (
    <>
      <h1>Register a doctor or laboratory</h1>
      <p>They join as your staff: records they write show your hospital as their facility. They set up their own encryption key when they first sign in.</p>
      <RegistrationForm allowedKinds={HOSPITAL_REGISTRABLE_KINDS} affiliation={{ kind: "fixed", hospital: account, name: displayName(account) }} />
    </>
  );
}
