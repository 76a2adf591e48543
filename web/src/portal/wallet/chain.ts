import { defineChain, type Chain } from "viem";

import type { PortalRuntimeConfig } from "../config/runtime-config.js";

/** The one chain the portal works on, as viem and wagmi describe chains. */
export function ledgerChain(config: PortalRuntimeConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
}
