/**
 * A throwaway copy of the whole stack for the portal's E2E tests: anvil (chain 1337) on a free port
 * with its state in a temporary folder, a freshly deployed EHRLedger, the embedded IPFS node in this
 * process accepting the portal's origin, and the production build of the portal (web/dist) served
 * with a runtime config that points at both. Wallets are injected per persona (injected-wallet.ts),
 * so the portal's demo wallet is off.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, createTestClient, createWalletClient, defineChain, http, type PublicClient } from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";

import { deployFreshLedger, freePort } from "../../../scripts/bench/storage/local-stack.js";
import { startIpfsNode, type IpfsNodeOptions, type RunningIpfsNode } from "../../../scripts/ipfs-node/node.js";
import { startAnvil, type RunningAnvil } from "../../../scripts/local-chain/anvil.js";
import { portalDistDir } from "../../../scripts/local-chain/portal-build.js";
import { portalOrigins } from "../../../scripts/local-chain/portal-origins.js";
import { startPortalServer, type RunningPortalServer } from "../../../scripts/portal-server/server.js";
import { createLedgerConnection, type LedgerConnection } from "../../../web/src/core/chain/connection.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { DEFAULT_IDLE_LOCK_MINUTES, LOCAL_DEV_CHAIN_ID, type PortalRuntimeConfig } from "../../../web/src/portal/config/runtime-config.js";
import { DEMO_MNEMONIC, DEMO_PERSONAS, demoPersona, type DemoPersona } from "../../../web/src/portal/wallet/demo-personas.js";

export type PersonaId = DemoPersona["id"];

const HOST = "127.0.0.1";
/** Transactions confirm within a block on anvil; viem's 4 s default poll would dominate every step. */
const POLLING_MS = 25;

/** The build under test: web/dist, or E2E_PORTAL_DIST (a build made with vite's --outDir, so a rebuild elsewhere cannot pull files from under a running test). */
const e2eDistDir = process.env.E2E_PORTAL_DIST ?? portalDistDir;

export class PortalNotBuiltError extends Error {
  constructor() {
    super(`The E2E tests serve the portal's production build, but ${e2eDistDir}/index.html is missing: run npm run build:portal first (npm test builds it).`);
    this.name = "PortalNotBuiltError";
  }
}

export interface E2EStackOptions {
  /** The portal's automatic lock; 15 minutes unless a test wants to see it happen. */
  idleLockMinutes?: number;
}

export interface E2EStack {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly ledgerAddress: Address;
  readonly deploymentBlock: bigint;
  /** Kubo RPC API of the embedded IPFS node. */
  readonly ipfsApiUrl: string;
  readonly ipfsGatewayUrl: string;
  readonly portalUrl: string;
  /** What the portal reads from /config.json. */
  readonly config: PortalRuntimeConfig;
  /** The dev mnemonic's accounts 0–9, indexed like the personas' `accountIndex` (0 is the admin). */
  readonly accounts: readonly HDAccount[];
  readonly publicClient: PublicClient;
  account(persona: PersonaId): HDAccount;
  /** `persona`'s own connection, for setting up what a test is not about through the client core. */
  connection(persona: PersonaId): LedgerConnection;
  /** Moves the chain's clock forward and mines a block, so expiries lapse. */
  increaseTime(seconds: number): Promise<void>;
  /** Stops the IPFS node (for "IPFS down" tests); its blocks and pins stay in the stack's folder. */
  stopIpfs(): Promise<void>;
  /** Starts it again on the same ports with the same data. */
  startIpfs(): Promise<void>;
  /** Stops the portal, the IPFS node and anvil, and deletes the stack's folder. */
  stop(): Promise<void>;
}

