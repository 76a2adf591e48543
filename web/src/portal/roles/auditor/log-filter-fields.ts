/**
 * The auditor's filter controls as typed text, and the log query they mean. Dates are whole days
 * in the user's time zone: "from" starts at local midnight, "to" includes its whole day.
 */
import { isAddress } from "viem";

import { ACCESS_LOG_ACTIONS, type AccessLogAction } from "../../../core/access-log/entry.js";
import { ACTION_GROUPS, type ActionGroupName } from "../../../core/access-log/filter.js";
import { CATEGORY_COUNT } from "../../../core/chain/categories.js";
import type { Address } from "../../../core/ledger-context.js";
import type { LogQuery } from "../../../core/log-sync/log-query.js";

/** The actor select: anyone, one of the listed participants (their address), or an address typed in. */
export const ANY_ACTOR = "";
export const OTHER_ACTOR = "other";

/** The action select: everything, a group of actions, or one action. */
export type ActionChoice = "all" | ActionGroupName | AccessLogAction;
/** The category select: any, or a category's number as text. */
export const ANY_CATEGORY = "";

export interface LogFilterFields {
  patient: string;
  actorChoice: string;
  actorAddress: string;
  action: ActionChoice;
  category: string;
  /** A record's number, "3" or "#3"; it names a record only together with the patient. */
  record: string;
  /** yyyy-mm-dd from a date input, or "". */
  from: string;
  to: string;
}

/** What the log is asked: a query without its page. */
export type LogFilter = Omit<LogQuery, "offset" | "limit">;

export type LogFilterField = keyof LogFilterFields;
export type LogFilterErrors = Partial<Record<LogFilterField, string>>;

export const EMPTY_LOG_FILTER_FIELDS: LogFilterFields = { patient: "", actorChoice: ANY_ACTOR, actorAddress: "", action: "all", category: ANY_CATEGORY, record: "", from: "", to: "" };

export type LogFilterResult = { ok: true; filter: LogFilter } | { ok: false; errors: LogFilterErrors };

const RECORD_PATTERN = /^#?(\d{1,18})$/;

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

/** The query the fields describe, or every field's problem. */
export function logFilterOf(fields: LogFilterFields): LogFilterResult {
  const errors: LogFilterErrors = {};
  const filter: LogFilter = {};

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

  if (Object.hasOwn(ACTION_GROUPS, fields.action)) filter.actionGroup = fields.action as ActionGroupName;
  else if ((ACCESS_LOG_ACTIONS as readonly string[]).includes(fields.action)) filter.actions = [fields.action as AccessLogAction];

  if (fields.category !== ANY_CATEGORY) {
    const category = Number(fields.category);
    if (Number.isInteger(category) && category >= 0 && category < CATEGORY_COUNT) filter.category = category;
    else errors.category = "Choose a category from the list.";
  }

  const record = fields.record.trim();
  if (record !== "") {
    const match = RECORD_PATTERN.exec(record);
    if (match === null) errors.record = "Enter a record number, such as 12 or #12.";
    else if (filter.patient === undefined && errors.patient === undefined) errors.record = "Record numbers count per patient: enter the patient's address too.";
    else filter.recordId = BigInt(match[1] as string);
  }

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

/**
 * The fields a link asks for (`?patient=`, `?record=`, `?actor=`): an actor arrives as a typed
 * address, since the page cannot know before the directory loads whether it is listed.
 */
export function fieldsFromSearch(search: URLSearchParams): LogFilterFields {
  const actor = search.get("actor");
  return {
    ...EMPTY_LOG_FILTER_FIELDS,
    patient: search.get("patient") ?? "",
    record: search.get("record") ?? "",
    ...(actor === null ? {} : { actorChoice: OTHER_ACTOR, actorAddress: actor }),
  };
}
