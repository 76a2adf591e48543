import { existsSync, rmSync } from "node:fs";
import path from "node:path";

import { mnemonicToAccount } from "viem/accounts";

import { LOCAL_DEV_CHAIN_ID, type PortalRuntimeConfig } from "../../web/src/portal/config/runtime-config.js";
import { DEMO_MNEMONIC, DEMO_PERSONAS } from "../../web/src/portal/wallet/demo-personas.js";
import { regenerateContractsModule } from "../generate-contracts-module.js";
import { DEFAULT_DATA_DIR as ipfsDataDir } from "../ipfs-node/defaults.js";
import { startIpfsNode, type RunningIpfsNode } from "../ipfs-node/node.js";
import { describeIpfsNode } from "../ipfs-node/summary.js";
import { startPortalServer, type RunningPortalServer } from "../portal-server/server.js";
import {
  anvilLogFile,
  anvilPidFile,
  anvilStateFile,
  deploymentDirFor,
  localDataDir,
  localDeploymentsDir,
  projectRoot,
} from "../lib/project-paths.js";
import { DEV_MNEMONIC, leftoverAnvilPid, startAnvil, type RunningAnvil } from "./anvil.js";
import { seedDemoWorldOnce } from "./demo-world.js";
import { checkExistingChain } from "./existing-chain.js";
import { checkExistingIpfs } from "./existing-ipfs.js";
import { ensureLocalDeployment } from "./local-deployment.js";
import {
  localChainUsage,
  parseLocalChainOptions,
  type AnvilChainSettings,
  type ExistingChainSettings,
  type LocalChainOptions,
} from "./options.js";
import { personaRows } from "./personas-table.js";
import { ensurePortalBuild, portalDistDir } from "./portal-build.js";
import { assertPortFree } from "./port.js";
import { renderStartSummary, renderSummaryRows, type SummaryRow } from "./summary.js";

/** Not Hardhat's 31337: Ignition wipes its record on 31337 whenever the node restarts. */
const CHAIN_ID = LOCAL_DEV_CHAIN_ID;

const log = (message: string) => console.log(`[start] ${message}`);
const relative = (file: string) => path.relative(projectRoot, file);

let anvil: RunningAnvil | undefined;
let ipfsNode: RunningIpfsNode | undefined;
let portal: RunningPortalServer | undefined;
let stopping = false;

/** The chain the portal talks to, whoever runs it. */
interface ChainInUse {
  chainId: number;
  rpcUrl: string;
  ledgerAddress: `0x${string}`;
  deploymentBlock: number;
  heading: string;
  rows: SummaryRow[];
}

/** The Kubo RPC API the portal and the seeder use, whoever runs it. */
interface IpfsInUse {
  apiUrl: string;
  summaryLines: string;
}

async function main(): Promise<void> {
  const options = parseLocalChainOptions(process.argv.slice(2), process.env);
  if (options === undefined) {
    console.log(localChainUsage);
    return;
  }
  // SIGHUP: a closed terminal must stop anvil too, which sits in its own process group.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));
  const startedAt = performance.now();

  await prepareDataDir(options);
  const ipfs = await startOrCheckIpfs(options);
  const chain = options.chain.kind === "anvil" ? await startLocalChain(options.host, options.chain) : await useExistingChain(options.chain);
  await ensurePortalBuild(log);
  const demoWorld = await seedDemoWorldIfWanted(options, chain, ipfs);
  log(`Starting the portal on ${options.host}:${options.portal.port}`);
  portal = await startPortalServer({
    distDir: portalDistDir,
    host: options.host,
    port: options.portal.port,
    config: portalConfig(options, chain, ipfs),
    log: (message) => console.error(`[portal] ${message}`),
  });

  const demoChain = chain.chainId === CHAIN_ID;
  console.log(
    renderStartSummary({
      portalUrl: portal.url,
      readySeconds: (performance.now() - startedAt) / 1000,
      heading: chain.heading,
      chainRows: [...chain.rows, ["Demo world", demoWorld]],
      ipfsLines: ipfs.summaryLines,
      ...(demoChain ? { devAccounts: { personas: personaRows(DEMO_PERSONAS, DEMO_MNEMONIC), rpcUrl: chain.rpcUrl, chainId: chain.chainId } } : {}),
    }),
  );

  if (anvil === undefined) return;
  const { code, signal } = await anvil.exited;
  if (!stopping) throw new Error(`anvil exited unexpectedly (${signal ?? `code ${code}`}); see ${relative(anvilLogFile)}`);
}

