import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { Address } from "../../core/ledger-context.js";
import { TransactionStatus } from "../ui/TransactionStatus.js";
import { useLedgerTransaction } from "../ui/use-ledger-transaction.js";
import { ConfirmingButton } from "./ConfirmingButton.js";
import { PARTICIPANT_QUERY_KEYS } from "./participant-queries.js";

/**
 * Suspend or reactivate one participant, after a confirmation. `mayReactivate` hides what the
 * signer may not do (only the admin lifts a suspension).
 */
export function StatusChange({ account, name, suspended, mayReactivate }: { account: Address; name: string; suspended: boolean; mayReactivate: boolean }) {
  const queryClient = useQueryClient();
  const { state, send, busy } = useLedgerTransaction();
  const [lastAction, setLastAction] = useState<"suspend" | "reactivate">("suspend");

  const change = async (functionName: "suspend" | "reactivate") => {
    setLastAction(functionName);
    const result = await send(functionName, [account]);
    if (result !== undefined) await Promise.all(PARTICIPANT_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };

  return (
    <div className="status-change">
      {suspended ? (
        mayReactivate ? (
          <ConfirmingButton label="Reactivate" question={`Reactivate ${name}?`} confirmLabel="Yes, reactivate" disabled={busy} onConfirm={() => void change("reactivate")} />
        ) : (
          <span className="muted">Only the administrator can reactivate.</span>
        )
      ) : (
        <ConfirmingButton
          label="Suspend"
          question={`Suspend ${name}? They can no longer act on the ledger until reactivated.`}
          confirmLabel="Yes, suspend"
          danger
          disabled={busy}
          onConfirm={() => void change("suspend")}
        />
      )}
      <TransactionStatus state={state} label={lastAction === "suspend" ? "Suspension" : "Reactivation"} />
    </div>
  );
}
