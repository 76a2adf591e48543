/**
 * What events do not carry — their block's time and their transaction's sender — fetched once per
 * distinct block or transaction, however many events share it.
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

/** The sender (`from`) of every transaction in `hashes`, checksummed like the addresses events carry. */
export async function readTransactionSenders(connection: LedgerConnection, hashes: Iterable<Hex>): Promise<Map<Hex, Address>> {
  const distinct = [...new Set(hashes)];
  const transactions = await Promise.all(distinct.map((hash) => connection.publicClient.getTransaction({ hash })));
  return new Map(transactions.map((transaction, index) => [distinct[index] as Hex, getAddress(transaction.from)]));
}
