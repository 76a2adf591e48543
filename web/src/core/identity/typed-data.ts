/**
 * The EIP-712 message a wallet signs to derive its EHR Ledger encryption key. Typed data, so the
 * wallet shows what is being signed; bound to the chain, the ledger contract and the account, so a
 * key derived for one deployment or account is useless for any other.
 */
import type { Address, LedgerContext } from "../ledger-context.js";

export const ENCRYPTION_KEY_PURPOSE =
  "Derive my EHR Ledger encryption key. Signing this is not a transaction: it sends nothing and costs nothing.";

/** Bumped only with a new derivation; a wallet signing version 1 always gets the same key. */
export const ENCRYPTION_KEY_VERSION = 1;

export const encryptionKeyRequestTypes = {
  EncryptionKeyRequest: [
    { name: "account", type: "address" },
    { name: "purpose", type: "string" },
    { name: "keyVersion", type: "uint32" },
  ],
} as const;

export interface EncryptionKeyTypedData {
  domain: { name: "EHR Ledger"; version: "1"; chainId: number; verifyingContract: Address };
  types: typeof encryptionKeyRequestTypes;
  primaryType: "EncryptionKeyRequest";
  message: { account: Address; purpose: string; keyVersion: number };
}

export function encryptionKeyRequest(ledger: LedgerContext, account: Address): EncryptionKeyTypedData {
  return {
    domain: { name: "EHR Ledger", version: "1", chainId: ledger.chainId, verifyingContract: ledger.contract },
    types: encryptionKeyRequestTypes,
    primaryType: "EncryptionKeyRequest",
    message: { account, purpose: ENCRYPTION_KEY_PURPOSE, keyVersion: ENCRYPTION_KEY_VERSION },
  };
}
