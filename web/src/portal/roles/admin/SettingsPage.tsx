import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { formatEther } from "viem";

import { readLedgerView } from "../../../core/chain/views.js";
import { Field, fieldProps } from "../../ui/Field.js";
import { ConfirmingButton } from "../../registration/ConfirmingButton.js";
import { useSession } from "../../session/session-context.js";
import { ErrorNotice, Loading } from "../../ui/Notices.js";
import { TransactionStatus } from "../../ui/TransactionStatus.js";
import { useLedgerTransaction } from "../../ui/use-ledger-transaction.js";
import { parseSignUpFee, parseTreasury } from "./settings-fields.js";

const FEE_KEY = ["ledger", "signUpFee"] as const;
const BALANCE_KEY = ["ledger", "collectedFees"] as const;
const PAUSED_KEY = ["ledger", "paused"] as const;

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <SignUpFeeSettings />
      <CollectedFees />
      <EmergencyStop />
    </>
  );
}

function SignUpFeeSettings() {
  const { readConnection } = useSession();
  const queryClient = useQueryClient();
  const fee = useQuery({ queryKey: FEE_KEY, queryFn: () => readLedgerView(readConnection, "signUpFee", []) });
  const { state, send, busy } = useLedgerTransaction();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    const parsed = parseSignUpFee(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    if ((await send("setSignUpFee", [parsed.value])) !== undefined) {
      setText("");
      await queryClient.invalidateQueries({ queryKey: FEE_KEY });
    }
  };

  return (
    <section className="panel" aria-labelledby="fee-title">
      <h2 id="fee-title">Sign-up fee</h2>
      <p>Patients who sign up themselves pay this fee once. Participants you register pay nothing.</p>
      {fee.isPending ? (
        <Loading what="the sign-up fee" />
      ) : fee.isError ? (
        <ErrorNotice error={fee.error} what="the sign-up fee" retry={() => void fee.refetch()} />
      ) : (
        <p>
          Current fee: <strong data-testid="current-fee">{formatEther(fee.data)} ETH</strong>
        </p>
      )}
      <OneFieldForm label="New sign-up fee (ETH)" value={text} onChange={setText} error={error} submitLabel="Set fee" disabled={busy} onSubmit={submit} inputMode="decimal" placeholder="0.01" />
      <TransactionStatus state={state} label="Fee change" />
    </section>
  );
}

function CollectedFees() {
  const { readConnection, account } = useSession();
  const queryClient = useQueryClient();
  const balance = useQuery({ queryKey: BALANCE_KEY, queryFn: () => readConnection.publicClient.getBalance({ address: readConnection.address }) });
  const { state, send, busy } = useLedgerTransaction();
  const [treasury, setTreasury] = useState(account ?? "");
  const [error, setError] = useState<string | undefined>();

  const submit = async () => {
    const parsed = parseTreasury(treasury);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    if ((await send("withdrawFees", [parsed.value])) !== undefined) await queryClient.invalidateQueries({ queryKey: BALANCE_KEY });
  };

  const nothingCollected = balance.data === 0n;
  return (
    <section className="panel" aria-labelledby="collected-title">
      <h2 id="collected-title">Collected fees</h2>
      {balance.isPending ? (
        <Loading what="the collected fees" />
      ) : balance.isError ? (
        <ErrorNotice error={balance.error} what="the collected fees" retry={() => void balance.refetch()} />
      ) : (
        <p>
          The ledger holds <strong data-testid="collected-fees">{formatEther(balance.data)} ETH</strong> in sign-up fees.
        </p>
      )}
      <OneFieldForm label="Send fees to" value={treasury} onChange={setTreasury} error={error} submitLabel="Withdraw fees" disabled={busy || nothingCollected} onSubmit={submit} />
      {nothingCollected ? <p className="muted">Nothing to withdraw yet.</p> : null}
      <TransactionStatus state={state} label="Withdrawal" />
    </section>
  );
}

function EmergencyStop() {
  const { readConnection } = useSession();
  const queryClient = useQueryClient();
  const paused = useQuery({ queryKey: PAUSED_KEY, queryFn: () => readLedgerView(readConnection, "paused", []) });
  const { state, send, busy } = useLedgerTransaction();

  const toggle = async (functionName: "pause" | "unpause") => {
    if ((await send(functionName, [])) !== undefined) await queryClient.invalidateQueries({ queryKey: PAUSED_KEY });
  };

  return (
    <section className="panel" aria-labelledby="pause-title">
      <h2 id="pause-title">Emergency stop</h2>
      <p>
        Pausing stops every participant action on the ledger: registrations and sign-ups, key changes, grants and
        revocations, access requests, new and amended records and read receipts. Reading what is already stored keeps
        working, and you can still suspend and reactivate participants while paused.
      </p>
      {paused.isPending ? (
        <Loading what="the ledger's state" />
      ) : paused.isError ? (
        <ErrorNotice error={paused.error} what="the ledger's state" retry={() => void paused.refetch()} />
      ) : paused.data ? (
        <>
          <p className="notice notice-error" data-testid="paused-state">
            The ledger is paused: participants cannot act until you unpause it.
          </p>
          <button type="button" disabled={busy} onClick={() => void toggle("unpause")}>
            Unpause the ledger
          </button>
        </>
      ) : (
        <>
          <p className="notice notice-ok" data-testid="paused-state">
            The ledger is running.
          </p>
          <ConfirmingButton
            label="Pause the ledger"
            question="Pause the ledger? Every participant action stops until you unpause it."
            confirmLabel="Yes, pause"
            danger
            disabled={busy}
            onConfirm={() => void toggle("pause")}
          />
        </>
      )}
      <TransactionStatus state={state} label={paused.data ? "Unpause" : "Pause"} />
    </section>
  );
}

/** One input, its error and its submit button: validation happens in `onSubmit`, before any signature. */
function OneFieldForm({
  label,
  value,
  onChange,
  error,
  submitLabel,
  disabled,
  onSubmit,
  inputMode,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  submitLabel: string;
  disabled: boolean;
  onSubmit: () => Promise<void>;
  inputMode?: "decimal";
  placeholder?: string;
}) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="narrow">
      <Field id={id} label={label} error={error}>
        <input {...fieldProps(id, error)} value={value} onChange={(event) => onChange(event.target.value)} inputMode={inputMode} placeholder={placeholder} autoComplete="off" spellCheck={false} />
      </Field>
      <button type="submit" className="actions" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
