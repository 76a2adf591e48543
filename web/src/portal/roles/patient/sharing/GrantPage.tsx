import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation } from "react-router";

import { CATEGORY_NAMES, mayWriteRecords } from "../../../../core/chain/categories.js";
import { useServices } from "../../../session/session-context.js";
import { formatDate, shortAddress } from "../../../ui/format.js";
import {
  emptyGrantForm,
  grantFormErrors,
  grantRequests,
  localDateInput,
  type GrantFormFields,
} from "./grant-form.js";
import { inScope, toggleRead, toggleWrite } from "../../../ui/scope-toggles.js";
import { runGrantFlow } from "./grant-flow.js";
import { grantedLines } from "./grant-rows.js";
import { ProviderPicker } from "./ProviderPicker.js";
import { SHARING_QUERY_KEYS } from "./sharing-queries.js";
import { StepList } from "./StepList.js";
import type { TransactionStep } from "./transaction-steps.js";
import { capitalized } from "../../../ui/words.js";

/** Router state that opens the form pre-filled (approving an access request). */
export interface GrantPageState {
  prefill: GrantFormFields;
}

function prefillOf(state: unknown): GrantFormFields | undefined {
  return typeof state === "object" && state !== null && "prefill" in state ? (state as GrantPageState).prefill : undefined;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function GrantPage() {
  const location = useLocation();
  const prefill = prefillOf(location.state);
  const [fields, setFields] = useState<GrantFormFields>(() => prefill ?? emptyGrantForm());
  const [submitted, setSubmitted] = useState(false);
  const [steps, setSteps] = useState<TransactionStep[]>([]);
  const [running, setRunning] = useState(false);
  const [granted, setGranted] = useState<string[] | undefined>(undefined);
  const services = useServices();
  const queryClient = useQueryClient();
  const id = useId();

  const errors = submitted ? grantFormErrors(fields, nowSeconds()) : {};
  const anyReadOnly = fields.providers.some((provider) => !mayWriteRecords(provider.kind));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const requests = grantRequests(fields, nowSeconds());
    if (requests === undefined) return;
    setRunning(true);
    setGranted(undefined);
    try {
      await runGrantFlow(services, requests, setSteps);
      const expiresAt = requests[0]?.expiresAt ?? 0;
      // Access ends at the midnight after the chosen day: name that day, as the user picked it.
      const until = expiresAt === 0 ? undefined : `the end of ${formatDate(expiresAt - 1)}`;
      setGranted(grantedLines(fields.providers, fields.read, fields.write, until, shortAddress));
    } catch {
      // The failed step shows the error; the form stays filled in for another try.
    } finally {
      setRunning(false);
      await Promise.all(SHARING_QUERY_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    }
  };

  const startOver = () => {
    setFields(emptyGrantForm());
    setSubmitted(false);
    setSteps([]);
    setGranted(undefined);
  };

  if (granted !== undefined) {
    return (
      <section className="panel" aria-labelledby={`${id}-done`}>
        <h1 id={`${id}-done`}>Access granted</h1>
        <div className="notice notice-ok" role="status">
          <ul>
            {granted.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <StepList steps={steps} title="What was sent" />
        <p className="form-row">
          <Link to="/patient/sharing" className="button">
            See who has access
          </Link>
          <button type="button" className="secondary" onClick={startOver}>
            Share with someone else
          </button>
        </p>
      </section>
    );
  }

  const errorProps = (field: keyof typeof errors) =>
    errors[field] === undefined ? {} : { "aria-invalid": true, "aria-describedby": `${id}-${field}` };
  const fieldError = (field: keyof typeof errors) =>
    errors[field] === undefined ? null : (
      <p id={`${id}-${field}`} className="field-error">
        {errors[field]}
      </p>
    );

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Share your records</h1>
      <p className="muted">
        Choose who may see which kinds of records, and until when. The keys to those records are sealed to each provider in your browser;
        you can take access back at any time.
      </p>
      {prefill === undefined ? null : <p className="notice">This form is filled in with what the provider asked for. Change anything before you grant.</p>}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ProviderPicker
          selected={fields.providers}
          onChange={(providers) => setFields({ ...fields, providers })}
          legend="Who"
          error={errors.providers}
          disabled={running}
        />

        <CategoryChoices legend="May read" mask={fields.read} onToggle={(category, on) => setFields(toggleRead(fields, category, on))} disabled={running} error={errors.read} errorId={`${id}-read`} />

        <CategoryChoices
          legend="May add records"
          mask={fields.write}
          onToggle={(category, on) => setFields(toggleWrite(fields, category, on))}
          disabled={running}
          error={errors.write}
          errorId={`${id}-write`}
        >
          <p className="muted">
            Adding to a category includes reading it. Only doctors, hospitals and laboratories may add records{anyReadOnly ? "; insurers only read" : ""}.
          </p>
        </CategoryChoices>

        <fieldset {...errorProps("expiry")} disabled={running}>
          <legend>Until when</legend>
          {fieldError("expiry")}
          <label>
            <input type="radio" name={`${id}-expiry`} checked={fields.expiryMode === "none"} onChange={() => setFields({ ...fields, expiryMode: "none" })} /> No end date
            (until you revoke it)
          </label>
          <label>
            <input type="radio" name={`${id}-expiry`} checked={fields.expiryMode === "date"} onChange={() => setFields({ ...fields, expiryMode: "date" })} /> Until a date
          </label>
          {fields.expiryMode === "date" ? (
            <label>
              Last day of access
              <input
                type="date"
                value={fields.expiryDate}
                min={localDateInput(nowSeconds())}
                onChange={(event) => setFields({ ...fields, expiryDate: event.target.value })}
                {...errorProps("expiry")}
              />
            </label>
          ) : null}
        </fieldset>

        <button type="submit" disabled={running}>
          {running ? "Granting…" : "Grant access"}
        </button>
      </form>
      <StepList steps={steps} title="Progress" />
    </section>
  );
}

/** One checkbox per record category, in a group named by `legend`. */
function CategoryChoices({
  legend,
  mask,
  onToggle,
  disabled,
  error,
  errorId,
  children,
}: {
  legend: string;
  mask: number;
  onToggle(category: number, on: boolean): void;
  disabled: boolean;
  error: string | undefined;
  errorId: string;
  children?: ReactNode;
}) {
  return (
    <fieldset disabled={disabled} {...(error === undefined ? {} : { "aria-invalid": true, "aria-describedby": errorId })}>
      <legend>{legend}</legend>
      {children}
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {CATEGORY_NAMES.map((name, category) => (
        <label key={name}>
          <input type="checkbox" checked={inScope(mask, category)} onChange={(event) => onToggle(category, event.target.checked)} /> {capitalized(name)}
        </label>
      ))}
    </fieldset>
  );
}
