import { existsSync, rmSync } from "node:fs";
import path from "node:path";

import { HDNodeWallet } from "ethers";

import { regenerateContractsModule } from "../generate-contracts-module.js";
import { DEFAULT_DATA_DIR as ipfsDataDir } from "../ipfs-node/defaults.js";
import { startIpfsNode, type RunningIpfsNode } from "../ipfs-node/node.js";
import { describeIpfsNode } from "../ipfs-node/summary.js";
import type { RecordedContract } from "../lib/deployment-record.js";
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
import { ensureLocalDeployment } from "./local-deployment.js";
import { localChainUsage, parseLocalChainOptions, type LocalChainOptions } from "./options.js";
import { assertPortFree } from "./port.js";

/** Not Hardhat's 31337: Ignition wipes its record on 31337 whenever the node restarts. */
const CHAIN_ID = 1337;

const log = (message: string) => console.log(`[start] ${message}`);
const relative = (file: string) => path.relative(projectRoot, file);

let anvil: RunningAnvil | undefined;
let ipfs: RunningIpfsNode | undefined;
let stopping = false;

async function main(): Promise<void> {
  const options = parseLocalChainOptions(process.argv.slice(2), process.env);
  if (options === undefined) {
    console.log(localChainUsage);
    return;
  }
  // SIGHUP: a closed terminal must stop anvil too, which sits in its own process group.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));

  await prepareDataDir(options);
  ipfs = await startIpfs(options);
  anvil = await startChain(options);
  const { ledger, admin } = await deployLedgerAndGenerateModule(anvil.rpcUrl);
  printSummary(options, anvil.rpcUrl, ledger, admin, ipfs);

  const { code, signal } = await anvil.exited;
  if (!stopping) throw new Error(`anvil exited unexpectedly (${signal ?? `code ${code}`}); see ${relative(anvilLogFile)}`);
}

async function prepareDataDir(options: LocalChainOptions): Promise<void> {
  // Before --reset: wiping the state of a chain that is still running elsewhere would not reset it.
  const leftover = leftoverAnvilPid(anvilPidFile);
  if (leftover !== undefined) {
    throw new Error(`an anvil from an earlier npm start is still running (pid ${leftover}); stop it with: kill -INT ${leftover}`);
  }
  await assertPortFree(options.host, options.port);
  if (options.reset) {
    log(`--reset: deleting ${relative(localDataDir)}/ (chain state, deployment record, IPFS blocks and pins)`);
    rmSync(localDataDir, { recursive: true, force: true });
  }
}

/** Before anvil: a taken IPFS port should fail the start before there is a chain to stop. */
async function startIpfs(options: LocalChainOptions): Promise<RunningIpfsNode> {
  log(`Starting the dev IPFS node on ${options.host}:${options.ipfs.apiPort} (gateway :${options.ipfs.gatewayPort}, data in ${relative(ipfsDataDir)})`);
  return await startIpfsNode({ dataDir: ipfsDataDir, host: options.host, ...options.ipfs });
}

async function startChain(options: LocalChainOptions): Promise<RunningAnvil> {
  const restoring = existsSync(anvilStateFile);
  log(
    `Starting anvil on ${options.host}:${options.port} (chain id ${CHAIN_ID}, ` +
      `${restoring ? "restoring" : "new chain, saving to"} ${relative(anvilStateFile)})`,
  );
  return await startAnvil({
    host: options.host,
    port: options.port,
    chainId: CHAIN_ID,
    stateFile: anvilStateFile,
    stateIntervalSeconds: options.stateIntervalSeconds,
    logFile: anvilLogFile,
    pidFile: anvilPidFile,
  });
}

async function deployLedgerAndGenerateModule(rpcUrl: string): Promise<{ ledger: RecordedContract; admin: string }> {
  // Loaded only now: reading the Hardhat config takes a while and the port check should fail fast.
  const { default: hre } = await import("hardhat");
  log("Compiling contracts");
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });

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
  return { ledger, admin };
}

function printSummary(options: LocalChainOptions, rpcUrl: string, ledger: RecordedContract, admin: string, ipfsNode: RunningIpfsNode): void {
  const account0 = HDNodeWallet.fromPhrase(DEV_MNEMONIC);
  const adminNote = admin === account0.address ? `anvil account 0, private key ${account0.privateKey}` : "not an anvil account";
  console.log(`
  EHR Ledger local chain is running
    Chain id          ${CHAIN_ID}
    RPC URL           ${rpcUrl}
    EHRLedger         ${ledger.address}
    Deployment block  ${ledger.deploymentBlock}
    Admin             ${admin} (${adminNote})
    Dev mnemonic      ${DEV_MNEMONIC}
    Chain state       ${relative(anvilStateFile)} (saved every ${options.stateIntervalSeconds}s and on exit)
    Anvil log         ${relative(anvilLogFile)}
${describeIpfsNode(ipfsNode, options.ipfs, relative(ipfsDataDir))}

  Press Ctrl-C to stop. The dev keys above are public: never use them on a real network.
`);
}

/** Signals can arrive twice (the terminal and npm both forward Ctrl-C); only the first counts. */
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping anvil (it saves ${relative(anvilStateFile)} on the way out) and the IPFS node`);
  const failures = await stopAll();
  if (failures.length > 0) {
    // Exit anyway: with `stopping` set, a second Ctrl-C is ignored, so staying up would hang.
    for (const failure of failures) console.error(`[start] error while stopping: ${failure}`);
    process.exit(1);
  }
  log("Stopped");
  process.exit(0);
}

/** Stops anvil and the IPFS node, each even if the other fails; returns what went wrong. */
async function stopAll(): Promise<string[]> {
  const outcomes = await Promise.allSettled([anvil?.stop(), ipfs?.close()]);
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