async function prepareDataDir(options: LocalChainOptions): Promise<void> {
  // Before --reset: wiping the state of a chain that is still running elsewhere would not reset it.
  // With --rpc-url and no --reset, .data/chain is not touched, so another start's anvil may run on.
  const leftover = options.chain.kind === "anvil" || options.reset ? leftoverAnvilPid(anvilPidFile) : undefined;
  if (leftover !== undefined) {
    throw new Error(`an anvil from an earlier npm start is still running (pid ${leftover}); stop it with: kill -INT ${leftover}`);
  }
  if (options.chain.kind === "anvil") await assertPortFree(options.host, options.chain.port);
  // The portal starts last, after a possibly long seeding: a taken port must fail the start now.
  await assertPortFree(options.host, options.portal.port, "--portal-port");
  if (options.reset) {
    log(`--reset: deleting ${relative(localDataDir)}/ (chain state, deployment record, IPFS blocks and pins)`);
    rmSync(localDataDir, { recursive: true, force: true });
  }
}

/** Before anvil: a taken IPFS port (or an unreachable endpoint) should fail the start before there is a chain to stop. */
async function startOrCheckIpfs(options: LocalChainOptions): Promise<IpfsInUse> {
  const settings = options.ipfs;
  if (settings.kind === "existing") {
    log(`Using the IPFS API at ${settings.apiUrl}`);
    const version = await checkExistingIpfs(settings.apiUrl, settings.token);
    const token = settings.token === undefined ? "not set" : "sent as a bearer token on writes";
    const summaryLines = renderSummaryRows([
      ["IPFS RPC API", `${settings.apiUrl}  (Kubo ${version}, given with --ipfs-api-url)`],
      ["IPFS CORS", "must allow the portal's origin (Kubo: API.HTTPHeaders.Access-Control-Allow-Origin)"],
      ["IPFS token", token],
    ]);
    return { apiUrl: settings.apiUrl, summaryLines };
  }
  log(`Starting the dev IPFS node on ${options.host}:${settings.apiPort} (gateway :${settings.gatewayPort}, data in ${relative(ipfsDataDir)})`);
  ipfsNode = await startIpfsNode({ dataDir: ipfsDataDir, host: options.host, ...settings });
  return { apiUrl: ipfsNode.apiUrl, summaryLines: describeIpfsNode(ipfsNode, settings, relative(ipfsDataDir)) };
}

async function startLocalChain(host: string, settings: AnvilChainSettings): Promise<ChainInUse> {
  const restoring = existsSync(anvilStateFile);
  log(
    `Starting anvil on ${host}:${settings.port} (chain id ${CHAIN_ID}, ` +
      `${restoring ? "restoring" : "new chain, saving to"} ${relative(anvilStateFile)})`,
  );
  anvil = await startAnvil({
    host,
    port: settings.port,
    chainId: CHAIN_ID,
    stateFile: anvilStateFile,
    stateIntervalSeconds: settings.stateIntervalSeconds,
    logFile: anvilLogFile,
    pidFile: anvilPidFile,
  });
  const { ledgerAddress, deploymentBlock, admin } = await deployLedgerAndGenerateModule(anvil.rpcUrl);
  const account0 = mnemonicToAccount(DEV_MNEMONIC).address;
  return {
    chainId: CHAIN_ID,
    rpcUrl: anvil.rpcUrl,
    ledgerAddress,
    deploymentBlock,
    heading: "EHR Ledger local chain is running",
    rows: [
      ["Chain id", String(CHAIN_ID)],
      ["RPC URL", anvil.rpcUrl],
      ["EHRLedger", ledgerAddress],
      ["Deployment block", String(deploymentBlock)],
      ["Admin", `${admin} (${admin === account0 ? "anvil account 0, the consortium admin persona below" : "not an anvil account"})`],
      ["Dev mnemonic", DEV_MNEMONIC],
      ["Chain state", `${relative(anvilStateFile)} (saved every ${settings.stateIntervalSeconds}s and on exit)`],
      ["Anvil log", relative(anvilLogFile)],
    ],
  };
}

async function deployLedgerAndGenerateModule(rpcUrl: string): Promise<{ ledgerAddress: `0x${string}`; deploymentBlock: number; admin: string }> {
  const hre = await compileContracts();
  const connection = await hre.network.create({ network: "localhost", override: { url: rpcUrl } });
  const chainId = Number(await connection.provider.request({ method: "eth_chainId" }));
  if (chainId !== CHAIN_ID) throw new Error(`${rpcUrl} reports chain id ${chainId}, expected ${CHAIN_ID}`);

  const deploymentDir = deploymentDirFor(localDeploymentsDir, chainId);
  log(`Deploying EHRLedger with Hardhat Ignition (record: ${relative(deploymentDir)})`);
  const { record, deployedNow } = await ensureLocalDeployment(hre, connection, deploymentDir, log);
  const ledger = record.contracts.find((contract) => contract.contractName === "EHRLedger");
  if (ledger === undefined) throw new Error(`${deploymentDir} has no EHRLedger`);
  log(deployedNow ? `Deployed EHRLedger at ${ledger.address}` : `EHRLedger already deployed at ${ledger.address}`);

  regenerateContractsModule(log);

  const admin = await (await connection.ethers.getContractAt("EHRLedger", ledger.address)).defaultAdmin();
  await connection.close();
  return { ledgerAddress: ledger.address as `0x${string}`, deploymentBlock: ledger.deploymentBlock, admin };
}

