/**
 * "Who accessed my data": the patient's slice of the access log, narrowed to what a patient asks
 * about (access given and taken back, records added, records opened), newest first, one group per
 * day of the user's calendar.
 */
import { describeAccessLogEntry, type FormatDate } from "../../../../core/access-log/describe.js";
import type { AccessLogAction, AccessLogEntry } from "../../../../core/access-log/entry.js";
import { ACTION_GROUPS, filterAccessLog } from "../../../../core/access-log/filter.js";
import { localDayOf } from "../../../../core/audit/days.js";
import type { Address } from "../../../../core/ledger-context.js";

export const ACTIVITY_KINDS = {
  all: { label: "Everything", actions: [...ACTION_GROUPS.access.actions, ...ACTION_GROUPS.records.actions, ...ACTION_GROUPS.reads.actions] },
  grants: { label: "Access given, withdrawn and requested", actions: ACTION_GROUPS.access.actions },
  records: { label: "Records added", actions: ACTION_GROUPS.records.actions },
  reads: { label: "Records opened (read receipts)", actions: ACTION_GROUPS.reads.actions },
} as const satisfies Record<string, { label: string; actions: readonly AccessLogAction[] }>;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;

export function isActivityKind(value: string): value is ActivityKind {
  return Object.hasOwn(ACTIVITY_KINDS, value);
}

/** `patient`'s entries of `kind`, newest first. */
export function patientActivity(entries: readonly AccessLogEntry[], patient: Address, kind: ActivityKind): AccessLogEntry[] {
  return filterAccessLog(entries, { patient, actions: ACTIVITY_KINDS[kind].actions }).reverse();
}

/** The log's sentence as the patient reads it: "you" for the patient, directory names for everyone else. */
export function describeForPatient(entry: AccessLogEntry, patient: Address, nameOf: (address: Address) => string | undefined, formatDate: FormatDate): string {
  return describeAccessLogEntry(entry, nameOf, formatDate, { viewer: patient });
}

export interface ActivityLine {
  key: string;
  timestamp: number;
  text: string;
}

export interface ActivityDay {
  /** The local calendar day, "YYYY-MM-DD": stable across renders, never shown. */
  day: string;
  /** Any timestamp of that day, for the heading in the user's locale. */
  timestamp: number;
  lines: ActivityLine[];
}

/** Consecutive entries of the same local day together, in the order given. */
export function groupByDay(entries: readonly AccessLogEntry[], describe: (entry: AccessLogEntry) => string): ActivityDay[] {
  const days: ActivityDay[] = [];
  for (const entry of entries) {
    const day = localDayOf(entry.timestamp);
    const line = { key: `${entry.transactionHash}:${entry.logIndex}`, timestamp: entry.timestamp, text: describe(entry) };
    const last = days.at(-1);
    if (last?.day === day) last.lines.push(line);
    else days.push({ day, timestamp: entry.timestamp, lines: [line] });
  }
  return days;
}
