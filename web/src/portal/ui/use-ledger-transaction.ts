import { useCallback, useState } from "react";

import { sendLedgerTransaction, type LedgerTransactionResult, type LedgerWriteArgs, type LedgerWriteName, type TransactionStatus } from "../../core/chain/transactions.js";
import { useSession } from "../session/session-context.js";

export type TransactionState = { stage: "idle" } | TransactionStatus | { stage: "failed"; error: unknown; hash?: `0x${string}` };

/** One contract call with its lifecycle (simulating → waiting for signature → pending → confirmed) as state. */
export function useLedgerTransaction() {
  const { connection } = useSession();
  const [state, setState] = useState<TransactionState>({ stage: "idle" });

  const send = useCallback(
    async <Name extends LedgerWriteName>(functionName: Name, args: LedgerWriteArgs<Name>, value?: bigint): Promise<LedgerTransactionResult | undefined> => {
      if (connection === undefined) {
        setState({ stage: "failed", error: new Error("Connect your wallet on the ledger's network first.") });
        return undefined;
      }
      try {
        const result = await sendLedgerTransaction(connection, functionName, args, { ...(value === undefined ? {} : { value }), onStatus: setState });
        return result;
      } catch (error) {
        setState((previous) => ({ stage: "failed", error, ...("hash" in previous ? { hash: previous.hash } : {}) }));
        return undefined;
      }
    },
    [connection],
  );

  const reset = useCallback(() => setState({ stage: "idle" }), []);
  const busy = state.stage === "simulating" || state.stage === "awaiting-signature" || state.stage === "pending";
  return { state, send, reset, busy, setState };
}
