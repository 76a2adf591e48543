/**
 * A participant's X25519 encryption identity, held in memory only. The secret key stays in a
 * private field: sealed keys are opened through `open`, and `wipe` zero-fills it on lock or logout.
 */
import nacl from "tweetnacl";

import { concatBytes, toHex, type Hex } from "../bytes.js";
import { openSealedKeyWithSecret } from "../crypto/seal.js";
import { hkdf } from "../crypto/webcrypto.js";
import { addressBytes, encodeLedgerContext, label, type Address, type LedgerContext } from "../ledger-context.js";
import { IdentityLockedError } from "./errors.js";
import { signatureKeyMaterial } from "./signature.js";

export class Identity {
  readonly account: Address;
  /** The public key as registered on chain (bytes32). */
  readonly publicKeyHex: Hex;
  readonly #publicKey: Uint8Array;
  #secretKey: Uint8Array | null;

  /** Takes a copy of `secretKey`; the caller should zero its own. */
  constructor(account: Address, secretKey: Uint8Array) {
    if (secretKey.length !== nacl.box.secretKeyLength) {
      throw new RangeError(`an X25519 secret key is ${nacl.box.secretKeyLength} bytes, got ${secretKey.length}`);
    }
    const pair = nacl.box.keyPair.fromSecretKey(secretKey);
    this.account = account;
    this.#secretKey = pair.secretKey;
    this.#publicKey = pair.publicKey;
    this.publicKeyHex = toHex(pair.publicKey);
  }

  get publicKey(): Uint8Array {
    return this.#publicKey.slice();
  }

  get locked(): boolean {
    return this.#secretKey === null;
  }

  /** The key sealed to this identity in `wrap` (see crypto/seal.ts), or null when it does not open. */
  open(wrap: Uint8Array, purpose: string, binding: Uint8Array): Promise<Uint8Array | null> {
    if (this.#secretKey === null) return Promise.reject(new IdentityLockedError(this.account));
    return openSealedKeyWithSecret(this.#secretKey, this.#publicKey, wrap, purpose, binding);
  }

  /** Zero-fills the secret key; any later `open` throws IdentityLockedError. */
  wipe(): void {
    this.#secretKey?.fill(0);
    this.#secretKey = null;
  }

  toString(): string {
    return `Identity(${this.account}, public key ${this.publicKeyHex})`;
  }

  toJSON(): { account: Address; publicKey: Hex } {
    return { account: this.account, publicKey: this.publicKeyHex };
  }
}

/**
 * The identity of `account` on `ledger` derived from the wallet's signature of
 * encryptionKeyRequest(ledger, account): HKDF-SHA-256 over r ‖ low-s, bound to ledger and account.
 */
export async function deriveIdentity(signature: Hex, ledger: LedgerContext, account: Address): Promise<Identity> {
  const info = concatBytes(label("x25519 identity v1"), encodeLedgerContext(ledger), addressBytes(account));
  const keyMaterial = signatureKeyMaterial(signature);
  let secretKey: Uint8Array;
  try {
    secretKey = await hkdf(keyMaterial, label("identity"), info, nacl.box.secretKeyLength);
  } finally {
    keyMaterial.fill(0);
  }
  try {
    return new Identity(account, secretKey);
  } finally {
    secretKey.fill(0);
  }
}
