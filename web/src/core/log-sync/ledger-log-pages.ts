/**
 * The ledger's events in adaptive pages: one eth_getLogs per page for every event of the contract
 * (not one per event name), decoded with the generated ABI.
 */
import { parseEventLogs } from "viem";

import { ledgerAbi, type LedgerConnection } from "../chain/connection.js";
import type { LedgerEvent } from "../chain/events.js";
import { logPages, type LogPage, type LogPagesOptions } from "./log-pages.js";

/** Every ledger event from `fromBlock` to `toBlock`, page by page, oldest first. */
export async function* ledgerEventPages(connection: LedgerConnection, fromBlock: bigint, toBlock: bigint, options: LogPagesOptions = {}): AsyncGenerator<LogPage<LedgerEvent>> {
  const getLogs = (from: bigint, to: bigint) => connection.publicClient.getLogs({ address: connection.address, fromBlock: from, toBlock: to });
  for await (const page of logPages(getLogs, fromBlock, toBlock, options)) {
    yield { ...page, logs: parseEventLogs({ abi: ledgerAbi, logs: page.logs, strict: true }) as LedgerEvent[] };
  }
}
