import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** One contract of an Ignition deployment, as written in its folder (no RPC needed). */
export interface RecordedContract {
  futureId: string;
  contractName: string;
  /** Solidity source of the contract, e.g. `contracts/EHRLedger.sol`. */
  sourceName: string;
  address: `0x${string}`;
  deploymentBlock: number;
  deploymentTransaction: `0x${string}`;
  /** Creation bytecode Ignition deployed, to tell whether the current build still matches. */
  bytecode: string;
}

export interface DeploymentRecord {
  chainId: number;
  deploymentDir: string;
  contracts: RecordedContract[];
}

interface JournalMessage {
  type?: string;
  futureId?: string;
  chainId?: number;
  contractName?: string;
  hash?: string;
  receipt?: { blockNumber?: number; contractAddress?: string };
}

/** Returns undefined when nothing has been deployed from this folder yet. */
export function readDeploymentRecord(deploymentDir: string): DeploymentRecord | undefined {
  const addressesFile = path.join(deploymentDir, "deployed_addresses.json");
  const journalFile = path.join(deploymentDir, "journal.jsonl");
  if (!existsSync(addressesFile) || !existsSync(journalFile)) return undefined;

  const addresses = JSON.parse(readFileSync(addressesFile, "utf8")) as Record<string, `0x${string}`>;
  const journal = readFileSync(journalFile, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as JournalMessage);

  const chainId = journal.find((message) => message.type === "DEPLOYMENT_INITIALIZE")?.chainId;
  if (chainId === undefined) throw new Error(`${journalFile} does not say which chain it is for`);

  const contracts = Object.entries(addresses).map(([futureId, address]) =>
    readRecordedContract(deploymentDir, journal, futureId, address),
  );
  return { chainId, deploymentDir, contracts };
}

/** Every `chain-<id>` folder under an Ignition deployments folder that holds a finished deployment. */
export function readDeploymentRecords(deploymentsDir: string): DeploymentRecord[] {
  if (!existsSync(deploymentsDir)) return [];
  return readdirSync(deploymentsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readDeploymentRecord(path.join(deploymentsDir, entry.name)))
    .filter((record) => record !== undefined);
}

function readRecordedContract(
  deploymentDir: string,
  journal: JournalMessage[],
  futureId: string,
  address: `0x${string}`,
): RecordedContract {
  const confirmation = journal.find(
    (message) =>
      message.type === "TRANSACTION_CONFIRM" &&
      message.futureId === futureId &&
      message.receipt?.contractAddress?.toLowerCase() === address.toLowerCase(),
  );
  const blockNumber = confirmation?.receipt?.blockNumber;
  if (confirmation?.hash === undefined || blockNumber === undefined) {
    throw new Error(`the journal in ${deploymentDir} has no confirmed deployment transaction for ${futureId}`);
  }

  const artifactFile = path.join(deploymentDir, "artifacts", `${futureId}.json`);
  const artifact = JSON.parse(readFileSync(artifactFile, "utf8")) as {
    contractName: string;
    sourceName: string;
    bytecode: string;
  };
  return {
    futureId,
    contractName: artifact.contractName,
    sourceName: artifact.sourceName,
    address,
    deploymentBlock: blockNumber,
    deploymentTransaction: confirmation.hash as `0x${string}`,
    bytecode: artifact.bytecode,
  };
}
