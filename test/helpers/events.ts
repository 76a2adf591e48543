import { expect } from "chai";
import { Result } from "ethers";
import type { ContractTransactionReceipt, ContractTransactionResponse, LogDescription } from "ethers";

import type { EHRLedger } from "./fixture.js";

/** Waits for `tx` and returns its receipt; a transaction that is never mined is a test failure. */
export async function mined(tx: Promise<ContractTransactionResponse> | ContractTransactionResponse) {
  const receipt: ContractTransactionReceipt | null = await (await tx).wait();
  if (receipt === null) throw new Error("transaction was not mined");
  return receipt;
}

/** Every log of `receipt` emitted by `ledger`, decoded, in emission order. */
export function ledgerEvents(ledger: EHRLedger, receipt: ContractTransactionReceipt): LogDescription[] {
  const address = ledger.target.toString().toLowerCase();
  return receipt.logs
    .filter((log) => log.address.toLowerCase() === address)
    .map((log) => {
      const parsed = ledger.interface.parseLog(log);
      if (parsed === null) throw new Error(`unknown log topic ${log.topics[0]}`);
      return parsed;
    });
}

/** The names of the events of `receipt`, in emission order: asserts exact sequences in one line. */
export function eventNames(ledger: EHRLedger, receipt: ContractTransactionReceipt): string[] {
  return ledgerEvents(ledger, receipt).map((event) => event.name);
}

/** The arguments of every `name` event of `receipt`, as plain nested arrays. */
export function eventArgs(ledger: EHRLedger, receipt: ContractTransactionReceipt, name: string): unknown[][] {
  return ledgerEvents(ledger, receipt)
    .filter((event) => event.name === name)
    .map((event) => plain(event.args));
}

/**
 * Asserts that `tx` succeeds as a no-op: mined, and not a single log from any contract.
 * Stronger than `.to.not.emit(contract, name)`, which only rules out one event name.
 */
export async function expectNoEvents(tx: Promise<ContractTransactionResponse>) {
  const receipt = await mined(tx);
  expect(receipt.logs, "a no-op must not emit any event").to.have.length(0);
  return receipt;
}

/** Converts an ethers `Result` (struct or tuple output, event args) into plain nested arrays for deep-equal. */
export function plain(value: readonly unknown[]): unknown[] {
  return value instanceof Result ? value.toArray(true) : value.map((item) => (Array.isArray(item) ? plain(item) : item));
}
