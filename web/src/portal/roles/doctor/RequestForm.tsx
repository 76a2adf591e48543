import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { PURPOSE_NAMES } from "../../../core/access-log/codes.js";
import { CATEGORY_NAMES } from "../../../core/chain/categories.js";
import { readParticipant } from "../../../core/chain/views.js";
import type { Address } from "../../../core/ledger-context.js";
import { Field, fieldProps } from "../../ui/Field.js";
import { useSession } from "../../session/session-context.js";
import { errorSentence } from "../../ui/error-sentence.js";
import { inScope, toggleRead, toggleWrite } from "../../ui/scope-toggles.js";
import { TransactionStatus } from "../../ui/TransactionStatus.js";
import { useLedgerTransaction } from "../../ui/use-ledger-transaction.js";
import { PROVIDER_REQUESTS_KEY } from "./use-own-requests.js";
import {
  emptyRequestForm,
  patientStandingError,
  requestArgs,
  requestFormErrors,
  type RequestFormErrors,
  type RequestFormFields,
} from "./request-form.js";

/** Asks a patient (by the account address the front desk gave) for access to some categories, for a purpose. */
export function RequestForm({ doctor }: { doctor: Address }) {
  const { readConnection } = useSession();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<RequestFormFields>(emptyRequestForm);
  const [errors, setErrors] = useState<RequestFormErrors>({});
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const { state, send, busy: sending, reset } = useLedgerTransaction();
  const busy = checking || sending;
  const formId = useId();
  const id = (name: string) => `${formId}-${name}`;

  const change = (next: RequestFormFields) => {
    setFields(next);
    setErrors({});
    setSent(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    setCheckError(null);
    setSent(false);
    const found = requestFormErrors(fields, doctor);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(id(Object.keys(found)[0] as string))?.focus();
      return;
    }
    const args = requestArgs(fields);
    setChecking(true);
    let standing: string | undefined;
    try {
      standing = patientStandingError(await readParticipant(readConnection, args[0]));
    } catch (error) {
      setCheckError(error);
      return;
    } finally {
      setChecking(false);
    }
    if (standing !== undefined) {
      setErrors({ patient: standing });
      document.getElementById(id("patient"))?.focus();
      return;
    }
    const result = await send("requestAccess", args);
    if (result === undefined) return;
    setSent(true);
    setFields(emptyRequestForm());
    await queryClient.invalidateQueries({ queryKey: PROVIDER_REQUESTS_KEY });
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-label="Request access from a patient">
      <h2>Ask a patient for access</h2>
      <p className="muted">The patient sees your request in their portal and decides; nothing is shared until they grant it.</p>
      <div className="form-row">
        <Field id={id("patient")} label="Patient's account address" error={errors.patient}>
          <input
            {...fieldProps(id("patient"), errors.patient)}
            value={fields.patient}
            onChange={(event) => change({ ...fields, patient: event.target.value })}
            placeholder="0x…"
            autoComplete="off"
            spellCheck={false}
            disabled={busy}
          />
        </Field>
        <Field id={id("purpose")} label="Purpose" error={errors.purpose}>
          <select
            {...fieldProps(id("purpose"), errors.purpose)}
            value={fields.purpose}
            onChange={(event) => change({ ...fields, purpose: Number(event.target.value) })}
            disabled={busy}
          >
            {PURPOSE_NAMES.map((name, code) => (
              <option key={name} value={code}>
                {name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset id={id("read")} tabIndex={-1} aria-invalid={errors.read !== undefined} aria-describedby={errors.read === undefined ? undefined : `${id("read")}-error`}>
        <legend>Categories</legend>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Read</th>
                <th scope="col">Add records</th>
              </tr>
            </thead>
            <tbody>
              {CATEGORY_NAMES.map((name, category) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Read ${name}`}
                      checked={inScope(fields.read, category)}
                      onChange={(event) => change(toggleRead(fields, category, event.target.checked))}
                      disabled={busy}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Add ${name}`}
                      checked={inScope(fields.write, category)}
                      onChange={(event) => change(toggleWrite(fields, category, event.target.checked))}
                      disabled={busy}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errors.read === undefined ? null : (
          <p id={`${id("read")}-error`} className="field-error">
            {errors.read}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={busy}>
        Send request
      </button>
      {checking ? (
        <p className="tx tx-busy" role="status">
          Checking that the account is a registered patient…
        </p>
      ) : null}
      {checkError === null ? null : (
        <p className="notice notice-error" role="alert">
          The request was not sent: {errorSentence(checkError)}
        </p>
      )}
      <TransactionStatus state={state} label="Access request" />
      {sent ? (
        <p className="notice notice-ok" role="status">
          Request sent. It appears below as pending until the patient answers.
        </p>
      ) : null}
    </form>
  );
}
