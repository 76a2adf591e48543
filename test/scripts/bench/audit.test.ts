import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicClient, http, type PublicClient } from "viem";

import { AUDIT_BENCH_DEFAULTS, parseAuditBenchArgs } from "../../../scripts/bench/audit/options.js";
import { runAuditBench, type AuditBenchRun } from "../../../scripts/bench/audit.js";
import { CHROMIUM_INSTALL_HINT, findChromium } from "../../../scripts/bench/crypto/chromium.js";
import { renderJson, type MetricJson } from "../../../scripts/bench/metrics.js";
import { readAccessLog } from "../../../web/src/core/access-log/entries.js";
import type { AccessLogEntry, ParticipantRegisteredEntry } from "../../../web/src/core/access-log/entry.js";
import { createLedgerConnection, type LedgerConnection } from "../../../web/src/core/chain/connection.js";

const EVENTS = 2_000;
const INCREMENT = 1_000;
const PATIENTS = 20;
const PROVIDERS = 8;
const KIND = { patient: 1, doctor: 2, hospital: 3, insurer: 4, lab: 5, auditor: 6 };
/** The console's preparation: the demo auditor's registration and one profile digest per provider. */
const CONSOLE_EVENTS = 1 + PROVIDERS;
const SCREENSHOTS = ["access-log.png", "access-log-patient.png", "patient.png", "patient-records-and-reads.png", "overview.png"];

function chromium(): string {
  const found = findChromium();
  if (found === undefined) throw new Error(`The bench:audit test measures the console in Chromium, and none is on PATH: ${CHROMIUM_INSTALL_HINT}.`);
  return found;
}

describe("parseAuditBenchArgs", () => {
  it("parseAuditBenchArgs_noFlags_isTheIssuesShape", () => {
    expect(parseAuditBenchArgs([])).toEqual({ json: false, events: 100_000, patients: 1_000, providers: 200, seed: "ehr-ledger", serve: false, browser: true });
    expect(AUDIT_BENCH_DEFAULTS.events).toBe(100_000);
  });

  it("parseAuditBenchArgs_everyFlag_isRead", () => {
    expect(parseAuditBenchArgs(["--json", "--events", "2_000", "--patients", "20", "--providers", "8", "--seed", "s", "--keep", "/tmp/x", "--serve", "--no-browser"])).toEqual({
      json: true,
      events: 2_000,
      patients: 20,
      providers: 8,
      seed: "s",
      keepDir: "/tmp/x",
      serve: true,
      browser: false,
    });
  });

  it.each([[["--events", "0"]], [["--patients", "1.5"]], [["--providers"]], [["--keep", ""]], [["--bogus"]]])("parseAuditBenchArgs_%j_isRefused", (args) => {
    expect(() => parseAuditBenchArgs(args)).toThrow(/unknown flag or bad value/);
  });
});

