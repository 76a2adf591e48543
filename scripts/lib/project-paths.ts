import path from "node:path";
import { fileURLToPath } from "node:url";

/** Resolved from this file, so every script works whatever the caller's working directory is. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Everything the local chain needs lives in one git-ignored folder: the chain state and the
 * Ignition record of what was deployed on it belong together, and a fresh clone gets neither.
 */
export const localDataDir = path.join(projectRoot, ".data");
export const anvilStateFile = path.join(localDataDir, "chain", "anvil-state.json");
export const anvilLogFile = path.join(localDataDir, "chain", "anvil.log");
export const anvilPidFile = path.join(localDataDir, "chain", "anvil.pid");
export const localDeploymentsDir = path.join(localDataDir, "ignition", "deployments");

/** Deployments to shared networks are committed, where Ignition keeps them by default. */
export const sharedDeploymentsDir = path.join(projectRoot, "ignition", "deployments");

export const buildArtifactsDir = path.join(projectRoot, "artifacts");
export const contractsModuleFile = path.join(projectRoot, "web", "src", "generated", "contracts.ts");

/** Ignition's default deployment id, which we keep so that its own CLI (status, verify) finds ours. */
export function deploymentDirFor(deploymentsDir: string, chainId: number): string {
  return path.join(deploymentsDir, `chain-${chainId}`);
}
