import { useState } from "react";
import { Link } from "react-router";

import { RecordComposer } from "../../../records/RecordComposer.js";
import type { RecordKind } from "../../../records/composer-form.js";
import { useServices } from "../../../session/session-context.js";
import { ShareWithHospitals } from "./ShareWithHospitals.js";

/** What a patient files themselves: their symptoms, and reports and results brought from elsewhere. */
export const PATIENT_RECORD_KINDS: readonly RecordKind[] = ["symptom-report", "imaging-report", "lab-result", "clinical-note"];

export function AddRecordPage() {
  const { identity } = useServices();
  const [addedCategory, setAddedCategory] = useState<number | undefined>();
  // A fresh composer and share panel for each record.
  const [round, setRound] = useState(0);

  return (
    <section aria-labelledby="add-title">
      <h1 id="add-title">Add a record</h1>
      <p>
        Describe your symptoms in your own words and attach photos or reports. Everything is encrypted in this browser before it is stored;
        only you, and those you share it with, can read it. <Link to="/patient">Back to your records</Link>
      </p>
      <RecordComposer
        key={round}
        patient={identity.account}
        kinds={PATIENT_RECORD_KINDS}
        onAdded={(added) => setAddedCategory(added.category)}
        onStartOver={() => {
          setAddedCategory(undefined);
          setRound((n) => n + 1);
        }}
      />
      {addedCategory === undefined ? null : <ShareWithHospitals key={round} category={addedCategory} />}
    </section>
  );
}
