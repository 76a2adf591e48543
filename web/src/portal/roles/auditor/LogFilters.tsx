import { useId, useMemo } from "react";

import { ACTION_GROUPS, type ActionGroupName } from "../../../core/access-log/filter.js";
import { CATEGORY_NAMES } from "../../../core/chain/categories.js";
import type { Address } from "../../../core/ledger-context.js";
import { useParticipantNames } from "../../registration/use-names.js";
import { Field, fieldProps } from "../../ui/Field.js";
import { ACTION_LABELS } from "./action-labels.js";
import { ANY_ACTOR, ANY_CATEGORY, hasFilters, OTHER_ACTOR, type LogFilterField, type LogFilterFields } from "./log-filter-fields.js";
import { capitalized } from "../../ui/words.js";

/** The access log's filter form: patient, actor (the administrator or any of `participants`), action, category, record and days. */
export function LogFilters({
  fields,
  participants,
  errors,
  update,
  reset,
}: {
  fields: LogFilterFields;
  /** Every registered account, in the order they joined. */
  participants: readonly Address[];
  errors: Partial<Record<LogFilterField, string>>;
  update: (field: LogFilterField, value: string) => void;
  reset: () => void;
}) {
  const id = useId();
  const { displayName, adminAddress } = useParticipantNames();
  const actors = useMemo(() => {
    const listed = participants.map((account) => ({ address: account, name: displayName(account) }));
    if (adminAddress !== undefined) listed.unshift({ address: adminAddress, name: "Administrator" });
    return listed;
  }, [participants, displayName, adminAddress]);

  const control = (field: LogFilterField) => fieldProps(`${id}-${field}`, errors[field]);

  return (
    <form className="panel" aria-label="Filter the access log" onSubmit={(event) => event.preventDefault()}>
      <div className="form-row">
        <Field id={`${id}-patient`} label="Patient address" error={errors.patient}>
          <input {...control("patient")} value={fields.patient} onChange={(event) => update("patient", event.target.value)} placeholder="0x…" autoComplete="off" spellCheck={false} />
        </Field>
        <Field id={`${id}-actorChoice`} label="Actor" error={errors.actorChoice}>
          <select {...control("actorChoice")} value={fields.actorChoice} onChange={(event) => update("actorChoice", event.target.value)}>
            <option value={ANY_ACTOR}>Anyone</option>
            {actors.map((actor) => (
              <option key={actor.address} value={actor.address}>
                {actor.name}
              </option>
            ))}
            <option value={OTHER_ACTOR}>Another address…</option>
          </select>
        </Field>
        {fields.actorChoice === OTHER_ACTOR ? (
          <Field id={`${id}-actorAddress`} label="Actor address" error={errors.actorAddress}>
            <input {...control("actorAddress")} value={fields.actorAddress} onChange={(event) => update("actorAddress", event.target.value)} placeholder="0x…" autoComplete="off" spellCheck={false} />
          </Field>
        ) : null}
        <Field id={`${id}-action`} label="Action" error={errors.action}>
          <select {...control("action")} value={fields.action} onChange={(event) => update("action", event.target.value)}>
            <option value="all">All actions</option>
            {(Object.keys(ACTION_GROUPS) as ActionGroupName[]).map((group) => (
              <optgroup key={group} label={ACTION_GROUPS[group].label}>
                <option value={group}>{ACTION_GROUPS[group].label}: all</option>
                {ACTION_GROUPS[group].actions.map((action) => (
                  <option key={action} value={action}>
                    {ACTION_LABELS[action]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field id={`${id}-category`} label="Category" error={errors.category}>
          <select {...control("category")} value={fields.category} onChange={(event) => update("category", event.target.value)}>
            <option value={ANY_CATEGORY}>Any category</option>
            {CATEGORY_NAMES.map((name, category) => (
              <option key={name} value={String(category)}>
                {capitalized(name)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-record`} label="Record" error={errors.record}>
          <input {...control("record")} value={fields.record} onChange={(event) => update("record", event.target.value)} placeholder="#" inputMode="numeric" autoComplete="off" />
        </Field>
        <Field id={`${id}-from`} label="From" error={errors.from}>
          <input type="date" {...control("from")} value={fields.from} onChange={(event) => update("from", event.target.value)} />
        </Field>
        <Field id={`${id}-to`} label="To" error={errors.to}>
          <input type="date" {...control("to")} value={fields.to} onChange={(event) => update("to", event.target.value)} />
        </Field>
      </div>
      <button type="button" className="secondary" onClick={reset} disabled={!hasFilters(fields)}>
        Clear filters
      </button>
    </form>
  );
}
