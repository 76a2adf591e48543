import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App.js";
import { parseRuntimeConfig, type PortalRuntimeConfig } from "./config/runtime-config.js";
import type { DemoWallet } from "./wallet/demo-wallet.js";
import { createWagmiConfig } from "./wallet/wagmi-config.js";
import "./styles.css";

async function loadConfig(): Promise<PortalRuntimeConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`The portal's /config.json answered ${response.status}.`);
  return parseRuntimeConfig(await response.json());
}

/** Loaded only on the local dev chain, so no other deployment ships (or offers) the dev keys. */
async function startDemoWallet(config: PortalRuntimeConfig): Promise<DemoWallet | undefined> {
  if (!config.demoWallet) return undefined;
  const [{ DemoWallet, DEMO_WALLET_INFO }, { announceProvider }, { ledgerChain }] = await Promise.all([
    import("./wallet/demo-wallet.js"),
    import("./wallet/eip6963.js"),
    import("./wallet/chain.js"),
  ]);
  const wallet = new DemoWallet(ledgerChain(config));
  announceProvider(window, DEMO_WALLET_INFO, wallet);
  return wallet;
}

const root = createRoot(document.getElementById("root") as HTMLElement);
try {
  const config = await loadConfig();
  const demoWallet = await startDemoWallet(config);
  root.render(
    <StrictMode>
      <App config={config} wagmiConfig={createWagmiConfig(config)} demoWallet={demoWallet} />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main className="panel notice-error" role="alert">
      <h1>EHR Ledger cannot start</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </main>,
  );
}
