/**
 * What every key and ciphertext is bound to. Encoded as fixed-width big-endian fields so the same
 * context always gives the same bytes in every implementation (see docs/envelope.md).
 */
import { concatBytes, fromHex, uintBE, utf8, type Hex } from "./bytes.js";

export type Address = Hex;

/** One deployment of the ledger: a wrapped key or envelope is only valid for this chain and contract. */
export interface LedgerContext {
  chainId: number;
  /** The EHRLedger contract (registry, consent, keys and records in one address). */
  contract: Address;
}

/** One epoch of one patient's category key. */
export interface ScopeKeyContext extends LedgerContext {
  patient: Address;
  category: number;
  epoch: number;
}

/** Where a record's ciphertext belongs: the on-chain coordinates it will be added under. */
export interface RecordContext extends ScopeKeyContext {
  /** 16 random bytes chosen by the author; the manifest carries it and the on-chain digest commits to it. */
  recordNonce: Uint8Array;
}

export const RECORD_NONCE_LENGTH = 16;

/** The 20 bytes of `address`, whatever its checksum case; throws when it is not 20 bytes wide. */
export function addressBytes(address: Address): Uint8Array {
  const bytes = fromHex(address);
  if (bytes.length !== 20) throw new TypeError(`not a 20-byte address: ${address}`);
  return bytes;
}

/** chainId (u64) ‖ contract (20). */
export function encodeLedgerContext(context: LedgerContext): Uint8Array {
  return concatBytes(uintBE(context.chainId, 8), addressBytes(context.contract));
}

/** chainId (u64) ‖ contract (20) ‖ patient (20) ‖ category (u8) ‖ epoch (u32). */
export function encodeScopeKeyContext(context: ScopeKeyContext): Uint8Array {
  return concatBytes(encodeLedgerContext(context), addressBytes(context.patient), uintBE(context.category, 1), uintBE(context.epoch, 4));
}

/** The scope-key context ‖ recordNonce (16). */
export function encodeRecordContext(context: RecordContext): Uint8Array {
  if (context.recordNonce.length !== RECORD_NONCE_LENGTH) {
    throw new RangeError(`record nonce must be ${RECORD_NONCE_LENGTH} bytes, got ${context.recordNonce.length}`);
  }
  return concatBytes(encodeScopeKeyContext(context), context.recordNonce);
}

/** A domain-separation label: every derivation and AEAD in the core starts its info/AAD with one. */
export function label(name: string): Uint8Array {
  const bytes = utf8(`EHR Ledger ${name}`);
  return concatBytes(uintBE(bytes.length, 1), bytes);
}
