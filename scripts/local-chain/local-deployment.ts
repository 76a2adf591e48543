import { rmSync } from "node:fs";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { readBuildArtifact, sameCode } from "../lib/build-artifacts.js";
import { contractsWithoutCode } from "../lib/contracts-without-code.js";
import { ContractChangedSinceDeploymentError, deployLedger } from "../lib/deploy-ledger.js";
import { readDeploymentRecord, type DeploymentRecord } from "../lib/deployment-record.js";
import { buildArtifactsDir } from "../lib/project-paths.js";

export interface LocalDeployment {
  record: DeploymentRecord;
  /** False when the recorded deployment was reused as is. */
  deployedNow: boolean;
}

/**
 * Deploys EHRLedger unless the record in `deploymentDir` is still live and built from the current
 * sources. A shared network's record is precious, but a local chain is disposable: rather than fail
 * or hand the portal an ABI that does not match the code, it starts the record over.
 */
export async function ensureLocalDeployment(
  hre: HardhatRuntimeEnvironment,
  connection: NetworkConnection,
  deploymentDir: string,
  log: (message: string) => void,
): Promise<LocalDeployment> {
  const previous = readDeploymentRecord(deploymentDir);
  const staleReason = previous === undefined ? undefined : await whyStale(connection, previous);
  if (staleReason !== undefined) {
    log(`${staleReason}: deploying again`);
    rmSync(deploymentDir, { recursive: true, force: true });
  }

  try {
    await deployLedger(hre, connection, { deploymentDir, showIgnitionUi: false });
  } catch (error) {
    // Only an unfinished deployment gets here: Ignition never re-checks futures that succeeded.
    if (!(error instanceof ContractChangedSinceDeploymentError)) throw error;
    log(`The unfinished deployment was for other sources (${error.message.trim()}): deploying anew`);
    rmSync(deploymentDir, { recursive: true, force: true });
    await deployLedger(hre, connection, { deploymentDir, showIgnitionUi: false });
  }

  const record = readDeploymentRecord(deploymentDir);
  if (record === undefined) throw new Error(`Ignition finished but left no deployment record in ${deploymentDir}`);
  const deployedNow =
    previous === undefined ||
    record.contracts.some(
      (contract, index) => contract.deploymentTransaction !== previous.contracts[index]?.deploymentTransaction,
    );
  return { record, deployedNow };
}

async function whyStale(connection: NetworkConnection, record: DeploymentRecord): Promise<string | undefined> {
  const missing = await contractsWithoutCode(connection.provider, record);
  if (missing.length > 0) {
    const addresses = missing.map((contract) => contract.address).join(", ");
    return `The recorded deployment (${addresses}) has no code on this chain (chain state lost?)`;
  }
  const changed = record.contracts.filter(
    (contract) =>
      !sameCode(readBuildArtifact(buildArtifactsDir, contract.sourceName, contract.contractName).bytecode, contract.bytecode),
  );
  if (changed.length > 0) {
    const names = changed.map((contract) => `${contract.contractName} (${contract.address})`).join(", ");
    return `The sources of ${names} changed since it was deployed (the old instance keeps its state; "npm start -- --reset" starts from an empty chain)`;
  }
  return undefined;
}
