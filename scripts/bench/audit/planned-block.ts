/**
 * A block of the synthetic history as planned: its timestamp and its transactions, each with the
 * access-log actions its events will show, so what the chain emits can be checked against it.
 */
import { encodeFunctionData, type ContractFunctionArgs, type ContractFunctionName } from "viem";

import type { AccessLogAction } from "../../../web/src/core/access-log/entry.js";
import type { Hex } from "../../../web/src/core/bytes.js";
import { ledgerAbi, type LedgerAbi } from "../../../web/src/core/chain/connection.js";
import type { Address } from "../../../web/src/core/ledger-context.js";

export interface PlannedTx {
  from: Address;
  nonce: number;
  value: bigint;
  data: Hex;
  /** One per event the transaction emits, in order. */
  actions: AccessLogAction[];
}

export interface PlannedBlock {
  /** Unix seconds. */
  timestamp: number;
  txs: PlannedTx[];
}

type WriteName = ContractFunctionName<LedgerAbi, "nonpayable" | "payable">;

export interface LedgerCall<Name extends WriteName = WriteName> {
  functionName: Name;
  args: ContractFunctionArgs<LedgerAbi, "nonpayable" | "payable", Name>;
}

/** Builds blocks, keeping every sender's nonce and the tally of planned actions. */
export class BlockWriter {
  readonly #nonces = new Map<Address, number>();
  readonly counts = new Map<AccessLogAction, number>();
  /** Patients a transaction of the current block concerns, by the one sender allowed to touch them. */
  #touched = new Map<Address, Address>();
  #block: PlannedBlock | undefined;

  constructor(firstNonces: ReadonlyMap<Address, number> = new Map()) {
    for (const [account, nonce] of firstNonces) this.#nonces.set(account, nonce);
  }

  get events(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  open(timestamp: number): PlannedBlock {
    this.#touched = new Map();
    this.#block = { timestamp, txs: [] };
    return this.#block;
  }

  /** Whether a transaction of the current block already concerns `patient`. */
  isTouched(patient: Address): boolean {
    return this.#touched.has(patient);
  }

  /**
   * Whether `sender` may still act on `patient` in this block. One sender per patient per block:
   * transactions of one sender run in nonce order, but anvil may order different senders any way,
   * so two senders touching the same patient could see each other's changes or not.
   */
  mayTouch(patient: Address, sender: Address): boolean {
    const holder = this.#touched.get(patient);
    return holder === undefined || holder === sender;
  }

  /** Appends a transaction of `from` (concerning `patient`, if any) and returns how many events it emits. */
  send<Name extends WriteName>(from: Address, call: LedgerCall<Name>, actions: AccessLogAction[], options: { patient?: Address; value?: bigint } = {}): number {
    const block = this.#block;
    if (block === undefined) throw new Error("BlockWriter.send before open");
    if (options.patient !== undefined) {
      if (!this.mayTouch(options.patient, from)) throw new Error(`planner bug: a second sender for patient ${options.patient} in one block`);
      this.#touched.set(options.patient, from);
    }
    const nonce = this.#nonces.get(from) ?? 0;
    this.#nonces.set(from, nonce + 1);
    const data = encodeFunctionData({ abi: ledgerAbi, ...call } as Parameters<typeof encodeFunctionData>[0]);
    block.txs.push({ from, nonce, value: options.value ?? 0n, data, actions });
    for (const action of actions) this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
    return actions.length;
  }
}
