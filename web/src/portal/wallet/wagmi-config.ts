import { http } from "viem";
import { createConfig, type Config } from "wagmi";
import { injected } from "wagmi/connectors";

import type { PortalRuntimeConfig } from "../config/runtime-config.js";
import { ledgerChain } from "./chain.js";

/**
 * Wallets arrive through EIP-6963 discovery (MetaMask, the local demo wallet, the E2E wallet), with
 * the legacy `window.ethereum` injected connector as a fallback. Reads go to the configured RPC so
 * they work before a wallet connects and do not depend on the wallet's network settings.
 */
export function createWagmiConfig(config: PortalRuntimeConfig): Config {
  const chain = ledgerChain(config);
  return createConfig({
    chains: [chain],
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    transports: { [chain.id]: http(config.rpcUrl, { retryCount: 0 }) },
    // Connections are re-established from the wallet on each visit; no account is stored.
    storage: null,
    pollingInterval: 1_000,
  });
}
