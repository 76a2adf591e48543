/** Addresses compared as the chain does: checksum case never matters. */
import type { Address } from "../ledger-context.js";

export function sameAddress(a: Address, b: Address): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "0x1234…abcd": the first four and last four hex digits, for lists where a name is unknown. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
