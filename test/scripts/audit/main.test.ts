/**
 * `npm run audit` as a security team runs it, on the seeded demo world (anvil, the IPFS node in its
 * own process, the demo cast and their records): a first run syncs into the cache file and prints
 * names, a second run reads nothing new, the filters narrow, CSV and FHIR go to --out, --verify
 * finds every record intact until one manifest is lost, and usage errors exit 2.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startLocalStack, type LocalStack } from "../../../scripts/bench/storage/local-stack.js";
import { seedDemoWorld } from "../../../scripts/demo-world/seed.js";
import { projectRoot } from "../../../scripts/lib/project-paths.js";
import { readAccessLog } from "../../../web/src/core/access-log/entries.js";
import type { AccessLogEntry } from "../../../web/src/core/access-log/entry.js";
import { parseAccessLogCsv } from "../../../web/src/core/access-log/export/access-log-csv.js";
import { auditEventFacts } from "../../../web/src/core/access-log/export/audit-event-bundle.js";
import { manifestCid } from "../../../web/src/core/ipfs/cid.js";
import { createIpfsStore } from "../../../web/src/core/ipfs/store.js";
import { demoPersona } from "../../../web/src/portal/wallet/demo-personas.js";

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let stack: LocalStack;
let dir: string;
let chainArgs: string[];
let entries: AccessLogEntry[];
let patient1: `0x${string}`;

async function audit(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/bootstrap.mjs", "scripts/audit/main.ts", ...chainArgs, ...args], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  stack = await startLocalStack(() => {});
  const admin = await stack.participant(0);
  await seedDemoWorld({
    rpcUrl: stack.rpcUrl,
    chainId: admin.connection.chainId,
    ledgerAddress: admin.connection.address,
    deploymentBlock: Number(admin.connection.deploymentBlock),
    ipfsApiUrl: stack.ipfs.apiUrl,
    log: () => undefined,
  });
  dir = mkdtempSync(path.join(tmpdir(), "audit-cli-"));
  chainArgs = [
    "--rpc-url", stack.rpcUrl,
    "--ledger-address", admin.connection.address,
    "--deployment-block", admin.connection.deploymentBlock.toString(),
    "--ipfs-api-url", stack.ipfs.apiUrl,
    "--cache-file", path.join(dir, "log.json"),
  ];
  entries = await readAccessLog(admin.connection);
  patient1 = (await stack.participant(demoPersona("patient1").accountIndex)).account;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("npm run audit", () => {
  it("audit_firstThenSecondRun_syncsEveryEntryOnceAndNamesProvidersWithTheirFacility", async () => {
    const first = await audit("--limit", "5");
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`[audit] ${entries.length} entries (${entries.length} new) synced to block`);
    expect(first.stderr).toMatch(/\[audit\] syncing \[#{30}\] 100%/);
    const lines = first.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(`5 of ${entries.length} entries, newest first (--limit for more, --format csv for all)`);

    const doctor = (await stack.participant(demoPersona("doctor1").accountIndex)).account;
    const second = await audit("--actor", doctor, "--action", "record-read");
    expect(second.stderr).toContain(`[audit] ${entries.length} entries (0 new) synced to block`);
    const rows = second.stdout.trimEnd().split("\n").slice(1, -2);
    expect(rows).toHaveLength(entries.filter((entry) => entry.action === "record-read" && entry.actor === doctor).length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /\brecord-read\b.*Dr\. Amara Okafor \(St\. Mary's General Hospital\) opened record #\d+/.test(row))).toBe(true);
  });

  it("audit_patientAsCsvAndFhir_writesEveryMatchingEntryThatReadsBack", async () => {
    const expected = entries.filter((entry) => entry.patient === patient1);
    const csvFile = path.join(dir, "patient1.csv");
    const csv = await audit("--patient", patient1, "--format", "csv", "--out", csvFile);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain(`[audit] ${expected.length} matching entries as csv`);
    expect(parseAccessLogCsv(readFileSync(csvFile, "utf8")).map((row) => [row.transaction, row.log_index, row.action])).toEqual(expected.map((entry) => [entry.transactionHash, String(entry.logIndex), entry.action]));

    const fhirFile = path.join(dir, "patient1.fhir.json");
    expect((await audit("--patient", patient1, "--format", "fhir", "--out", fhirFile)).code).toBe(0);
    const bundle = JSON.parse(readFileSync(fhirFile, "utf8")) as { entry: { resource: Parameters<typeof auditEventFacts>[0] }[] };
    expect(bundle.entry.map((item) => auditEventFacts(item.resource).transactionHash)).toEqual(expected.map((entry) => entry.transactionHash));
  });

  it("audit_verify_findsEveryRecordIntactThenTheOneWhoseManifestWasLost", async () => {
    const versions = entries.filter((entry) => entry.action === "record-added" || entry.action === "record-amended");
    const intact = await audit("--verify");
    expect(intact.code).toBe(0);
    expect(intact.stdout).toBe(`${versions.length} record versions checked: ${versions.length} verified, 0 mismatch, 0 missing.\n`);
    expect(intact.stderr).toMatch(/\[audit\] checking \[#{30}\] 100%/);

    const lost = versions.find((entry) => entry.patient === patient1);
    if (lost === undefined || (lost.action !== "record-added" && lost.action !== "record-amended")) throw new Error("the demo world gives patient1 records");
    await createIpfsStore({ apiUrl: stack.ipfs.apiUrl, retries: 0 }).pinRm(manifestCid(lost.contentDigest));
    const broken = await audit("--verify", "manifest", "--patient", patient1);
    expect(broken.code).toBe(3);
    const patientVersions = versions.filter((entry) => entry.patient === patient1).length;
    expect(broken.stdout).toContain(`${patientVersions} record versions checked: ${patientVersions - 1} verified, 0 mismatch, 1 missing.\nMISSING  record #${lost.recordId}`);
  });

  it("audit_badFlag_exitsTwoWithASentence", async () => {
    const outcome = await audit("--record", "3");
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain("--record needs --patient: record numbers count per patient");
  });
});
