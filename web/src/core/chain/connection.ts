/**
 * How the core reaches one EHRLedger deployment: a viem public client for reads and events, and,
 * for a signed-in participant, a wallet client whose account sends transactions.
 */
import type { Account, Chain, PublicClient, Transport, WalletClient } from "viem";

import { abis } from "../../generated/contracts.js";
import type { Address, LedgerContext } from "../ledger-context.js";

export const ledgerAbi = abis.EHRLedger;
export type LedgerAbi = typeof ledgerAbi;

export type LedgerWalletClient = WalletClient<Transport, Chain | undefined, Account>;

export interface LedgerConnection {
  readonly publicClient: PublicClient;
  /** Absent for read-only use (an auditor's dashboard, a signed-out visitor). */
  readonly walletClient?: LedgerWalletClient;
  readonly address: Address;
  readonly chainId: number;
  /** Where event scans start: nothing of this deployment happened before it. */
  readonly deploymentBlock: bigint;
}

export interface LedgerConnectionParameters {
  publicClient: PublicClient;
  walletClient?: LedgerWalletClient;
  address: Address;
  chainId: number;
  deploymentBlock?: bigint;
}

export class NoWalletError extends Error {
  readonly code = "NO_WALLET";

  constructor(action: string) {
    super(`${action} needs a connected wallet: connect one and try again`);
    this.name = "NoWalletError";
  }
}

export function createLedgerConnection(parameters: LedgerConnectionParameters): LedgerConnection {
  const { publicClient, walletClient, address, chainId, deploymentBlock = 0n } = parameters;
  return walletClient === undefined
    ? { publicClient, address, chainId, deploymentBlock }
    : { publicClient, walletClient, address, chainId, deploymentBlock };
}

/** The same deployment seen through another participant's wallet. */
export function withWallet(connection: LedgerConnection, walletClient: LedgerWalletClient): LedgerConnection {
  return { ...connection, walletClient };
}

export function ledgerContextOf(connection: LedgerConnection): LedgerContext {
  return { chainId: connection.chainId, contract: connection.address };
}

/** The wallet client and its account, or a NoWalletError naming `action`. */
export function requireWallet(connection: LedgerConnection, action: string): { walletClient: LedgerWalletClient; account: Address } {
  const { walletClient } = connection;
  if (walletClient === undefined) throw new NoWalletError(action);
  return { walletClient, account: walletClient.account.address };
}
