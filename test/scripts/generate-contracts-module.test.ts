import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import {
  generateContractsModule,
  type GenerateContractsModuleOptions,
} from "../../scripts/generate-contracts-module.js";

const ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const TX_HASH = `0x${"ab".repeat(32)}`;
const FUTURE_ID = "EHRLedger#EHRLedger";
const CODE = "0x6080604052348015600f57600080fd5b50";
/** Stands in for the CBOR metadata (`{ ipfs: … }`) that solc appends to the code. */
const METADATA = "a1646970667358000000";

const abi = [
  {
    type: "constructor",
    stateMutability: "nonpayable",
    inputs: [
      { internalType: "address", name: "initialAdmin", type: "address" },
      { internalType: "uint48", name: "adminTransferDelay", type: "uint48" },
    ],
  },
  {
    type: "function",
    name: "kindOf",
    stateMutability: "view",
    inputs: [{ internalType: "address", name: "account", type: "address" }],
    outputs: [{ internalType: "enum IParticipantRegistry.Kind", name: "", type: "uint8" }],
  },
  {
    type: "event",
    name: "ParticipantRegistered",
    anonymous: false,
    inputs: [{ indexed: true, internalType: "address", name: "account", type: "address" }],
  },
];

let root: string;
let options: GenerateContractsModuleOptions;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "contracts-module-"));
  options = {
    artifactsDir: path.join(root, "artifacts"),
    deploymentsDirs: [path.join(root, "deployments")],
    outFile: path.join(root, "web", "contracts.ts"),
    alwaysIncluded: ["contracts/EHRLedger.sol:EHRLedger"],
  };
  writeJson(path.join(options.artifactsDir, "contracts/EHRLedger.sol/EHRLedger.json"), {
    contractName: "EHRLedger",
    sourceName: "contracts/EHRLedger.sol",
    abi,
    bytecode: withMetadata(CODE, "11"),
  });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("generateContractsModule", () => {
  it("emits the build artifact's ABI and the recorded address and block, as const", async () => {
    recordDeployment(1337, { blockNumber: 7, bytecode: withMetadata(CODE, "22") });

    const result = generateContractsModule(options);

    expect(result).toEqual({ chainIds: [1337], written: true, warnings: [] });
    const source = readFileSync(options.outFile, "utf8");
    expect(source).toMatch(/^export const abis = \{[\s\S]*^\} as const;$/m);
    expect(source).toMatch(/^export const deployments = \{[\s\S]*^\} as const satisfies /m);
    const generated = await importModule(options.outFile);
    expect(generated.abis).toEqual({ EHRLedger: abi });
    expect(generated.deployments).toEqual({
      1337: { EHRLedger: { address: ADDRESS, deploymentBlock: 7, deploymentTransaction: TX_HASH } },
    });
    expect(generated.deploymentsOn(1337)?.EHRLedger?.address).toBe(ADDRESS);
    expect(generated.deploymentsOn(1)).toBeUndefined();
  });

  it("keeps the ABI when nothing is deployed yet, so the portal still compiles", async () => {
    const result = generateContractsModule(options);

    expect(result.chainIds).toEqual([]);
    const generated = await importModule(options.outFile);
    expect(generated.abis).toEqual({ EHRLedger: abi });
    expect(generated.deployments).toEqual({});
  });

  it("leaves an up-to-date file alone", () => {
    recordDeployment(1337, { blockNumber: 1, bytecode: withMetadata(CODE, "11") });
    generateContractsModule(options);

    expect(generateContractsModule(options).written).toBe(false);
  });

  it("warns when a deployment was made from different sources than the current build", () => {
    recordDeployment(1337, { blockNumber: 1, bytecode: withMetadata(`${CODE}00`, "11") });

    expect(generateContractsModule(options).warnings).toEqual([
      expect.stringContaining("EHRLedger on chain 1337 was deployed from an older build"),
    ]);
  });

  it("gives the portal literal types for addresses and ABI entries", () => {
    recordDeployment(1337, { blockNumber: 1, bytecode: withMetadata(CODE, "11") });
    generateContractsModule(options);
    const usage = path.join(path.dirname(options.outFile), "usage.ts");
    writeFileSync(
      usage,
      `import { abis, deployments } from "./contracts.js";
const address: "${ADDRESS}" = deployments[1337].EHRLedger.address;
type FunctionName = Extract<(typeof abis.EHRLedger)[number], { type: "function" }>["name"];
const name: FunctionName = "kindOf";
// @ts-expect-error only names from the ABI are accepted
const wrong: FunctionName = "transfer";
export { address, name, wrong };
`,
    );

    expect(typeErrors(usage)).toEqual([]);
  }, 30_000);
});

function recordDeployment(chainId: number, deployment: { blockNumber: number; bytecode: string }): void {
  const dir = path.join(root, "deployments", `chain-${chainId}`);
  writeJson(path.join(dir, "deployed_addresses.json"), { [FUTURE_ID]: ADDRESS });
  writeJson(path.join(dir, "artifacts", `${FUTURE_ID}.json`), {
    contractName: "EHRLedger",
    sourceName: "contracts/EHRLedger.sol",
    abi,
    bytecode: deployment.bytecode,
  });
  const journal = [
    { chainId, type: "DEPLOYMENT_INITIALIZE" },
    { futureId: FUTURE_ID, contractName: "EHRLedger", type: "DEPLOYMENT_EXECUTION_STATE_INITIALIZE" },
    {
      futureId: FUTURE_ID,
      hash: TX_HASH,
      networkInteractionId: 1,
      receipt: { blockNumber: deployment.blockNumber, contractAddress: ADDRESS, logs: [], status: "SUCCESS" },
      type: "TRANSACTION_CONFIRM",
    },
    { futureId: FUTURE_ID, result: { address: ADDRESS, type: "SUCCESS" }, type: "DEPLOYMENT_EXECUTION_STATE_COMPLETE" },
  ];
  writeFileSync(path.join(dir, "journal.jsonl"), journal.map((message) => JSON.stringify(message)).join("\n"));
}

/** Like solc: metadata that differs between builds of the same code, then its length in two bytes. */
function withMetadata(code: string, variant: string): string {
  const metadata = `${METADATA}${variant}`;
  return `${code}${metadata}${(metadata.length / 2).toString(16).padStart(4, "0")}`;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
}

interface GeneratedModule {
  abis: Record<string, unknown>;
  deployments: Record<number, unknown>;
  deploymentsOn(chainId: number): Record<string, { address: string } | undefined> | undefined;
}

async function importModule(file: string): Promise<GeneratedModule> {
  return (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as GeneratedModule;
}

function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}
