/**
 * The ledger's events in adaptive pages: one eth_getLogs per page for every event of the contract
 * (not one per event name), decoded with the generated ABI.
 */
import { parseEventLogs, type Log } from "viem";

import { ledgerAbi, type LedgerConnection } from "../chain/connection.js";
import type { LedgerEvent } from "../chain/events.js";
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

/** Every ledger event from `fromBlock` to `toBlock`, page by page, oldest first. */
export async function* ledgerEventPages(connection: LedgerConnection, fromBlock: bigint, toBlock: bigint, options: LogPagesOptions = {}): AsyncGenerator<LogPage<LedgerEvent>> {
  const getLogs = (from: bigint, to: bigint) => connection.publicClient.getLogs({ address: connection.address, fromBlock: from, toBlock: to });
  for await (const page of logPages(getLogs, fromBlock, toBlock, options)) {
    yield { ...page, logs: decodeLedgerLogs(page.logs) };
  }
}

/** `logs` decoded with the ledger's ABI, every one of them, or an UndecodableLedgerLogError. */
export function decodeLedgerLogs(logs: readonly Log[]): LedgerEvent[] {
  const events = parseEventLogs({ abi: ledgerAbi, logs: logs as Log[], strict: true }) as LedgerEvent[];
  if (events.length !== logs.length) {
    const decoded = new Set(events.map((event) => `${event.blockHash}:${event.logIndex}`));
    const missing = logs.find((log) => !decoded.has(`${log.blockHash}:${log.logIndex}`)) ?? logs[0];
    throw new UndecodableLedgerLogError(missing?.blockNumber ?? null, missing?.logIndex ?? null, missing?.topics[0]);
  }
  return events;
}
