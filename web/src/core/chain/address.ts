/** Addresses as the core compares and encodes them: checksum case never matters, width always does. */
import { fromHex } from "../bytes.js";
import type { Address } from "../ledger-context.js";

export function addressBytes(address: Address): Uint8Array {
  const bytes = fromHex(address);
  if (bytes.length !== 20) throw new TypeError(`not a 20-byte address: ${address}`);
  return bytes;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
