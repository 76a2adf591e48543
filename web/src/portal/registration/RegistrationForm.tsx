import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";

import { randomIdentitySalt, saltToHex } from "../../core/identity/commitment.js";
import type { Address } from "../../core/ledger-context.js";
import { Field, fieldProps } from "../ui/Field.js";
import { useSession } from "../session/session-context.js";
import { errorSentence } from "../ui/error-sentence.js";
import { TransactionStatus } from "../ui/TransactionStatus.js";
import { useLedgerTransaction } from "../ui/use-ledger-transaction.js";
import { AccountNotRegistrableError, prepareRegistration, type RegistrationStep } from "./register-participant.js";
import {
  emptyRegistrationFields,
  isProviderKind,
  Kind,
  isStaffKind,
  KIND_LABELS,
  KIND_PLURAL_LABELS,
  registrationErrors,
  validRegistration,
  type RegistrableKind,
  type RegistrationErrors,
  type RegistrationField,
  type RegistrationFields,
} from "./registration-fields.js";
import { PARTICIPANT_QUERY_KEYS } from "./participant-queries.js";
import { SaltDownload } from "./SaltDownload.js";

const newSalt = () => saltToHex(randomIdentitySalt());

export interface HospitalOption {
  address: Address;
  name: string;
}

/** Where a doctor or lab belongs: chosen by the admin, or always the hospital that registers it. */
export type AffiliationChoice = { kind: "fixed"; hospital: Address; name: string } | { kind: "choose"; hospitals: readonly HospitalOption[]; note?: ReactNode };

const STEP_SENTENCES: Record<RegistrationStep, string> = {
  "checking-account": "Checking that the wallet is not registered yet…",
  "computing-commitment": "Computing the identity commitment in this browser…",
  "publishing-profile": "Publishing the public profile to IPFS…",
};

type Done = { account: Address; kind: RegistrableKind; salt: string };

