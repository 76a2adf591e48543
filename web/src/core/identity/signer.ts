/** What the identity needs from a wallet: its account and an EIP-712 signature. */
import type { Hex } from "../bytes.js";
import type { LedgerWalletClient } from "../chain/connection.js";
import type { Address } from "../ledger-context.js";
import type { EncryptionKeyTypedData } from "./typed-data.js";

export interface IdentitySigner {
  readonly account: Address;
  signTypedData(typedData: EncryptionKeyTypedData): Promise<Hex>;
}

export function walletClientSigner(walletClient: LedgerWalletClient): IdentitySigner {
  return {
    account: walletClient.account.address,
    signTypedData: (typedData) => walletClient.signTypedData({ account: walletClient.account, ...typedData }),
  };
}
