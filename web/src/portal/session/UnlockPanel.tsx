import { useState } from "react";

import { errorSentence } from "../ui/error-sentence.js";
import { useSession, type LockReason } from "./session-context.js";

const REASONS: Record<LockReason, string> = {
  manual: "You locked the portal.",
  idle: "The portal locked itself after a period without activity; your keys and decrypted records were wiped from memory.",
  "account-changed": "Your wallet switched accounts; the previous account's keys and data were wiped.",
};

/** Keys live in memory only: after a lock, the wallet signs once more to recreate them. */
export function UnlockPanel({ needsKey }: { needsKey: boolean }) {
  const { unlock, lockReason, config } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await unlock();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{needsKey ? "Set up your encryption key" : "Unlock your records"}</h1>
      {lockReason === undefined ? null : <p className="notice">{REASONS[lockReason]}</p>}
      <p>
        {needsKey
          ? "Your wallet will ask you to sign the same message twice (it proves the key can be recreated), then to confirm one transaction that publishes your public key."
          : "Your wallet will ask you to sign a message. Nothing is sent to the chain; the signature recreates your decryption key in this tab only."}{" "}
        The portal locks again after {config.idleLockMinutes} minutes without activity.
      </p>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? "Check your wallet…" : needsKey ? "Set up my key" : "Unlock"}
      </button>
      {error === null ? null : (
        <p className="notice notice-error" role="alert">
          {errorSentence(error)}
        </p>
      )}
    </section>
  );
}
