/**
 * The append-only log, read whole: every ledger event in a block range as an AccessLogEntry,
 * oldest first. Each block's time and each needed transaction sender is fetched once.
 */
import type { Hex } from "../bytes.js";
import { ledgerAbi, type LedgerConnection } from "../chain/connection.js";
import { compareChainOrder, latestBlockNumber, readLedgerEvents, type BlockRange, type LedgerEvent, type LedgerEventName } from "../chain/events.js";
import type { Address } from "../ledger-context.js";
import { readBlockTimestamps, readTransactionSenders } from "../chain/block-facts.js";
import type { AccessLogDetail, AccessLogEntry } from "./entry.js";
import { EVENT_MAPPERS, type EventMapper, type MappingContext } from "./event-mappers.js";

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

function recordKey(patient: Address, recordId: bigint): string {
  return `${patient.toLowerCase()}#${recordId}`;
}

/** Every event of the ledger from `range.fromBlock` (default: the deployment) to `range.toBlock` (default: latest). */
export async function readAccessLog(connection: LedgerConnection, range: BlockRange = {}): Promise<AccessLogEntry[]> {
  const toBlock = range.toBlock ?? (await latestBlockNumber(connection));
  const fixedRange = { ...range, toBlock };
  const names = ledgerEventNames();
  const mappers = new Map(names.map((name) => [name, mapperOf(name)]));
  const pages = await Promise.all(names.map((name) => readLedgerEvents(connection, name as LedgerEventName, undefined, fixedRange)));
  const events = (pages.flat() as LedgerEvent[]).sort(compareChainOrder);

  const senderHashes = events.filter((event) => mappers.get(event.eventName)?.actorIsSender === true).map((event) => event.transactionHash);
  const [timestamps, senders, categories] = await Promise.all([
    readBlockTimestamps(connection, events.map((event) => event.blockNumber)),
    readTransactionSenders(connection, senderHashes),
    recordCategories(connection, events, toBlock),
  ]);

  return events.map((event) => {
    const context: MappingContext = {
      sender: () => senderOf(senders, event),
      recordCategory(patient, recordId) {
        const category = categories.get(recordKey(patient, recordId));
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
async function recordCategories(connection: LedgerConnection, events: readonly LedgerEvent[], toBlock: bigint): Promise<Map<string, number>> {
  const categories = new Map<string, number>();
  const remember = (added: LedgerEvent<"RecordAdded">) => categories.set(recordKey(added.args.patient, added.args.recordId), added.args.category);
  for (const event of events) {
    if (event.eventName === "RecordAdded") remember(event);
  }
  const missingPatients = new Set<Address>();
  for (const event of events) {
    if ((event.eventName === "RecordAccessed" || event.eventName === "RecordRetracted") && !categories.has(recordKey(event.args.patient, event.args.recordId))) {
      missingPatients.add(event.args.patient);
    }
  }
  if (missingPatients.size > 0) {
    const earlier = await readLedgerEvents(connection, "RecordAdded", { patient: [...missingPatients] }, { toBlock });
    earlier.forEach(remember);
  }
  return categories;
}
