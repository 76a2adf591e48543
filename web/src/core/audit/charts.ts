/**
 * The series behind the console's three charts: events per day by action group, the top readers,
 * and the grants in force at the end of each day. Days without events are there, with zeros.
 */
import type { AccessLogAction, AccessLogEntry } from "../access-log/entry.js";
import { ACTION_GROUPS, type ActionGroupName } from "../access-log/filter.js";
import type { Address } from "../ledger-context.js";
import { dayIndexOf, daysBetween, type Day, type DayOf } from "./days.js";
import type { GrantIndex, GrantPeriod } from "./grant-periods.js";

export interface DayRange {
  dayOf: DayOf;
  /** Unix seconds, inclusive; defaults to the first entry's (the first grant's) time. */
  from?: number;
  /** Unix seconds, inclusive; defaults to the newest entry's time. */
  to?: number;
}

export type GroupCounts = Record<ActionGroupName, number>;

export interface DailyEvents extends Day {
  counts: GroupCounts;
  total: number;
}

export interface ReaderCount {
  reader: Address;
  /** record-read entries. */
  reads: number;
  /** Distinct patients whose records they opened. */
  patients: number;
}

export interface DailyActiveGrants extends Day {
  /** Grants stored and unexpired at the day's last second. */
  active: number;
}

const GROUP_NAMES = Object.keys(ACTION_GROUPS) as ActionGroupName[];

const GROUP_OF = new Map<AccessLogAction, ActionGroupName>(
  GROUP_NAMES.flatMap((name) => ACTION_GROUPS[name].actions.map((action): [AccessLogAction, ActionGroupName] => [action, name])),
);

function zeroCounts(): GroupCounts {
  return Object.fromEntries(GROUP_NAMES.map((name) => [name, 0])) as GroupCounts;
}

/** Entries per day of the range and per action group; entries outside the range are left out. */
export function eventsPerDay(entries: readonly AccessLogEntry[], range: DayRange): DailyEvents[] {
  const from = range.from ?? entries[0]?.timestamp;
  const to = range.to ?? entries.at(-1)?.timestamp;
  if (from === undefined || to === undefined) return [];
  const days = daysBetween(from, to, range.dayOf).map((day): DailyEvents => ({ ...day, counts: zeroCounts(), total: 0 }));
  for (const entry of entries) {
    const day = days[dayIndexOf(days, entry.timestamp)];
    if (day === undefined) continue;
    day.counts[GROUP_OF.get(entry.action) as ActionGroupName]++;
    day.total++;
  }
  return days;
}

export interface TopReadersOptions {
  /** How many to return; 10 unless given. */
  limit?: number;
  /** Count patients opening their own records too; true unless given. */
  ownReads?: boolean;
}

/** Who opened the most records in `entries` (any filtered set): most reads first, then most patients, then by address. */
export function topReaders(entries: readonly AccessLogEntry[], options: TopReadersOptions = {}): ReaderCount[] {
  const { limit = 10, ownReads = true } = options;
  const readers = new Map<string, { reader: Address; reads: number; patients: Set<string> }>();
  for (const entry of entries) {
    if (entry.action !== "record-read") continue;
    const key = entry.actor.toLowerCase();
    const patient = entry.patient.toLowerCase();
    if (!ownReads && key === patient) continue;
    const counted = readers.get(key) ?? { reader: entry.actor, reads: 0, patients: new Set<string>() };
    counted.reads++;
    counted.patients.add(patient);
    readers.set(key, counted);
  }
  return [...readers.entries()]
    .map(([key, { reader, reads, patients }]) => ({ key, reader, reads, patients: patients.size }))
    .sort((a, b) => b.reads - a.reads || b.patients - a.patients || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit)
    .map(({ reader, reads, patients }) => ({ reader, reads, patients }));
}

/** When a grant stopped being in force: closed, or expired, whichever came first; Infinity for never. */
function stopOf(period: GrantPeriod): number {
  // Never before it started, so that every grant counted as stopped was counted as started.
  return Math.max(period.grantedAt, Math.min(period.closedBy?.at ?? Infinity, period.expiresAt ?? Infinity));
}

/** The number of grants stored and unexpired at the end of each day of the range (suspensions and pauses aside). */
export function activeGrantsPerDay(grants: GrantIndex, range: DayRange): DailyActiveGrants[] {
  const from = range.from ?? grants.periods[0]?.grantedAt;
  const to = range.to ?? grants.asOf?.timestamp;
  if (from === undefined || to === undefined) return [];
  const starts = grants.periods.map((period) => period.grantedAt).sort((a, b) => a - b);
  const stops = grants.periods.map(stopOf).sort((a, b) => a - b);
  let started = 0;
  let stopped = 0;
  return daysBetween(from, to, range.dayOf).map((day) => {
    // In force at second T: granted at or before T, and neither closed nor expired by T.
    while (started < starts.length && (starts[started] as number) <= day.end) started++;
    while (stopped < stops.length && (stops[stopped] as number) <= day.end) stopped++;
    return { ...day, active: started - stopped };
  });
}