async function useExistingChain(settings: ExistingChainSettings): Promise<ChainInUse> {
  log(`Using the chain at ${settings.rpcUrl} (no anvil, no deployment)`);
  const chainId = await checkExistingChain(settings);
  // The portal's build embeds the ABIs, so they must match the sources even though nothing is deployed here.
  await compileContracts();
  regenerateContractsModule(log);
  return {
    chainId,
    rpcUrl: settings.rpcUrl,
    ledgerAddress: settings.ledgerAddress,
    deploymentBlock: settings.deploymentBlock,
    heading: `EHR Ledger on chain ${chainId} (given with --rpc-url)`,
    rows: [
      ["Chain id", String(chainId)],
      ["RPC URL", settings.rpcUrl],
      ["EHRLedger", settings.ledgerAddress],
      ["Deployment block", String(settings.deploymentBlock)],
      ["Demo wallet", chainId === CHAIN_ID ? "offered (chain id 1337)" : `off (only on the local dev chain, id ${CHAIN_ID})`],
    ],
  };
}

async function compileContracts() {
  // Loaded only now: reading the Hardhat config takes a while and the port checks should fail fast.
  const { default: hre } = await import("hardhat");
  log("Compiling contracts");
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
  return hre;
}

/** Returns what the summary says about the demo world. */
async function seedDemoWorldIfWanted(options: LocalChainOptions, chain: ChainInUse, ipfs: IpfsInUse): Promise<string> {
  if (!options.seed) return "not seeded (--no-seed)";
  if (chain.chainId !== CHAIN_ID) return `not seeded (only on the local dev chain, id ${CHAIN_ID})`;
  log("Checking for the demo world (personas, records, grants)");
  const outcome = await seedDemoWorldOnce({
    rpcUrl: chain.rpcUrl,
    chainId: chain.chainId,
    ledgerAddress: chain.ledgerAddress,
    deploymentBlock: chain.deploymentBlock,
    ipfsApiUrl: ipfs.apiUrl,
    ...(options.ipfs.token === undefined ? {} : { ipfsToken: options.ipfs.token }),
    log: (message) => console.log(`[seed] ${message}`),
  });
  switch (outcome) {
    case "seeded":
      return "seeded now";
    case "already-seeded":
      return "seeded on an earlier start";
    case "seeder-missing":
      log("warning: scripts/demo-world/seed.ts is missing, so the demo world was not seeded");
      return "not seeded (scripts/demo-world/seed.ts is missing)";
  }
}

function portalConfig(options: LocalChainOptions, chain: ChainInUse, ipfs: IpfsInUse): PortalRuntimeConfig {
  return {
    chainId: chain.chainId,
    chainName: chain.chainId === CHAIN_ID ? "EHR Ledger local chain" : `Chain ${chain.chainId}`,
    rpcUrl: chain.rpcUrl,
    ledgerAddress: chain.ledgerAddress,
    deploymentBlock: chain.deploymentBlock,
    ipfsApiUrl: ipfs.apiUrl,
    ...(options.ipfs.token === undefined ? {} : { ipfsToken: options.ipfs.token }),
    demoWallet: chain.chainId === CHAIN_ID,
    idleLockMinutes: options.portal.idleLockMinutes,
  };
}

/** Signals can arrive twice (the terminal and npm both forward Ctrl-C); only the first counts. */
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  const running = [
    ...(portal === undefined ? [] : ["the portal"]),
    ...(anvil === undefined ? [] : [`anvil (it saves ${relative(anvilStateFile)} on the way out)`]),
    ...(ipfsNode === undefined ? [] : ["the IPFS node"]),
  ];
  const last = running.pop();
  log(`${signal}: stopping ${last === undefined ? "the start" : running.length === 0 ? last : `${running.join(", ")} and ${last}`}`);
  const failures = await stopAll();
  if (failures.length > 0) {
    // Exit anyway: with `stopping` set, a second Ctrl-C is ignored, so staying up would hang.
    for (const failure of failures) console.error(`[start] error while stopping: ${failure}`);
    process.exit(1);
  }
  log("Stopped");
  process.exit(0);
}

/** Stops the portal, anvil and the IPFS node, each even if another fails; returns what went wrong. */
async function stopAll(): Promise<string[]> {
  const outcomes = await Promise.allSettled([portal?.close(), anvil?.stop(), ipfsNode?.close()]);
  return outcomes.flatMap((outcome) =>
    outcome.status === "rejected" ? [outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)] : [],
  );
}

try {
  await main();
} catch (error) {
  if (!stopping) {
    console.error(`[start] error: ${error instanceof Error ? error.message : String(error)}`);
    for (const failure of await stopAll()) console.error(`[start] error while stopping: ${failure}`);
    process.exit(1);
  }
}
