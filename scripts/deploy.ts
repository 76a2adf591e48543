import { createInterface } from "node:readline/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { getAddress } from "ethers";
import hre from "hardhat";

import { regenerateContractsModule } from "./generate-contracts-module.js";
import { contractsWithoutCode } from "./lib/contracts-without-code.js";
import { deployLedger } from "./lib/deploy-ledger.js";
import { readDeploymentRecord } from "./lib/deployment-record.js";
import { deploymentDirFor, localDeploymentsDir, projectRoot, sharedDeploymentsDir } from "./lib/project-paths.js";

const usage = `Usage: npm run deploy -- --network <name> [--yes]

Deploys EHRLedger with Hardhat Ignition to a network from hardhat.config.ts, then regenerates
web/src/generated/contracts.ts. Running it again resumes or reuses the recorded deployment.

  --network <name>   "custom" (any EVM chain: env EHR_RPC_URL and EHR_DEPLOYER_KEY) or "localhost"
  --yes              do not ask for confirmation (also: HARDHAT_IGNITION_CONFIRM_DEPLOYMENT=1)

Env: EHR_ADMIN   admin of the ledger (default: the deployer)`;

const log = (message: string) => console.log(`[deploy] ${message}`);

const { values } = parseArgs({
  options: {
    network: { type: "string" },
    yes: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (values.help || values.network === undefined) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const networkName = values.network;
// The local chain's record must go where its state is (.data/); any other chain's record is
// shared knowledge and gets committed, in Ignition's default place.
const isLocalChain = networkName === "localhost";

async function main(): Promise<void> {
  const adminSetting = process.env.EHR_ADMIN?.trim();
  const admin = adminSetting === undefined || adminSetting === "" ? undefined : getAddress(adminSetting);

  log("Compiling contracts");
  // The default profile, not Ignition's usual "production": the config defines only "default"
  // (its generated production profile would drop viaIR), and it is the code the tests ran against.
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });

  const connection = await hre.network.create({ network: networkName });
  try {
    const chainId = Number(await connection.provider.request({ method: "eth_chainId" }));
    const [deployer] = (await connection.provider.request({ method: "eth_accounts" })) as string[];
    if (deployer === undefined) throw new Error(`network "${networkName}" has no account to deploy from (set EHR_DEPLOYER_KEY)`);
    const deploymentDir = deploymentDirFor(isLocalChain ? localDeploymentsDir : sharedDeploymentsDir, chainId);

    const previous = readDeploymentRecord(deploymentDir);
    if (previous !== undefined && (await contractsWithoutCode(connection.provider, previous)).length > 0) {
      throw new Error(
        `${path.relative(projectRoot, deploymentDir)} records contracts that have no code on chain ${chainId}. ` +
          "Check EHR_RPC_URL; if that chain was really reset, delete the folder to deploy anew.",
      );
    }

    console.log(
      [
        "",
        `  Network           ${networkName} (chain id ${chainId})`,
        `  Deployer          ${deployer}`,
        `  Admin             ${admin ?? `${deployer} (the deployer; set EHR_ADMIN to choose another)`}`,
        `  Deployment record ${path.relative(projectRoot, deploymentDir)}${previous === undefined ? "" : " (exists: resuming)"}`,
        "",
      ].join("\n"),
    );
    if (!isLocalChain && !values.yes && process.env.HARDHAT_IGNITION_CONFIRM_DEPLOYMENT === undefined) {
      await confirmOrExit(`Deploy to chain ${chainId}?`);
    }

    await deployLedger(hre, connection, { deploymentDir, admin, showIgnitionUi: true });
    const record = readDeploymentRecord(deploymentDir);
    for (const contract of record?.contracts ?? []) {
      log(`${contract.contractName} at ${contract.address} (block ${contract.deploymentBlock})`);
    }
    regenerateContractsModule(log);
    if (!isLocalChain) log(`Commit ${path.relative(projectRoot, deploymentDir)}: it is how the others find this deployment`);
  } finally {
    await connection.close();
  }
}

async function confirmOrExit(question: string): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new Error("no terminal to confirm the deployment: pass --yes or set HARDHAT_IGNITION_CONFIRM_DEPLOYMENT=1");
  }
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await readline.question(`${question} [y/N] `);
  readline.close();
  if (!/^y(es)?$/i.test(answer.trim())) {
    log("Cancelled");
    process.exit(1);
  }
}

try {
  await main();
} catch (error) {
  console.error(`[deploy] error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
