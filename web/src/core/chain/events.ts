/** The ledger's events, typed by the generated ABI: scanned from the chain or decoded from a receipt. */
import { parseEventLogs, type ContractEventArgs, type ContractEventName, type Log, type TransactionReceipt } from "viem";

import { sameAddress } from "./address.js";
import { ledgerAbi, type LedgerAbi, type LedgerConnection } from "./connection.js";

export type LedgerEventName = ContractEventName<LedgerAbi>;

/** One decoded event of `Name`, with its block, transaction and log index. */
export type LedgerEvent<Name extends LedgerEventName = LedgerEventName> = Log<bigint, number, false, undefined, true, LedgerAbi, Name>;

export interface BlockRange {
  fromBlock?: bigint;
  toBlock?: bigint;
}

/** Blocks per eth_getLogs request: small enough for public RPC limits, large enough for a local chain. */
export const EVENT_PAGE_BLOCKS = 10_000n;

/**
 * The chain's latest block, asked afresh: viem caches the block number for the client's polling
 * interval, and a scan right after a receipt must reach that receipt's block.
 */
export function latestBlockNumber(connection: LedgerConnection): Promise<bigint> {
  return connection.publicClient.getBlockNumber({ cacheTime: 0 });
}

/** The chain's time: the latest block's timestamp (unix seconds), which `hasAccess` and expiry are measured against. */
export async function latestBlockTime(connection: LedgerConnection): Promise<number> {
  return Number((await connection.publicClient.getBlock({ blockTag: "latest" })).timestamp);
}

/**
 * Every `eventName` event of the ledger matching the indexed `args`, oldest first, from the
 * deployment block (or `range.fromBlock`) to the latest block (or `range.toBlock`).
 */
export async function readLedgerEvents<Name extends LedgerEventName>(
  connection: LedgerConnection,
  eventName: Name,
  args?: ContractEventArgs<LedgerAbi, Name>,
  range: BlockRange = {},
): Promise<LedgerEvent<Name>[]> {
  const { publicClient, address } = connection;
  const fromBlock = range.fromBlock ?? connection.deploymentBlock;
  const toBlock = range.toBlock ?? (await latestBlockNumber(connection));
  const events: LedgerEvent<Name>[] = [];
  for (let start = fromBlock; start <= toBlock; start += EVENT_PAGE_BLOCKS) {
    const end = start + EVENT_PAGE_BLOCKS - 1n < toBlock ? start + EVENT_PAGE_BLOCKS - 1n : toBlock;
    const page = await publicClient.getContractEvents({
      address,
      abi: ledgerAbi,
      eventName,
      args,
      fromBlock: start,
      toBlock: end,
      strict: true,
    });
    events.push(...page);
  }
  return events;
}

/** The ledger events of a receipt, in emission order; logs of other contracts are left out. */
export function ledgerEventsOf(connection: LedgerConnection, receipt: TransactionReceipt): LedgerEvent[] {
  const ours = receipt.logs.filter((log) => sameAddress(log.address, connection.address));
  return parseEventLogs({ abi: ledgerAbi, logs: ours, strict: true }) as LedgerEvent[];
}

/** Sorts events as the chain ordered them: by block, then by position in the block. */
export function compareChainOrder(a: Pick<LedgerEvent, "blockNumber" | "logIndex">, b: Pick<LedgerEvent, "blockNumber" | "logIndex">): number {
  return a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1;
}
