/** Addresses compared as the chain does: checksum case never matters. */
import type { Address } from "../ledger-context.js";

export function sameAddress(a: Address, b: Address): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
