import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { useConnection } from "wagmi";

import { ledgerContextOf } from "../../../core/chain/connection.js";
import { readLedgerView } from "../../../core/chain/views.js";
import { identityCommitment, randomIdentitySalt, saltToHex } from "../../../core/identity/commitment.js";
import { enrollIdentity } from "../../../core/identity/enrollment.js";
import type { Identity } from "../../../core/identity/identity.js";
import { walletClientSigner } from "../../../core/identity/signer.js";
import { SaltDownload } from "../../registration/SaltDownload.js";
import { useSession } from "../../session/session-context.js";
import { ErrorNotice, Loading } from "../../ui/Notices.js";
import { TransactionStatus } from "../../ui/TransactionStatus.js";
import { useLedgerTransaction } from "../../ui/use-ledger-transaction.js";
import { ConnectPanel } from "../../wallet/ConnectPanel.js";
import { WrongChainPanel } from "../../wallet/ChainGuard.js";
import { formatSignUpFee, nationalIdError, SIGN_UP_STEP_LABELS, type SignUpStep } from "./signup-fields.js";

/** /signup: outside the access gate, so it checks the wallet itself before offering the form. */
export default function SignUpPage() {
  const { status, chainId } = useConnection();
  const { config, standing, standingError, refreshStanding } = useSession();
  if (status === "connecting" || status === "reconnecting") return <Loading what="your wallet" />;
  if (status !== "connected") return <ConnectPanel />;
  if (chainId !== config.chainId) return <WrongChainPanel walletChainId={chainId} />;
  if (standingError !== null) return <ErrorNotice error={standingError} what="your account" retry={() => void refreshStanding()} />;
  if (standing === undefined) return <Loading what="your account" />;
  if (standing.kind === "admin") return <Navigate to="/admin" replace />;
  if (standing.kind === "participant") return <Navigate to={`/${standing.role}`} replace />;
  return <SignUpForm />;
}

function SignUpForm() {
  const { config, readConnection, connection, account, adoptIdentity, refreshStanding } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const fee = useQuery({ queryKey: ["signUpFee", config.ledgerAddress], queryFn: () => readLedgerView(readConnection, "signUpFee", []) });
  // The salt is made here and never stored: the patient keeps it, and it is gone with this page.
  const [salt] = useState(() => saltToHex(randomIdentitySalt()));
  const [nationalId, setNationalId] = useState("");
  const [touched, setTouched] = useState(false);
  const [saltSaved, setSaltSaved] = useState(false);
  const [step, setStep] = useState<SignUpStep | undefined>();
  const [keyError, setKeyError] = useState<unknown>(null);
  const transaction = useLedgerTransaction();

  const idProblem = nationalIdError(nationalId);
  const busy = step !== undefined;
  const ready = idProblem === undefined && saltSaved && fee.data !== undefined && connection?.walletClient !== undefined && !busy;

  const signUp = async () => {
    if (!ready || connection?.walletClient === undefined || fee.data === undefined) return;
    setKeyError(null);
    transaction.reset();
    const commitment = identityCommitment(nationalId, salt);
    setStep("deriving-key");
    let identity: Identity;
    try {
      identity = await enrollIdentity(walletClientSigner(connection.walletClient), ledgerContextOf(connection));
    } catch (error) {
      setKeyError(error);
      setStep(undefined);
      return;
    }
    setStep("signing-up");
    const result = await transaction.send("signUp", [identity.publicKeyHex, commitment], fee.data);
    if (result === undefined) {
      identity.wipe();
      setStep(undefined);
      return;
    }
    setStep("opening");
    await adoptIdentity(identity);
    await refreshStanding();
    await navigate("/patient", { replace: true });
  };

  const idErrorShown = touched && idProblem !== undefined;
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Sign up as a patient</h1>
        <p>
          Signing up registers this wallet as a patient and creates your encryption key. Your records are encrypted with it in your browser;
          you decide who else may read them, and can take that access back.
        </p>
        <p>
          Your National ID proves later that this registration is yours. It is <strong>never stored and never sent</strong>: this page
          combines it with a random salt into a one-way commitment, and only that commitment goes to the ledger.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void signUp();
          }}
        >
          <fieldset disabled={busy}>
            <label htmlFor={`${id}-national-id`}>National ID</label>
            <input
              id={`${id}-national-id`}
              value={nationalId}
              onChange={(event) => setNationalId(event.target.value)}
              onBlur={() => setTouched(true)}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={idErrorShown}
              aria-describedby={idErrorShown ? `${id}-national-id-error` : undefined}
            />
            {idErrorShown ? (
              <p id={`${id}-national-id-error`} className="field-error">
                {idProblem}
              </p>
            ) : null}
            <div className="notice">
              <p className="notice-title">Save this salt</p>
              <p>
                <code className="salt" aria-label="Your identity salt">
                  {salt}
                </code>
              </p>
              <p>
                With your National ID, this salt is the only way to prove the commitment is yours. Nobody else keeps a copy, and it cannot be
                recovered.
              </p>
              <SaltDownload account={account ?? ""} salt={salt} />
            </div>
            <label>
              <input type="checkbox" checked={saltSaved} onChange={(event) => setSaltSaved(event.target.checked)} /> I have saved my salt
            </label>
          </fieldset>
          <p>
            Sign-up fee:{" "}
            {fee.isPending ? "loading…" : fee.isError ? <ErrorNotice error={fee.error} what="the sign-up fee" retry={() => void fee.refetch()} /> : <strong>{formatSignUpFee(fee.data)}</strong>}
          </p>
          <button type="submit" disabled={!ready}>
            Sign up and set up my key
          </button>
        </form>
        {step === undefined ? null : (
          <p className="notice notice-loading" role="status">
            {SIGN_UP_STEP_LABELS[step]}…
          </p>
        )}
        {keyError === null ? null : <ErrorNotice error={keyError} />}
        <TransactionStatus state={transaction.state} label="Sign-up" />
      </section>
      <section className="panel" aria-labelledby={`${id}-providers`}>
        <h2 id={`${id}-providers`}>Are you a doctor, hospital, laboratory, insurer or auditor?</h2>
        <p>
          Providers do not sign up here: a hospital registers its doctors and laboratories, and the consortium administrator registers hospitals,
          insurers, laboratories and auditors. Give them this wallet's address; once registered, reconnect and you will see your pages.
        </p>
      </section>
    </>
  );
}
