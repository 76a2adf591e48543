/**
 * The auditor's filter controls as typed text, and the core filter they mean. Dates are whole days
 * in the user's time zone: "from" starts at local midnight, "to" includes its whole day.
 */
import { isAddress } from "viem";

import { ACTION_GROUPS, type AccessLogFilter, type ActionGroupName } from "../../../core/access-log/filter.js";
import type { Address } from "../../../core/ledger-context.js";

/** The actor select: anyone, one of the listed participants (their address), or an address typed in. */
export const ANY_ACTOR = "";
export const OTHER_ACTOR = "other";

export interface LogFilterFields {
  patient: string;
  actorChoice: string;
  actorAddress: string;
  group: ActionGroupName | "all";
  /** yyyy-mm-dd from a date input, or "". */
  from: string;
  to: string;
}

export type LogFilterField = keyof LogFilterFields;
export type LogFilterErrors = Partial<Record<LogFilterField, string>>;

export const EMPTY_LOG_FILTER_FIELDS: LogFilterFields = { patient: "", actorChoice: ANY_ACTOR, actorAddress: "", group: "all", from: "", to: "" };

export type LogFilterResult = { ok: true; filter: AccessLogFilter } | { ok: false; errors: LogFilterErrors };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a yyyy-mm-dd day, in unix seconds; undefined for anything that is not a real day. */
export function startOfLocalDay(day: string): number | undefined {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(year, month - 1, date);
  if (midnight.getFullYear() !== year || midnight.getMonth() !== month - 1 || midnight.getDate() !== date) return undefined;
  return Math.floor(midnight.getTime() / 1000);
}

/** The last second of a yyyy-mm-dd day in local time (days are not always 24 hours long). */
export function endOfLocalDay(day: string): number | undefined {
  const start = startOfLocalDay(day);
  if (start === undefined) return undefined;
  const next = new Date(start * 1000);
  next.setDate(next.getDate() + 1);
  return Math.floor(next.getTime() / 1000) - 1;
}

function addressError(text: string): string | undefined {
  return isAddress(text, { strict: false }) ? undefined : "Enter a full address: 0x followed by 40 hexadecimal characters.";
}

/** The core filter the fields describe, or every field's problem. */
export function logFilterOf(fields: LogFilterFields): LogFilterResult {
  const errors: LogFilterErrors = {};
  const filter: AccessLogFilter = {};

  const patient = fields.patient.trim();
  if (patient !== "") {
    const problem = addressError(patient);
    if (problem === undefined) filter.patient = patient as Address;
    else errors.patient = problem;
  }

  if (fields.actorChoice === OTHER_ACTOR) {
    // Until an address is typed, nobody is filtered out.
    const actor = fields.actorAddress.trim();
    if (actor !== "") {
      const problem = addressError(actor);
      if (problem === undefined) filter.actor = actor as Address;
      else errors.actorAddress = problem;
    }
  } else if (fields.actorChoice !== ANY_ACTOR) {
    filter.actor = fields.actorChoice as Address;
  }

  if (fields.group !== "all") filter.actions = ACTION_GROUPS[fields.group].actions;

  if (fields.from !== "") {
    const from = startOfLocalDay(fields.from);
    if (from === undefined) errors.from = "Choose a valid start date.";
    else filter.from = from;
  }
  if (fields.to !== "") {
    const to = endOfLocalDay(fields.to);
    if (to === undefined) errors.to = "Choose a valid end date.";
    else filter.to = to;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) errors.to = "The end date is before the start date.";

  return Object.keys(errors).length === 0 ? { ok: true, filter } : { ok: false, errors };
}

/** Whether any filter is set, so the empty state can say "nothing matches" rather than "nothing happened". */
export function hasFilters(fields: LogFilterFields): boolean {
  return (Object.keys(EMPTY_LOG_FILTER_FIELDS) as LogFilterField[]).some((field) => fields[field] !== EMPTY_LOG_FILTER_FIELDS[field]);
}
