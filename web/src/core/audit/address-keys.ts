/**
 * Addresses as map keys, whatever their checksum case. The log hands out the same string objects
 * over and over, so remembering each one's lower-case form spares a new string (and its hash) on
 * every lookup: per-row answers over 100,000 entries spend most of their time there otherwise.
 */
import type { Address } from "../ledger-context.js";

export class AddressKeys {
  private readonly keys = new Map<string, string>();

  of(address: Address): string {
    let key = this.keys.get(address);
    if (key === undefined) {
      key = address.toLowerCase();
      this.keys.set(address, key);
    }
    return key;
  }
}
