import { useState } from "react";
import { Link } from "react-router";

import type { Hex } from "../../../../core/bytes.js";
import { useServices } from "../../../session/session-context.js";
import { TransactionStatus } from "../../../ui/TransactionStatus.js";
import type { TransactionState } from "../../../ui/use-ledger-transaction.js";
import { categoryLabel } from "../../../records/record-labels.js";
import { ProviderPicker } from "../sharing/ProviderPicker.js";
import type { ChosenProvider } from "../sharing/picker-options.js";
import { shareCategory } from "./share-record.js";

const HOSPITAL_KIND = 3;

/** After a record is added: share its category with several hospitals in one transaction. */
export function ShareWithHospitals({ category }: { category: number }) {
  const services = useServices();
  const [chosen, setChosen] = useState<ChosenProvider[]>([]);
  const [state, setState] = useState<TransactionState>({ stage: "idle" });
  const [sharedWith, setSharedWith] = useState<readonly ChosenProvider[] | undefined>();
  const busy = state.stage === "simulating" || state.stage === "awaiting-signature" || state.stage === "pending";
  const what = categoryLabel(category).toLowerCase();

  const share = async () => {
    let hash: Hex | undefined;
    try {
      await shareCategory(services, chosen.map((provider) => provider.account), category, (status) => {
        if ("hash" in status) hash = status.hash;
        setState(status);
      });
      setSharedWith(chosen);
    } catch (error) {
      setState({ stage: "failed", error, ...(hash === undefined ? {} : { hash }) });
    }
  };

  return (
    <section className="panel" aria-labelledby="share-title">
      <h2 id="share-title">Share it with hospitals</h2>
      <p>
        Choose the hospitals that should be able to read your {what}: this record and the others in that category. One transaction covers every
        hospital you choose; they can read, not write, until you revoke their access under <Link to="/patient/sharing">Sharing</Link>.
      </p>
      {sharedWith === undefined ? (
        <>
          <ProviderPicker selected={chosen} onChange={setChosen} kinds={[HOSPITAL_KIND]} legend="Hospitals" disabled={busy} />
          <button type="button" onClick={() => void share()} disabled={busy || chosen.length === 0}>
            {chosen.length <= 1 ? "Share with the chosen hospital" : `Share with ${chosen.length} hospitals`}
          </button>
        </>
      ) : (
        <p className="notice notice-ok" role="status">
          Shared with {sharedWith.map((provider) => provider.name ?? provider.account).join(", ")}.
        </p>
      )}
      <TransactionStatus state={state} label="Sharing" />
    </section>
  );
}
