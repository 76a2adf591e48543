import { createPublicClient, http } from "viem";

import type { ExistingChainSettings } from "./options.js";

/** The chain given with --rpc-url is not usable as given. */
export class ExistingChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExistingChainError";
  }
}

/** Checks that the chain answers, that EHRLedger has code there and that the deployment block exists; returns the chain id. */
export async function checkExistingChain(settings: ExistingChainSettings): Promise<number> {
  const client = createPublicClient({ transport: http(settings.rpcUrl, { retryCount: 0, timeout: 15_000 }) });
  let chainId: number;
  try {
    chainId = await client.getChainId();
  } catch (error) {
    throw new ExistingChainError(`the chain at ${settings.rpcUrl} did not answer eth_chainId: ${errorText(error)}. Check --rpc-url`);
  }
  const code = await client.getCode({ address: settings.ledgerAddress });
  if (code === undefined || code === "0x") {
    throw new ExistingChainError(`chain ${chainId} at ${settings.rpcUrl} has no contract at ${settings.ledgerAddress}. Check --ledger-address`);
  }
  const latestBlock = await client.getBlockNumber();
  if (BigInt(settings.deploymentBlock) > latestBlock) {
    throw new ExistingChainError(
      `--deployment-block ${settings.deploymentBlock} is after the latest block of chain ${chainId} (${latestBlock}). Check --deployment-block`,
    );
  }
  return chainId;
}

/** viem's short message when there is one; without its final period, since the sentence goes on. */
function errorText(error: unknown): string {
  const text = error instanceof Error ? ("shortMessage" in error && typeof error.shortMessage === "string" ? error.shortMessage : error.message) : String(error);
  return text.replace(/\.$/, "");
}