export async function startE2EStack(options: E2EStackOptions = {}): Promise<E2EStack> {
  if (!existsSync(path.join(e2eDistDir, "index.html"))) throw new PortalNotBuiltError();
  const dir = mkdtempSync(path.join(tmpdir(), "ehr-e2e-"));
  const [anvilPort, apiPort, gatewayPort, portalPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const ipfsOptions: IpfsNodeOptions = {
    dataDir: path.join(dir, "ipfs"),
    host: HOST,
    apiPort,
    gatewayPort,
    allowedOrigins: portalOrigins(HOST, portalPort),
  };

  let anvil: RunningAnvil | undefined;
  let ipfs: RunningIpfsNode | undefined;
  let portal: RunningPortalServer | undefined;
  const stop = async () => {
    // Every service is stopped even when another fails to: a left-over anvil would outlive the run.
    const outcomes = await Promise.allSettled([portal?.close(), ipfs?.close(), anvil?.stop()]);
    rmSync(dir, { recursive: true, force: true });
    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
    if (failures.length > 0) throw new AggregateError(failures, "stopping the E2E stack failed");
  };

  try {
    [anvil, ipfs] = await Promise.all([
      startAnvil({
        host: HOST,
        port: anvilPort,
        chainId: LOCAL_DEV_CHAIN_ID,
        stateFile: path.join(dir, "anvil-state.json"),
        stateIntervalSeconds: 3600,
        logFile: path.join(dir, "anvil.log"),
        pidFile: path.join(dir, "anvil.pid"),
      }),
      startIpfsNode(ipfsOptions),
    ]);
    const rpcUrl = anvil.rpcUrl;
    const accounts = Array.from({ length: DEMO_PERSONAS.length }, (_, index) => mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: index }));
    const account = (persona: PersonaId): HDAccount => accounts[demoPersona(persona).accountIndex] as HDAccount;

    const chainName = "EHR Ledger E2E chain";
    const chain = defineChain({ id: LOCAL_DEV_CHAIN_ID, name: chainName, nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
    const transport = http(rpcUrl, { retryCount: 0 });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: POLLING_MS, cacheTime: 0 }) as PublicClient;
    const walletClient = (persona: PersonaId) => createWalletClient({ chain, transport, account: account(persona), pollingInterval: POLLING_MS, cacheTime: 0 });
    const testClient = createTestClient({ chain, transport, mode: "anvil" });

    const { address: ledgerAddress, deploymentBlock } = await deployFreshLedger(walletClient("admin"), publicClient);
    const config: PortalRuntimeConfig = {
      chainId: LOCAL_DEV_CHAIN_ID,
      chainName,
      rpcUrl,
      ledgerAddress,
      deploymentBlock: Number(deploymentBlock),
      ipfsApiUrl: ipfs.apiUrl,
      demoWallet: false,
      idleLockMinutes: options.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    };
    portal = await startPortalServer({
      distDir: e2eDistDir,
      host: HOST,
      port: portalPort,
      config,
      log: (message) => console.error(`[e2e portal server] ${message}`),
    });

    const { gatewayUrl, apiUrl } = ipfs;
    return {
      chainId: LOCAL_DEV_CHAIN_ID,
      rpcUrl,
      ledgerAddress,
      deploymentBlock,
      ipfsApiUrl: apiUrl,
      ipfsGatewayUrl: gatewayUrl,
      portalUrl: portal.url,
      config,
      accounts,
      publicClient,
      account,
      connection: (persona) =>
        createLedgerConnection({ publicClient, walletClient: walletClient(persona), address: ledgerAddress, chainId: LOCAL_DEV_CHAIN_ID, deploymentBlock }),
      async increaseTime(seconds) {
        await testClient.request({ method: "evm_increaseTime", params: [`0x${seconds.toString(16)}`] });
        await testClient.request({ method: "evm_mine", params: undefined });
      },
      async stopIpfs() {
        const running = ipfs;
        ipfs = undefined;
        await running?.close();
      },
      async startIpfs() {
        if (ipfs !== undefined) throw new Error("the E2E stack's IPFS node is already running");
        ipfs = await startIpfsNode(ipfsOptions);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
