/**
 * Mining one planned block on the history's anvil and checking what the chain made of it: every
 * transaction in the block, at the planned timestamp, each emitting exactly the events planned (a
 * reverted one emits none).
 */
import { toHex } from "viem";

import type { Hex } from "../../../web/src/core/bytes.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import type { JsonRpcBatcher, RpcCall } from "./json-rpc.js";
import type { PlannedBlock } from "./planned-block.js";

/** Enough for the largest planned transaction (a grant or rotation with eight wraps). */
const GAS_PER_TX = toHex(1_000_000);
const SENDS_PER_REQUEST = 250;

export class HistoryGenerationError extends Error {
  readonly code = "HISTORY_GENERATION";
  constructor(detail: string) {
    super(`The synthetic history is not what was planned: ${detail}. The planner and the contracts disagree; fix the planner in scripts/bench/audit.`);
    this.name = "HistoryGenerationError";
  }
}

interface RpcBlockHeader {
  number: Hex;
  timestamp: Hex;
  transactions: Hex[];
}

interface RpcLogEntry {
  transactionHash: Hex;
}

export interface MinedBlock {
  number: bigint;
  /** Events the block's transactions emitted, equal to the actions planned. */
  events: number;
}

/** Sends `block`'s transactions to `ledger` from impersonated senders, mines them at its timestamp and checks the result. */
export async function mineCheckedBlock(rpc: JsonRpcBatcher, ledger: Address, block: PlannedBlock): Promise<MinedBlock> {
  const sends: RpcCall[] = block.txs.map((tx) => [
    "eth_sendTransaction",
    [{ from: tx.from, to: ledger, gas: GAS_PER_TX, gasPrice: "0x0", nonce: toHex(tx.nonce), value: toHex(tx.value), data: tx.data }],
  ]);
  const hashes: Hex[] = [];
  for (let i = 0; i < sends.length; i += SENDS_PER_REQUEST) hashes.push(...((await rpc.batch(sends.slice(i, i + SENDS_PER_REQUEST))) as Hex[]));
  await rpc.call("evm_mine", [block.timestamp]);
  const [header, logs] = (await rpc.batch([
    ["eth_getBlockByNumber", ["latest", false]],
    ["eth_getLogs", [{ address: ledger, fromBlock: "latest", toBlock: "latest" }]],
  ])) as [RpcBlockHeader, RpcLogEntry[]];
  const number = BigInt(header.number);
  if (Number(header.timestamp) !== block.timestamp) throw new HistoryGenerationError(`block ${number} has timestamp ${Number(header.timestamp)}, not ${block.timestamp}`);
  const mined = new Set(header.transactions);
  const missing = hashes.findIndex((hash) => !mined.has(hash));
  if (missing >= 0 || mined.size !== hashes.length) throw new HistoryGenerationError(`block ${number} holds ${mined.size} of the ${hashes.length} transactions sent${missing >= 0 ? ` (not ${hashes[missing]} from ${block.txs[missing]?.from})` : ""}`);
  const emitted = new Map<Hex, number>();
  for (const log of logs) emitted.set(log.transactionHash, (emitted.get(log.transactionHash) ?? 0) + 1);
  block.txs.forEach((tx, i) => {
    const got = emitted.get(hashes[i] as Hex) ?? 0;
    if (got !== tx.actions.length) {
      throw new HistoryGenerationError(`transaction ${hashes[i]} (selector ${tx.data.slice(0, 10)} from ${tx.from}, block ${number}) emitted ${got} events instead of ${tx.actions.length} (${tx.actions.join(", ")})${got === 0 ? ": it reverted" : ""}`);
    }
  });
  return { number, events: logs.length };
}
