import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface BuildArtifact {
  abi: unknown[];
  bytecode: string;
}

/** Hardhat's artifact for `sourceName:contractName`, the single source of ABIs. */
export function readBuildArtifact(artifactsDir: string, sourceName: string, contractName: string): BuildArtifact {
  const file = path.join(artifactsDir, sourceName, `${contractName}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx hardhat build\` first`);
  return JSON.parse(readFileSync(file, "utf8")) as BuildArtifact;
}

/**
 * Whether two creation bytecodes come from the same code. solc appends a CBOR metadata blob (its
 * length in the last two bytes) that changes with mere comments, so it is left out.
 */
export function sameCode(bytecode: string, otherBytecode: string): boolean {
  return withoutMetadata(bytecode) === withoutMetadata(otherBytecode);
}

function withoutMetadata(bytecode: string): string {
  const metadataLength = Number.parseInt(bytecode.slice(-4), 16);
  if (Number.isNaN(metadataLength) || metadataLength * 2 + 4 > bytecode.length) return bytecode;
  return bytecode.slice(0, -(metadataLength * 2 + 4));
}
