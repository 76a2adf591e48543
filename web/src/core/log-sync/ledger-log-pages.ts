/**
 * The ledger's events in adaptive pages: one eth_getLogs per page for every event of the contract
 * (not one per event name), decoded with the generated ABI (event-decoder.ts, viem's for the rest).
 */
import { formatLog, numberToHex, parseEventLogs, type Log, type RpcLog } from "viem";

import type { Hex } from "../bytes.js";
import { ledgerAbi, type LedgerConnection } from "../chain/connection.js";
import type { LedgerEvent } from "../chain/events.js";
import { isTooMuchError } from "./block-span.js";
import { eventDecoder } from "./event-decoder.js";
import { logPages, type LogPage, type LogPagesOptions } from "./log-pages.js";

/**
 * The contract emitted a log this client's ABI cannot decode. viem's parseEventLogs drops such logs
 * without a word; an audit log that silently misses events would be worse than one that stops.
 */
export class UndecodableLedgerLogError extends Error {
  readonly code = "UNDECODABLE_LEDGER_LOG";
  constructor(
    readonly blockNumber: bigint | null,
    readonly logIndex: number | null,
    readonly topic: string | undefined,
  ) {
    super(`The ledger's log ${logIndex ?? "?"} in block ${blockNumber ?? "?"} (topic ${topic ?? "none"}) does not match any event of this client's ABI: the client is older than the contract, update it.`);
    this.name = "UndecodableLedgerLogError";
  }
}

/**
 * One eth_getLogs of the ledger's logs. A refusal ("too much") comes back at once: the answer to it
 * is a smaller span, not viem asking for the same again three times with back-off (a node builds a
 * refused 16 MB response whole each time: 1.8 s lost per refusal on a local chain). Other failures
 * get viem's usual retries.
 */
async function getLedgerLogs(connection: LedgerConnection, fromBlock: bigint, toBlock: bigint): Promise<Log[]> {
  const request = { method: "eth_getLogs" as const, params: [{ address: connection.address, fromBlock: numberToHex(fromBlock), toBlock: numberToHex(toBlock) }] as [{ address: Hex; fromBlock: Hex; toBlock: Hex }] };
  let logs: RpcLog[];
  try {
    logs = await connection.publicClient.request(request, { retryCount: 0 });
  } catch (error) {
    if (isTooMuchError(error)) throw error;
    logs = await connection.publicClient.request(request);
  }
  return logs.map((log) => formatLog(log));
}

/** Every ledger event from `fromBlock` to `toBlock`, page by page, oldest first. */
export async function* ledgerEventPages(connection: LedgerConnection, fromBlock: bigint, toBlock: bigint, options: LogPagesOptions = {}): AsyncGenerator<LogPage<LedgerEvent>> {
  const getLogs = (from: bigint, to: bigint) => getLedgerLogs(connection, from, to);
  for await (const page of logPages(getLogs, fromBlock, toBlock, options)) {
    yield { ...page, logs: decodeLedgerLogs(page.logs) };
  }
}

const decodeFast = eventDecoder(ledgerAbi);

/** `logs` decoded with the ledger's ABI, every one of them, or an UndecodableLedgerLogError. */
export function decodeLedgerLogs(logs: readonly Log[]): LedgerEvent[] {
  return logs.map((log) => {
    let event: unknown;
    try {
      // viem decodes what the fast decoder does not know (and finds nothing for a foreign event).
      event = decodeFast(log) ?? parseEventLogs({ abi: ledgerAbi, logs: [log], strict: true })[0];
    } catch {
      // A log that does not decode as its event says is as undecodable as a foreign one.
    }
    if (event === undefined) throw new UndecodableLedgerLogError(log.blockNumber ?? null, log.logIndex ?? null, log.topics[0]);
    return event as LedgerEvent;
  });
}
