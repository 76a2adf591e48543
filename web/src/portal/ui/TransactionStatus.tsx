import type { TransactionState } from "./use-ledger-transaction.js";
import { errorSentence } from "./error-sentence.js";

const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-8)}`;

/** Where a transaction is, in words, with its hash once there is one. */
export function TransactionStatus({ state, label }: { state: TransactionState; label?: string }) {
  const what = label ?? "Transaction";
  switch (state.stage) {
    case "idle":
      return null;
    case "simulating":
      return <p className="tx tx-busy" role="status">{what}: checking it with the contract…</p>;
    case "awaiting-signature":
      return <p className="tx tx-busy" role="status">{what}: waiting for your signature in the wallet…</p>;
    case "pending":
      return (
        <p className="tx tx-busy" role="status">
          {what}: pending — <code title={state.hash}>{shortHash(state.hash)}</code>
        </p>
      );
    case "confirmed":
      return (
        <p className="tx tx-ok" role="status">
          {what}: confirmed — <code title={state.hash} data-testid="tx-hash">{shortHash(state.hash)}</code>
        </p>
      );
    case "failed":
      return (
        <p className="tx tx-failed" role="alert">
          {what} failed: {errorSentence(state.error)}
        </p>
      );
  }
}
