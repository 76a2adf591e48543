/**
 * Questions to a synced log, answered from memory: by patient, actor, action, category, record and
 * time, newest first, a page at a time. Patients and actors are indexed, so a filtered query looks
 * only at that party's entries.
 */
import type { AccessLogAction, AccessLogEntry } from "../access-log/entry.js";
import { ACTION_GROUPS, type ActionGroupName } from "../access-log/filter.js";
import type { Address } from "../ledger-context.js";

export interface LogQuery {
  patient?: Address;
  actor?: Address;
  actions?: readonly AccessLogAction[];
  /** Only the actions of this group of the filter controls (with `actions`: those in both). */
  actionGroup?: ActionGroupName;
  category?: number;
  /** One record of `patient` (required with it). */
  recordId?: bigint;
  /** Unix seconds, inclusive. */
  from?: number;
  to?: number;
  offset?: number;
  limit?: number;
}

export interface LogQueryPage {
  /** Newest first. */
  entries: AccessLogEntry[];
  /** How many entries match, over all pages. */
  total: number;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Entries in chain order with positions of each patient's and each actor's entries. */
export class LogIndex {
  readonly entries: AccessLogEntry[] = [];
  readonly #byPatient = new Map<string, number[]>();
  readonly #byActor = new Map<string, number[]>();

  append(entries: readonly AccessLogEntry[]): void {
    for (const entry of entries) {
      const position = this.entries.push(entry) - 1;
      push(this.#byActor, entry.actor, position);
      if (entry.patient !== undefined) push(this.#byPatient, entry.patient, position);
    }
  }

  /** Drops every entry from `blockNumber` on (a reorg took those blocks away). */
  truncateFrom(blockNumber: bigint): void {
    const keep = this.entries.filter((entry) => entry.blockNumber < blockNumber);
    this.entries.length = 0;
    this.#byPatient.clear();
    this.#byActor.clear();
    this.append(keep);
  }

  query(query: LogQuery): LogQueryPage {
    if (query.recordId !== undefined && query.patient === undefined) throw new RangeError("a record is named by its patient and its id: give the patient too");
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(offset) || offset < 0 || !(Number.isInteger(limit) || limit === Infinity) || limit < 0) {
      throw new RangeError(`a page needs a whole offset ≥ 0 and limit ≥ 0 (got offset ${offset}, limit ${limit})`);
    }
    const candidates = this.#candidates(query);
    const actions = actionsOf(query);
    const matches = (entry: AccessLogEntry) =>
      (query.patient === undefined || sameParty(entry.patient, query.patient)) &&
      (query.actor === undefined || sameParty(entry.actor, query.actor)) &&
      (actions === undefined || actions.has(entry.action)) &&
      (query.category === undefined || (entry.categories ?? []).includes(query.category)) &&
      (query.recordId === undefined || entry.recordId === query.recordId) &&
      (query.from === undefined || entry.timestamp >= query.from) &&
      (query.to === undefined || entry.timestamp <= query.to);
    const page: AccessLogEntry[] = [];
    let total = 0;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const entry = this.entries[candidates[i] as number] as AccessLogEntry;
      if (!matches(entry)) continue;
      if (total >= offset && page.length < limit) page.push(entry);
      total++;
    }
    return { entries: page, total };
  }

  /** Positions worth testing, ascending: the smaller of the named party's lists, or every entry. */
  #candidates(query: LogQuery): readonly number[] {
    const lists = [
      query.patient === undefined ? undefined : (this.#byPatient.get(query.patient.toLowerCase()) ?? []),
      query.actor === undefined ? undefined : (this.#byActor.get(query.actor.toLowerCase()) ?? []),
    ].filter((list): list is number[] => list !== undefined);
    if (lists.length === 0) return this.entries.map((_, position) => position);
    return lists.reduce((smallest, list) => (list.length < smallest.length ? list : smallest));
  }
}

/**
 * `query` over two logs where every entry of `newer` comes after every entry of `older` (the final
 * log and its unconfirmed tail), without copying either.
 */
export function queryNewestFirst(older: LogIndex, newer: LogIndex, query: LogQuery): LogQueryPage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const recent = newer.query(query);
  const rest = older.query({ ...query, offset: Math.max(0, offset - recent.total), limit: limit - recent.entries.length });
  return { entries: [...recent.entries, ...rest.entries], total: recent.total + rest.total };
}

function actionsOf(query: LogQuery): ReadonlySet<AccessLogAction> | undefined {
  const group: readonly AccessLogAction[] | undefined = query.actionGroup === undefined ? undefined : ACTION_GROUPS[query.actionGroup].actions;
  if (query.actions === undefined) return group === undefined ? undefined : new Set(group);
  return new Set(group === undefined ? query.actions : query.actions.filter((action) => group.includes(action)));
}

function push(index: Map<string, number[]>, party: Address, position: number): void {
  const key = party.toLowerCase();
  const list = index.get(key);
  if (list === undefined) index.set(key, [position]);
  else list.push(position);
}

function sameParty(a: Address | undefined, b: Address): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
