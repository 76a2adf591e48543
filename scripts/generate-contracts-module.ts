import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { readBuildArtifact, sameCode } from "./lib/build-artifacts.js";
import { readDeploymentRecords, type DeploymentRecord } from "./lib/deployment-record.js";
import { buildArtifactsDir, contractsModuleFile, localDeploymentsDir, projectRoot, sharedDeploymentsDir } from "./lib/project-paths.js";
import { renderContractsModule, type ContractDeployment } from "./lib/render-contracts-module.js";

export interface GenerateContractsModuleOptions {
  /** Hardhat's `artifacts/` folder: the single source of ABIs. */
  artifactsDir: string;
  /** Ignition deployments folders (parents of `chain-<id>`). */
  deploymentsDirs: string[];
  outFile: string;
  /** `source.sol:Name` of contracts whose ABI the portal needs even before anything is deployed. */
  alwaysIncluded: string[];
}

export interface GenerateContractsModuleResult {
  chainIds: number[];
  /** Whether the file on disk changed; rewriting it unchanged would needlessly reload the portal's dev server. */
  written: boolean;
  warnings: string[];
}

export const defaultGenerateOptions: GenerateContractsModuleOptions = {
  artifactsDir: buildArtifactsDir,
  deploymentsDirs: [localDeploymentsDir, sharedDeploymentsDir],
  outFile: contractsModuleFile,
  alwaysIncluded: ["contracts/EHRLedger.sol:EHRLedger"],
};

export function generateContractsModule(options: GenerateContractsModuleOptions): GenerateContractsModuleResult {
  const records = options.deploymentsDirs.flatMap(readDeploymentRecords);
  assertOneRecordPerChain(records);

  const abis: Record<string, unknown[]> = {};
  const deployments: Record<number, Record<string, ContractDeployment>> = {};
  const warnings: string[] = [];

  for (const qualifiedName of options.alwaysIncluded) {
    const [sourceName, contractName] = splitQualifiedName(qualifiedName);
    abis[contractName] = readBuildArtifact(options.artifactsDir, sourceName, contractName).abi;
  }
  for (const record of records) {
    const onChain: Record<string, ContractDeployment> = {};
    for (const contract of record.contracts) {
      const artifact = readBuildArtifact(options.artifactsDir, contract.sourceName, contract.contractName);
      abis[contract.contractName] = artifact.abi;
      if (onChain[contract.contractName] !== undefined) {
        throw new Error(`${record.deploymentDir} deploys ${contract.contractName} twice; the module keys contracts by name`);
      }
      onChain[contract.contractName] = {
        address: contract.address,
        deploymentBlock: contract.deploymentBlock,
        deploymentTransaction: contract.deploymentTransaction,
      };
      if (!sameCode(artifact.bytecode, contract.bytecode)) {
        warnings.push(
          `${contract.contractName} on chain ${record.chainId} was deployed from an older build; its ABI may differ from the generated one (redeploy it)`,
        );
      }
    }
    deployments[record.chainId] = onChain;
  }

  const source = renderContractsModule({ abis, deployments });
  const written = !existsSync(options.outFile) || readFileSync(options.outFile, "utf8") !== source;
  if (written) {
    mkdirSync(path.dirname(options.outFile), { recursive: true });
    writeFileSync(options.outFile, source);
  }
  return { chainIds: records.map((record) => record.chainId), written, warnings };
}

/** Regenerates the project's module with the default options and reports the outcome through `log`. */
export function regenerateContractsModule(log: (message: string) => void): GenerateContractsModuleResult {
  const result = generateContractsModule(defaultGenerateOptions);
  for (const warning of result.warnings) log(`warning: ${warning}`);
  const chains = result.chainIds.length === 0 ? "no deployments yet" : `chains ${result.chainIds.join(", ")}`;
  const outcome = result.written ? "Wrote" : "Up to date:";
  log(`${outcome} ${path.relative(projectRoot, defaultGenerateOptions.outFile)} (${chains})`);
  return result;
}

function splitQualifiedName(qualifiedName: string): [sourceName: string, contractName: string] {
  const separator = qualifiedName.lastIndexOf(":");
  if (separator < 0) throw new Error(`"${qualifiedName}" is not a fully qualified name (source.sol:Contract)`);
  return [qualifiedName.slice(0, separator), qualifiedName.slice(separator + 1)];
}

function assertOneRecordPerChain(records: DeploymentRecord[]): void {
  const seen = new Map<number, string>();
  for (const record of records) {
    const other = seen.get(record.chainId);
    if (other !== undefined) {
      throw new Error(`chain ${record.chainId} has two deployment records (${other} and ${record.deploymentDir}); remove one`);
    }
    seen.set(record.chainId, record.deploymentDir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  regenerateContractsModule((message) => console.log(message));
}
