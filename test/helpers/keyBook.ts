import { AbiCoder, concat, dataSlice, getBytes, hexlify, keccak256, toUtf8Bytes } from "ethers";

import type { IConsent, IScopeKeys } from "../../types/ethers-contracts/EHRLedger.js";

const abi = AbiCoder.defaultAbiCoder();

/** What a scope-key wrap is bound to, as carried by `ScopeKeyWrapped`. */
export interface WrapBinding {
  patient: string;
  recipient: string;
  category: number;
  epoch: number;
}

/** The categories of a scope bitmask, ascending: the order the contract expects wraps in. */
export function categoriesOf(scope: number): number[] {
  return Array.from({ length: 8 }, (_, category) => category).filter((category) => (scope >> category) & 1);
}

function xor32(a: string, b: string): string {
  const left = getBytes(a);
  const right = getBytes(b);
  return hexlify(left.map((byte, i) => byte ^ (right[i] ?? 0)));
}

function bindingHash(domain: string, binding: WrapBinding): string {
  return keccak256(abi.encode(["string", "address", "address", "uint8", "uint32"],
    [domain, binding.patient, binding.recipient, binding.category, binding.epoch]));
}

/**
 * A stand-in for the browser's X25519 sealed box, 80 bytes: binding hash ‖ key ⊕ mask ‖ 16-byte tag.
 * The mask is derived from public data, so this hides nothing from an attacker; what matters here is
 * that the 32 plaintext key bytes never appear in a wrap, and that opening checks the binding.
 */
export function sealScopeKey(key: string, binding: WrapBinding): string {
  const header = bindingHash("seal", binding);
  const body = xor32(key, keccak256(header));
  const tag = dataSlice(keccak256(concat([header, key])), 0, 16);
  return concat([header, body, tag]);
}

/** Opens a wrap made by {@link sealScopeKey}; null when it was sealed for another binding. */
export function openScopeKey(wrap: string, binding: WrapBinding): string | null {
  const header = bindingHash("seal", binding);
  if (dataSlice(wrap, 0, 32) !== header) return null;
  const key = xor32(dataSlice(wrap, 32, 64), keccak256(header));
  return dataSlice(keccak256(concat([header, key])), 0, 16) === dataSlice(wrap, 64, 80) ? key : null;
}

/** The previous epoch's key encrypted under the new one (80 bytes), as carried by `ScopeKeyRotated`. */
export function linkPreviousKey(previousKey: string, newKey: string, patient: string, category: number, epoch: number) {
  const header = bindingHash("link", { patient, recipient: patient, category, epoch });
  const body = xor32(previousKey, keccak256(concat([header, newKey])));
  const tag = dataSlice(keccak256(concat([header, newKey, previousKey])), 0, 16);
  return concat([header, body, tag]);
}

/** Opens a chain link with the key of `epoch`; null when `newKey` is not that key. */
export function openPreviousKey(link: string, newKey: string, patient: string, category: number, epoch: number) {
  const header = bindingHash("link", { patient, recipient: patient, category, epoch });
  if (dataSlice(link, 0, 32) !== header) return null;
  const previousKey = xor32(dataSlice(link, 32, 64), keccak256(concat([header, newKey])));
  const tag = dataSlice(keccak256(concat([header, newKey, previousKey])), 0, 16);
  return tag === dataSlice(link, 64, 80) ? previousKey : null;
}

/**
 * The patient's browser, reduced to its key bookkeeping: one random-looking 32-byte key per
 * (category, epoch), the wraps that hand it out and the links that chain the epochs.
 */
export class KeyBook {
  private readonly issued = new Map<string, string>();

  constructor(readonly patient: string, private readonly secret = "test key book") {}

  /** The plaintext scope key of `category` at `epoch`. */
  key(category: number, epoch: number): string {
    const id = `${category}/${epoch}`;
    let key = this.issued.get(id);
    if (key === undefined) {
      key = keccak256(toUtf8Bytes(`${this.secret}: ${this.patient} ${id}`));
      this.issued.set(id, key);
    }
    return key;
  }

  /** Every plaintext key handed out so far. */
  allKeys(): string[] {
    return [...this.issued.values()];
  }

  wrap(recipient: string, category: number, epoch: number): string {
    return sealScopeKey(this.key(category, epoch), { patient: this.patient, recipient, category, epoch });
  }

  /**
   * Arguments of `rotateScopeKey` that move `category` from `currentEpoch` to the next epoch,
   * sealed to `recipients` in the given order (the patient must come first to be accepted).
   */
  rotation(category: number, currentEpoch: number, recipients: string[]) {
    const epoch = currentEpoch + 1;
    const previousKeyWrap = currentEpoch === 0
      ? "0x"
      : linkPreviousKey(this.key(category, currentEpoch), this.key(category, epoch), this.patient, category, epoch);
    const wraps: IScopeKeys.ScopeKeyWrapStruct[] = recipients.map((recipient) => ({
      recipient,
      wrap: this.wrap(recipient, category, epoch),
    }));
    const args: [string, number, number, string, IScopeKeys.ScopeKeyWrapStruct[]] =
      [this.patient, category, currentEpoch, previousKeyWrap, wraps];
    return args;
  }

  /** One grant input carrying, for each readable category, the key of the epoch `epochOf` gives. */
  grantInput(
    grantee: string,
    readScope: number,
    writeScope: number,
    expiresAt: number,
    epochOf: (category: number) => number,
  ): IConsent.GrantInputStruct {
    const scopeKeyWraps = categoriesOf(readScope | writeScope).map((category) =>
      this.wrap(grantee, category, epochOf(category)));
    return { grantee, readScope, writeScope, expiresAt, scopeKeyWraps };
  }
}
