/**
 * The synthetic history made ready for the auditor's console, as test/e2e/support/stack.ts makes the
 * E2E stack: the embedded IPFS node in this process on free ports (a temporary data folder, the
 * portal's origins allowed), every provider's public profile on it and pointed to from the chain,
 * anvil dev account 9 (the demo persona "auditor") registered as an auditor by the ledger's admin
 * (dev account 0, which deployed it), and the portal's production build served with a runtime
 * config for this chain, the demo wallet on.
 *
 * The chain is snapshotted first and rewound on stop: the history stays what was generated, so a
 * kept one (--keep) reopens next time.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { keccak256, toHex, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import type { Hex } from "../../../web/src/core/bytes.js";
import { ZERO_KEY } from "../../../web/src/core/chain/views.js";
import { publishProviderProfile } from "../../../web/src/core/directory/publish.js";
import { createIpfsStore } from "../../../web/src/core/ipfs/store.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { DEFAULT_IDLE_LOCK_MINUTES, LOCAL_DEV_CHAIN_ID, type PortalRuntimeConfig } from "../../../web/src/portal/config/runtime-config.js";
import { DEMO_MNEMONIC, demoPersona } from "../../../web/src/portal/wallet/demo-personas.js";
import { startIpfsNode, type RunningIpfsNode } from "../../ipfs-node/node.js";
import { DEV_MNEMONIC } from "../../local-chain/anvil.js";
import { portalDistDir } from "../../local-chain/portal-build.js";
import { portalOrigins } from "../../local-chain/portal-origins.js";
import { startPortalServer, type RunningPortalServer } from "../../portal-server/server.js";
import { freePort } from "../storage/local-stack.js";
import type { SyntheticHistory } from "./history.js";
import { JsonRpcBatcher, type RpcCall } from "./json-rpc.js";
import { KIND } from "./ledger-model.js";
import { mineCheckedBlock } from "./mine-block.js";
import { BlockWriter } from "./planned-block.js";
import { providerProfiles } from "./provider-profiles.js";

const HOST = "127.0.0.1";
/** The preparation's block comes a minute after the history's last. */
const AFTER_HISTORY_SECONDS = 60;

export class PortalNotBuiltError extends Error {
  readonly code = "PORTAL_NOT_BUILT";
  constructor() {
    super(`The console part of bench:audit serves the portal's production build, but ${portalDistDir}/index.html is missing: run npm run build:portal first (or pass --no-browser).`);
    this.name = "PortalNotBuiltError";
  }
}

/** Throws PortalNotBuiltError when web/dist holds no build. */
export function requirePortalBuild(): void {
  if (!existsSync(path.join(portalDistDir, "index.html"))) throw new PortalNotBuiltError();
}

export interface ConsoleStack {
  portalUrl: string;
  /** Entries the console must show once synced: the history's and the preparation's. */
  entries: number;
  /** The chain's head, up to which a sync reads. */
  headBlock: bigint;
  /** Closes the portal and the IPFS node and rewinds the chain to the history as generated. */
  stop(): Promise<void>;
}

/** The demo persona the console is signed in as. */
export const CONSOLE_PERSONA = demoPersona("auditor");

export async function startConsoleStack(history: SyntheticHistory, log: (message: string) => void): Promise<ConsoleStack> {
  requirePortalBuild();
  const rpc = new JsonRpcBatcher(history.rpcUrl);
  const snapshot = await rpc.call<Hex>("evm_snapshot");
  const dir = mkdtempSync(path.join(tmpdir(), "ehr-bench-audit-console-"));
  let ipfs: RunningIpfsNode | undefined;
  let portal: RunningPortalServer | undefined;
  const stop = async () => {
    // Every step runs even when another fails: the chain must be rewound whatever happened.
    const outcomes: PromiseSettledResult<unknown>[] = await Promise.allSettled([portal?.close(), ipfs?.close()]);
    outcomes.push(...(await Promise.allSettled([rewind(rpc, snapshot)])));
    rmSync(dir, { recursive: true, force: true });
    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as unknown] : []));
    if (failures.length > 0) throw new AggregateError(failures, "stopping the console's stack failed");
  };
  try {
    const [apiPort, gatewayPort, portalPort] = [await freePort(), await freePort(), await freePort()];
    ipfs = await startIpfsNode({ dataDir: path.join(dir, "ipfs"), host: HOST, apiPort, gatewayPort, allowedOrigins: portalOrigins(HOST, portalPort) });
    const { providers } = history.participants;
    log(`publishing ${providers.length} providers' public profiles on the IPFS node at ${ipfs.apiUrl}`);
    const store = createIpfsStore({ apiUrl: ipfs.apiUrl, retries: 0 });
    const digests = new Map<Address, Hex>();
    for (const [address, profile] of providerProfiles(providers)) digests.set(address, await publishProviderProfile(store, profile));
    const mined = await registerAuditorAndProfiles(rpc, history, digests);
    log(`registered the demo auditor and set ${digests.size} profile digests in block ${mined.number} (${mined.events} events)`);

    const config: PortalRuntimeConfig = {
      chainId: LOCAL_DEV_CHAIN_ID,
      chainName: "EHR Ledger bench:audit",
      rpcUrl: history.rpcUrl,
      ledgerAddress: history.ledgerAddress,
      deploymentBlock: Number(history.deploymentBlock),
      ipfsApiUrl: ipfs.apiUrl,
      demoWallet: true,
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    };
    portal = await startPortalServer({ distDir: portalDistDir, host: HOST, port: portalPort, config, log: (message) => log(`[portal server] ${message}`) });
    return { portalUrl: portal.url, entries: history.events + mined.events, headBlock: mined.number, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function rewind(rpc: JsonRpcBatcher, snapshot: Hex): Promise<void> {
  if (!(await rpc.call<boolean>("evm_revert", [snapshot]))) throw new Error(`anvil did not revert to snapshot ${snapshot}: the history's chain still holds the console's preparation`);
}

/** One block after the history's last: the admin registers the demo auditor, every provider points to its profile. */
async function registerAuditorAndProfiles(rpc: JsonRpcBatcher, history: SyntheticHistory, digests: ReadonlyMap<Address, Hex>) {
  // The bench deploys with dev account 0 (history.ts), which holds the ledger's admin role.
  const admin = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 0 }).address.toLowerCase() as Address;
  const auditor = mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: CONSOLE_PERSONA.accountIndex }).address.toLowerCase() as Address;
  const senders = [admin, ...digests.keys()];
  const nonces = (await rpc.batch(senders.map((sender): RpcCall => ["eth_getTransactionCount", [sender, "latest"]]))) as Hex[];
  const latest = await rpc.call<{ timestamp: Hex }>("eth_getBlockByNumber", ["latest", false]);
  const writer = new BlockWriter(new Map(senders.map((sender, i) => [sender, Number(nonces[i])])));
  const block = writer.open(Number(latest.timestamp) + AFTER_HISTORY_SECONDS);
  const commitment = keccak256(toHex("ehr-ledger bench:audit/console auditor"));
  writer.send(admin, { functionName: "registerParticipant", args: [auditor, KIND.auditor, zeroAddress, ZERO_KEY, commitment, ZERO_KEY] }, ["participant-registered"]);
  for (const [provider, digest] of digests) writer.send(provider, { functionName: "setProfileDigest", args: [digest] }, ["profile-changed"]);
  return await mineCheckedBlock(rpc, history.ledgerAddress, block);
}
