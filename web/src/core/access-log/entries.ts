/**
 * The append-only log, read whole: every ledger event in a block range as an AccessLogEntry,
 * oldest first. Each block's time (unless the logs carry it) and each needed transaction sender is
 * fetched once.
 */
import type { Hex } from "../bytes.js";
import { ledgerAbi, type LedgerConnection } from "../chain/connection.js";
import { compareChainOrder, latestBlockNumber, readLedgerEvents, type BlockRange, type LedgerEvent, type LedgerEventName } from "../chain/events.js";
import type { Address } from "../ledger-context.js";
import { readEventTimestamps, readTransactionSenders } from "../chain/block-facts.js";
import type { AccessLogDetail, AccessLogEntry } from "./entry.js";
import { EVENT_MAPPERS, type EventMapper, type MappingContext } from "./event-mappers.js";
import { recordKey } from "../records/record-key.js";

export class UnmappedLedgerEventError extends Error {
  readonly code = "UNMAPPED_LEDGER_EVENT";
  constructor(readonly eventName: string) {
    super(`The ledger emits ${eventName}, which the access log cannot show yet: add it to EVENT_MAPPERS.`);
    this.name = "UnmappedLedgerEventError";
  }
}

export class MissingRecordError extends Error {
  readonly code = "MISSING_RECORD";
  constructor(readonly patient: Address, readonly recordId: bigint) {
    super(`The log refers to record #${recordId} of patient ${patient}, but no RecordAdded event for it was found: the chain's logs are incomplete.`);
    this.name = "MissingRecordError";
  }
}

/** A mapper asked for a transaction's sender without declaring `actorIsSender`, so it was never fetched. */
export class SenderNotFetchedError extends Error {
  readonly code = "SENDER_NOT_FETCHED";
  constructor(readonly eventName: string, readonly transactionHash: Hex) {
    super(`The access log needs the sender of transaction ${transactionHash} for ${eventName}, but its mapper does not set actorIsSender.`);
    this.name = "SenderNotFetchedError";
  }
}

/** Every event name of the ledger's ABI, as the contracts emit them. */
export function ledgerEventNames(): string[] {
  return ledgerAbi.flatMap((item) => (item.type === "event" ? [item.name] : []));
}

/** The mapping of `eventName`, or an UnmappedLedgerEventError for an event the log does not know. */
export function mapperOf(eventName: string): EventMapper<LedgerEventName> {
  if (!Object.hasOwn(EVENT_MAPPERS, eventName)) throw new UnmappedLedgerEventError(eventName);
  // Each mapper takes its own event; the event's name picked it, which the compiler cannot follow.
  return EVENT_MAPPERS[eventName as LedgerEventName] as EventMapper<LedgerEventName>;
}

/** Every event of the ledger from `range.fromBlock` (default: the deployment) to `range.toBlock` (default: latest). */
export async function readAccessLog(connection: LedgerConnection, range: BlockRange = {}): Promise<AccessLogEntry[]> {
  const toBlock = range.toBlock ?? (await latestBlockNumber(connection));
  const fixedRange = { ...range, toBlock };
  const names = ledgerEventNames();
  const pages = await Promise.all(names.map((name) => readLedgerEvents(connection, name as LedgerEventName, undefined, fixedRange)));
  return await toAccessLogEntries(connection, (pages.flat() as LedgerEvent[]).sort(compareChainOrder), { toBlock });
}

export interface ToEntriesOptions {
  /** The last block the events come from: records they name are looked up no later than this. */
  toBlock: bigint;
  /** Categories of records the caller already knows (a cached log), so only unknown ones are looked up on chain. */
  knownCategory?(patient: Address, recordId: bigint): number | undefined;
}

/** `events` (in chain order) as access-log entries, with their blocks' times and, where needed, their transactions' senders. */
export async function toAccessLogEntries(connection: LedgerConnection, events: readonly LedgerEvent[], options: ToEntriesOptions): Promise<AccessLogEntry[]> {
  const mappers = new Map(events.map((event) => [event.eventName, mapperOf(event.eventName)]));
  const senderHashes = events.filter((event) => mappers.get(event.eventName)?.actorIsSender === true).map((event) => event.transactionHash);
  const [timestamps, senders, categories] = await Promise.all([
    readEventTimestamps(connection, events),
    readTransactionSenders(connection, senderHashes),
    recordCategories(connection, events, options),
  ]);

  return events.map((event) => {
    const context: MappingContext = {
      sender: () => senderOf(senders, event),
      recordCategory(patient, recordId) {
        const category = categories.get(recordKey(patient, recordId)) ?? options.knownCategory?.(patient, recordId);
        if (category === undefined) throw new MissingRecordError(patient, recordId);
        return category;
      },
    };
    const detail: AccessLogDetail = (mappers.get(event.eventName) as EventMapper<LedgerEventName>).toDetail(event, context);
    const position = { blockNumber: event.blockNumber, logIndex: event.logIndex, transactionHash: event.transactionHash, timestamp: timestamps.get(event.blockNumber) as number };
    return { ...detail, ...position } as AccessLogEntry;
  });
}

function senderOf(senders: ReadonlyMap<Hex, Address>, event: LedgerEvent): Address {
  const sender = senders.get(event.transactionHash);
  if (sender === undefined) throw new SenderNotFetchedError(event.eventName, event.transactionHash);
  return sender;
}

/**
 * The category of every record that a retraction or read receipt in `events` names. Records added
 * before the range are looked up among the earlier RecordAdded events of the same patients.
 */
async function recordCategories(connection: LedgerConnection, events: readonly LedgerEvent[], { toBlock, knownCategory }: ToEntriesOptions): Promise<Map<string, number>> {
  const categories = new Map<string, number>();
  const remember = (added: LedgerEvent<"RecordAdded">) => categories.set(recordKey(added.args.patient, added.args.recordId), added.args.category);
  for (const event of events) {
    if (event.eventName === "RecordAdded") remember(event);
  }
  const missingPatients = new Set<Address>();
  for (const event of events) {
    const named = event.eventName === "RecordAccessed" || event.eventName === "RecordRetracted";
    if (named && !categories.has(recordKey(event.args.patient, event.args.recordId)) && knownCategory?.(event.args.patient, event.args.recordId) === undefined) {
      missingPatients.add(event.args.patient);
    }
  }
  if (missingPatients.size > 0) {
    const earlier = await readLedgerEvents(connection, "RecordAdded", { patient: [...missingPatients] }, { toBlock });
    earlier.forEach(remember);
  }
  return categories;
}
