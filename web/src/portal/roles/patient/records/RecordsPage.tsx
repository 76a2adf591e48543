import { Link } from "react-router";

import { RecordTimeline } from "../../../records/RecordTimeline.js";
import { useServices } from "../../../session/session-context.js";

/** The patient's own records: every one decryptable here, whoever wrote it. */
export function RecordsPage() {
  const { identity } = useServices();
  return (
    <section aria-labelledby="records-title">
      <div className="form-row">
        <h1 id="records-title">Your records</h1>
        <Link to="/patient/add" className="button">
          Add a record
        </Link>
      </div>
      <p className="muted">Records are decrypted in this browser tab only when you open them.</p>
      <RecordTimeline
        patient={identity.account}
        emptyAction={
          <p>
            Records your doctors, hospitals and labs add will appear here. You can also <Link to="/patient/add">add your own</Link>, such as
            symptoms and reports from elsewhere.
          </p>
        }
      />
    </section>
  );
}
