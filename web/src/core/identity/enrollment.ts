/**
 * Enrolling (first set-up) and unlocking (every login) an encryption identity from a wallet.
 * The key must come out the same every time, so enrollment refuses a wallet that signs the same
 * message differently, and unlocking refuses a key that differs from the registered one rather
 * than silently starting a new key.
 */
import { equalBytes, fromHex, type Hex } from "../bytes.js";
import type { LedgerContext } from "../ledger-context.js";
import { EncryptionKeyMismatchError, IdentityNotEnrolledError, NonDeterministicSignatureError } from "./errors.js";
import { deriveIdentity, type Identity } from "./identity.js";
import { signatureKeyMaterial } from "./signature.js";
import type { IdentitySigner } from "./signer.js";
import { encryptionKeyRequest } from "./typed-data.js";

function signRequest(signer: IdentitySigner, ledger: LedgerContext): Promise<Hex> {
  return signer.signTypedData(encryptionKeyRequest(ledger, signer.account));
}

/**
 * Asks the wallet for the key signature twice and derives the identity to register. Throws
 * NonDeterministicSignatureError when the two signatures are not the same (up to the encoding of s).
 */
export async function enrollIdentity(signer: IdentitySigner, ledger: LedgerContext): Promise<Identity> {
  const first = await signRequest(signer, ledger);
  const second = await signRequest(signer, ledger);
  const firstMaterial = signatureKeyMaterial(first);
  const secondMaterial = signatureKeyMaterial(second);
  const same = equalBytes(firstMaterial, secondMaterial);
  firstMaterial.fill(0);
  secondMaterial.fill(0);
  if (!same) throw new NonDeterministicSignatureError(signer.account);
  return deriveIdentity(first, ledger, signer.account);
}

/**
 * Derives the identity and checks it against `registeredKey` (the participant's bytes32
 * encryptionKey on chain). Throws IdentityNotEnrolledError for a zero key and
 * EncryptionKeyMismatchError when the wallet derives another key.
 */
export async function unlockIdentity(signer: IdentitySigner, ledger: LedgerContext, registeredKey: Hex): Promise<Identity> {
  const registered = fromHex(registeredKey);
  if (registered.every((byte) => byte === 0)) throw new IdentityNotEnrolledError(signer.account);
  const identity = await deriveIdentity(await signRequest(signer, ledger), ledger, signer.account);
  if (!equalBytes(identity.publicKey, registered)) {
    identity.wipe();
    throw new EncryptionKeyMismatchError(signer.account);
  }
  return identity;
}