/** Registers one participant by wallet address: the admin's and a hospital's form. */
export function RegistrationForm({ allowedKinds, affiliation }: { allowedKinds: readonly RegistrableKind[]; affiliation: AffiliationChoice }) {
  const { readConnection, loadIpfs, account: registrar } = useSession();
  const queryClient = useQueryClient();
  const firstKind = allowedKinds[0];
  if (firstKind === undefined) throw new Error("RegistrationForm needs at least one kind to offer");
  const [fields, setFields] = useState<RegistrationFields>(() => emptyRegistrationFields(firstKind, newSalt()));
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const [step, setStep] = useState<RegistrationStep | undefined>();
  const [preparationError, setPreparationError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | undefined>();
  const { state, send, busy: sending, reset } = useLedgerTransaction();
  const busy = step !== undefined || sending;
  const formId = useId();

  const rules = {
    allowedKinds,
    ...(affiliation.kind === "fixed" ? { fixedAffiliation: affiliation.hospital } : {}),
    ...(registrar === undefined ? {} : { registrar }),
  };
  const update = (field: RegistrationField, value: string) => {
    setFields((previous) => ({ ...previous, [field]: field === "kind" ? (Number(value) as RegistrableKind) : value }));
    if (errors[field] !== undefined) setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPreparationError(null);
    reset();
    const found = registrationErrors(fields, rules);
    setErrors(found);
    const registration = validRegistration(fields, rules);
    if (registration === undefined) {
      focusFirstError(formId, found);
      return;
    }
    let args;
    try {
      args = await prepareRegistration(readConnection, registration, { loadIpfs, onStep: setStep });
    } catch (error) {
      if (error instanceof AccountNotRegistrableError) {
        setErrors({ account: error.message });
        focusFirstError(formId, { account: error.message });
      } else setPreparationError(error);
      return;
    } finally {
      setStep(undefined);
    }
    const result = await send("registerParticipant", args);
    if (result === undefined) return;
    setDone({ account: registration.account, kind: registration.kind, salt: registration.salt });
    // The National ID must not outlive the registration, even in this tab's memory.
    setFields(emptyRegistrationFields(registration.kind, newSalt()));
    await Promise.all(PARTICIPANT_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };

  if (done !== undefined) {
    return (
      <section className="panel" aria-labelledby={`${formId}-done`}>
        <h2 id={`${formId}-done`}>Registered</h2>
        <p className="notice notice-ok" role="status">
          {KIND_LABELS[done.kind]} <code>{done.account}</code> is registered.{" "}
          {done.kind === Kind.Auditor ? "They can sign in right away." : "They set up their encryption key when they first sign in."}
        </p>
        <SaltDownload account={done.account} salt={done.salt} />
        <TransactionStatus state={state} label="Registration" />
        <button
          type="button"
          onClick={() => {
            setDone(undefined);
            reset();
          }}
        >
          Register another participant
        </button>
      </section>
    );
  }

  const field = (name: RegistrationField) => fieldProps(`${formId}-${name}`, errors[name]);
  const provider = isProviderKind(fields.kind);

  return (
    <form id={formId} className="panel registration-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Register a participant">
      <div className="form-row">
        <Field id={`${formId}-kind`} label="Kind" error={errors.kind}>
          <select {...field("kind")} value={fields.kind} onChange={(event) => update("kind", event.target.value)} disabled={busy}>
            {allowedKinds.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${formId}-account`} label="Wallet address" error={errors.account}>
          <input
            {...field("account")}
            value={fields.account}
            onChange={(event) => update("account", event.target.value)}
            placeholder="0x…"
            autoComplete="off"
            spellCheck={false}
            disabled={busy}
          />
        </Field>
      </div>

      {isStaffKind(fields.kind) ? (
        affiliation.kind === "fixed" ? (
          <p>
            Affiliation: <strong>{affiliation.name}</strong> (your hospital)
          </p>
        ) : (
          <Field id={`${formId}-affiliation`} label="Hospital (optional)" error={errors.affiliation}>
            <select {...field("affiliation")} value={fields.affiliation} onChange={(event) => update("affiliation", event.target.value)} disabled={busy}>
              <option value="">None: an independent practitioner</option>
              {affiliation.hospitals.map((hospital) => (
                <option key={hospital.address} value={hospital.address}>
                  {hospital.name}
                </option>
              ))}
            </select>
            {affiliation.note}
          </Field>
        )
      ) : null}

      <fieldset>
        <legend>Identity commitment</legend>
        <p className="muted">
          The National ID is hashed with a random salt in this browser. Only the hash goes on chain; the ID itself is never
          stored or sent. With the salt, the participant can later prove this registration is theirs.
        </p>
        <Field id={`${formId}-nationalId`} label="National ID" error={errors.nationalId}>
          <input
            {...field("nationalId")}
            value={fields.nationalId}
            onChange={(event) => update("nationalId", event.target.value)}
            autoComplete="off"
            spellCheck={false}
            disabled={busy}
          />
        </Field>
        <Field id={`${formId}-salt`} label="Identity salt" error={errors.salt}>
          <input {...field("salt")} value={fields.salt} readOnly spellCheck={false} className="mono" />
        </Field>
        <p className="notice">
          Save this salt and give it to the participant. It is kept nowhere else: without it, nobody can check the
          commitment against their National ID.
        </p>
        <div className="form-row">
          <SaltDownload account={fields.account.trim()} salt={fields.salt} />
          <button type="button" className="secondary" onClick={() => update("salt", newSalt())} disabled={busy}>
            New salt
          </button>
        </div>
      </fieldset>

      {provider ? (
        <fieldset>
          <legend>Public profile</legend>
          <p className="muted">Shown in the provider directory patients choose from. It is public: put nothing private here.</p>
          <div className="form-row">
            <Field id={`${formId}-name`} label="Public name" error={errors.name}>
              <input {...field("name")} value={fields.name} onChange={(event) => update("name", event.target.value)} disabled={busy} />
            </Field>
            <Field id={`${formId}-specialty`} label="Specialty" error={errors.specialty}>
              <input {...field("specialty")} value={fields.specialty} onChange={(event) => update("specialty", event.target.value)} disabled={busy} />
            </Field>
            <Field id={`${formId}-facility`} label="Facility (optional)" error={errors.facility}>
              <input {...field("facility")} value={fields.facility} onChange={(event) => update("facility", event.target.value)} disabled={busy} />
            </Field>
          </div>
        </fieldset>
      ) : (
        <p className="muted">{KIND_PLURAL_LABELS[fields.kind]} have no public profile.</p>
      )}

      <button type="submit" disabled={busy}>
        Register participant
      </button>
      {step === undefined ? null : (
        <p className="tx tx-busy" role="status">
          {STEP_SENTENCES[step]}
        </p>
      )}
      {preparationError === null ? null : (
        <p className="notice notice-error" role="alert">
          The registration was not sent: {errorSentence(preparationError)}
        </p>
      )}
      <TransactionStatus state={state} label="Registration" />
    </form>
  );
}

function focusFirstError(formId: string, errors: RegistrationErrors) {
  const first = Object.keys(errors)[0];
  if (first !== undefined) document.getElementById(`${formId}-${first}`)?.focus();
}

