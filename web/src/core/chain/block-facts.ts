/**
 * What events do not carry — their block's time and their transaction's sender — fetched once per
 * distinct block or transaction, however many events share it. (Newer nodes put the block's time
 * in each log, `blockTimestamp`; then no block is fetched at all.)
 */
import { getAddress } from "viem";

import type { Hex } from "../bytes.js";
import type { LedgerConnection } from "./connection.js";
import type { Address } from "../ledger-context.js";

/** Unix seconds of every block in `blockNumbers`. */
export async function readBlockTimestamps(connection: LedgerConnection, blockNumbers: Iterable<bigint>): Promise<Map<bigint, number>> {
  const distinct = [...new Set(blockNumbers)];
  const blocks = await Promise.all(distinct.map((blockNumber) => connection.publicClient.getBlock({ blockNumber })));
  return new Map(blocks.map((block, index) => [distinct[index] as bigint, Number(block.timestamp)]));
}

/**
 * Unix seconds of the block of every event: the log's own `blockTimestamp` where the provider
 * includes it (anvil, Geth 1.16+), the block's fetched otherwise.
 */
export async function readEventTimestamps(connection: LedgerConnection, events: Iterable<{ blockNumber: bigint; blockTimestamp?: bigint | null | undefined }>): Promise<Map<bigint, number>> {
  const timestamps = new Map<bigint, number>();
  const unstamped: bigint[] = [];
  for (const { blockNumber, blockTimestamp } of events) {
    if (typeof blockTimestamp === "bigint") timestamps.set(blockNumber, Number(blockTimestamp));
    else unstamped.push(blockNumber);
  }
  const fetched = await readBlockTimestamps(connection, unstamped.filter((blockNumber) => !timestamps.has(blockNumber)));
  for (const [blockNumber, timestamp] of fetched) timestamps.set(blockNumber, timestamp);
  return timestamps;
}

/** The sender (`from`) of every transaction in `hashes`, checksummed like the addresses events carry. */
export async function readTransactionSenders(connection: LedgerConnection, hashes: Iterable<Hex>): Promise<Map<Hex, Address>> {
  const distinct = [...new Set(hashes)];
  const transactions = await Promise.all(distinct.map((hash) => connection.publicClient.getTransaction({ hash })));
  return new Map(transactions.map((transaction, index) => [distinct[index] as Hex, getAddress(transaction.from)]));
}