describe("runAuditBench on a small history, the console in Chromium included", () => {
  const screenshotDir = mkdtempSync(path.join(tmpdir(), "bench-audit-test-"));
  let run: AuditBenchRun;
  let chain: LedgerConnection;
  let onChain: AccessLogEntry[];

  beforeAll(async () => {
    const options = { json: true, events: EVENTS, patients: PATIENTS, providers: PROVIDERS, seed: "bench test", serve: false, browser: true };
    run = await runAuditBench(options, { executablePath: chromium(), screenshotDir });
    const { history } = run;
    const publicClient = createPublicClient({ transport: http(history.rpcUrl, { retryCount: 0 }) }) as PublicClient;
    chain = createLedgerConnection({ publicClient, address: history.ledgerAddress, chainId: history.chainId, deploymentBlock: history.deploymentBlock });
    onChain = await readAccessLog(chain);
  });

  afterAll(async () => {
    await run?.history.stop();
    rmSync(screenshotDir, { recursive: true, force: true });
  });

  it("runAuditBench_jsonRows_haveTheMetricNamesUnitsAndTargets", () => {
    const rows = JSON.parse(renderJson(run.metrics)) as MetricJson[];
    expect(rows.map((row) => [row.unit, row.target])).toEqual([
      ["s", "≤ 15"],
      ["entries", null],
      ["events/s", null],
      ["requests", null],
      ["requests", null],
      ["requests", null],
      ["MB", null],
      ["MB", null],
      ["MB", null],
      ["MB", null],
      ["s", "≤ 1"],
      ["MB", null],
      ["ms", "≤ 200"],
      ["ms", "≤ 200"],
      ["ms", "≤ 200"],
      ["s", "≤ 1"],
      ["requests", null],
      ["s", "≤ 15"],
      ["entries", null],
      ["MB", null],
      ["s", "≤ 1"],
      ["s", null],
      ["s", "≤ 1"],
      ["s", null],
      ["s", null],
      ["s", null],
    ]);
    const names = rows.map((row) => row.metric);
    expect(names[0]).toBe("cold sync of 2,000 events (20 patients, 8 providers)");
    expect(names[10]).toBe("first page: open the log from its cache file and query the newest 50 entries");
    expect(names.slice(12, 15).map((name) => name.split(" (")[0])).toEqual([
      "filtered query: one patient's record reads in a 30-day window",
      "filtered query: one provider's record reads",
      "filtered query: access changes of every patient in a 30-day window",
    ]);
    expect(names[15]).toBe("incremental sync of 1,000 new events");
    expect(names[17]).toBe(`console cold sync in Chromium: from the connect click until the status line shows all ${(EVENTS + INCREMENT + CONSOLE_EVENTS).toLocaleString("en-US")} entries (empty IndexedDB)`);
    expect(names.slice(20, 26).map((name) => name.split(":")[0])).toEqual([
      "console first page from the browser's copy",
      "console first page",
      "console filtered view",
      "console",
      "console",
      "console",
    ]);
    for (const row of rows) expect(Number.isFinite(row.value) && row.value >= 0).toBe(true);
  });

  it("runAuditBench_coldSync_syncsExactlyTheEventsGenerated", () => {
    const synced = run.metrics.find((metric) => metric.metric.startsWith("cold sync: entries synced"));
    expect(synced?.value).toBe(EVENTS);
    expect(run.metrics.find((metric) => metric.metric === "cold sync: eth_getLogs requests")?.value).toBeGreaterThan(0);
  });

  it("runAuditBench_console_showedExactlyTheEntriesOnChainAndLeftTheHistoryAsGenerated", async () => {
    const shown = run.metrics.find((metric) => metric.metric.startsWith("console: entries the status line showed"));
    expect(shown?.value).toBe(EVENTS + INCREMENT + CONSOLE_EVENTS);
    // The preparation was rewound: the chain ends where the history does.
    expect(await chain.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(run.history.headBlock);
    expect(SCREENSHOTS.filter((name) => !existsSync(path.join(screenshotDir, name)))).toEqual([]);
  });

  it("runAuditBench_history_hasExactlyThePromisedParticipants", () => {
    const registered = onChain.filter((entry): entry is ParticipantRegisteredEntry => entry.action === "participant-registered");
    const ofKinds = (...kinds: number[]) => registered.filter((entry) => kinds.includes(entry.kind)).map((entry) => entry.subject.toLowerCase()).sort();
    const { participants } = run.history;
    expect(ofKinds(KIND.patient)).toEqual([...participants.patients].sort());
    expect(ofKinds(KIND.doctor, KIND.hospital, KIND.insurer, KIND.lab)).toEqual(participants.providers.map((provider) => provider.address).sort());
    expect(ofKinds(KIND.auditor)).toEqual([participants.auditor]);
    expect([KIND.hospital, KIND.insurer, KIND.lab, KIND.doctor].map((kind) => ofKinds(kind).length)).toEqual([1, 1, 1, 5]);
    // Doctors and labs of a hospital are registered by it; the rest by the admin.
    for (const entry of registered.filter((candidate) => candidate.affiliation !== undefined)) expect(entry.actor.toLowerCase()).toBe(entry.affiliation?.toLowerCase());
  });

  it("runAuditBench_history_holdsThePlannedEventsByActionOnChain", () => {
    const byAction = new Map<string, number>();
    for (const entry of onChain) byAction.set(entry.action, (byAction.get(entry.action) ?? 0) + 1);
    expect(Object.fromEntries(byAction)).toEqual(Object.fromEntries(run.history.counts));
    expect(onChain).toHaveLength(EVENTS + INCREMENT);
    expect(run.history.events).toBe(EVENTS + INCREMENT);
    for (const action of ["record-read", "record-added", "record-amended", "record-retracted", "access-granted", "access-revoked", "access-requested", "access-request-denied", "scope-key-rotated", "scope-key-wrapped"]) {
      expect(byAction.get(action) ?? 0, action).toBeGreaterThan(0);
    }
  });

  it("runAuditBench_history_everyTransactionSucceeded", async () => {
    const { history } = run;
    let receipts = 0;
    for (let block = history.deploymentBlock; block <= history.headBlock; block++) {
      const inBlock = await chain.publicClient.getBlockReceipts({ blockNumber: block });
      expect(inBlock.filter((receipt) => receipt.status !== "success")).toEqual([]);
      receipts += inBlock.length;
    }
    expect(receipts).toBe(history.transactions);
  });

  it("runAuditBench_incrementalSync_addsExactlyTheNewEvents", () => {
    expect(run.incrementAdded).toBe(INCREMENT);
    expect(run.log.entries).toEqual(onChain);
  });
});
