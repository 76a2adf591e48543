/**
 * Positions on the chain for the audit read models: every model is built from entries in chain
 * order and answers "as of" an entry by binary search over positions it kept.
 */
import type { AccessLogEntry, EntryPosition } from "../access-log/entry.js";
import { compareChainOrder } from "../chain/events.js";

export type { EntryPosition };

export class EntriesOutOfOrderError extends Error {
  readonly code = "ENTRIES_OUT_OF_ORDER";
  constructor(readonly previous: EntryPosition, readonly next: EntryPosition) {
    super(`The audit models need the access log in chain order, but the entry at block ${next.blockNumber}, log ${next.logIndex} follows block ${previous.blockNumber}, log ${previous.logIndex}: pass LedgerLog.entries or readAccessLog's result as they are.`);
    this.name = "EntriesOutOfOrderError";
  }
}

/** Only the position of an entry: what a model keeps of the entries it refers to. */
export function positionOf(entry: EntryPosition): EntryPosition {
  const { blockNumber, logIndex, transactionHash, timestamp } = entry;
  return { blockNumber, logIndex, transactionHash, timestamp };
}

export function isBefore(a: EntryPosition, b: EntryPosition): boolean {
  return compareChainOrder(a, b) < 0;
}

/** Throws EntriesOutOfOrderError unless every entry comes after the one before it. */
export function requireChainOrder(entries: readonly AccessLogEntry[]): void {
  for (let index = 1; index < entries.length; index++) {
    const previous = entries[index - 1] as AccessLogEntry;
    const next = entries[index] as AccessLogEntry;
    if (!isBefore(previous, next)) throw new EntriesOutOfOrderError(previous, next);
  }
}

/**
 * The index of the last item that sits strictly before `position`, or -1 when none does; `items`
 * are in chain order by `positionOfItem`.
 */
export function lastIndexBefore<T>(items: readonly T[], position: EntryPosition, positionOfItem: (item: T) => EntryPosition): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(positionOfItem(items[middle] as T), position)) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
