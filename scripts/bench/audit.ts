/**
 * Audit-log benchmark: a synthetic history on a throwaway anvil (100,000 events across 1,000
 * patients and 200 providers by default; scripts/bench/audit/), read through the client core
 * exactly as `npm run audit` reads it (HTTP JSON-RPC with batching, LedgerLog, a file cache,
 * confirmations 0):
 *  - a cold sync of the whole history (target ≤ 15 s), which must yield every event generated;
 *  - the first page: the log opened again from the cache file and its newest 50 entries (≤ 1 s);
 *  - filtered queries on the synced log (≤ 200 ms);
 *  - an incremental sync after 1,000 more events (≤ 1 s);
 *  - memory, throughput and request counts as context;
 *  - then the auditor's console in headless Chromium on the same history (audit/console-bench.ts):
 *    cold sync into IndexedDB (≤ 15 s), first page from the browser's copy (≤ 1 s), the log
 *    narrowed to one patient (≤ 1 s), a patient's page, the charts, the page's heap; screenshots in
 *    test-artifacts/bench-audit/.
 *
 *   npm run bench:audit                    Markdown table on stdout, progress on stderr
 *   npm run bench:audit -- --json          JSON array of { metric, value, unit, target } on stdout
 *   --events N / --patients N / --providers N / --seed S    the history's shape (small ones for quick runs)
 *   --keep <dir>    keep the chain and history.json there; a later run with the same shape reopens it
 *   --serve         after measuring, leave anvil running with the history until Ctrl-C
 *   --no-browser    skip the console in Chromium
 *
 * Exits 1 when Chromium or the portal's build (npm run build:portal) is needed but missing, 2 on bad arguments.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { createPublicClient, type PublicClient } from "viem";

import type { AccessLogEntry } from "../../web/src/core/access-log/entry.js";
import { createLedgerConnection, type LedgerConnection } from "../../web/src/core/chain/connection.js";
import { LedgerLog } from "../../web/src/core/log-sync/ledger-log.js";
import type { LogQuery } from "../../web/src/core/log-sync/log-query.js";
import { FileLogCache } from "../audit/file-cache.js";
import { progressLine, progressWriter } from "../audit/progress.js";
import { projectRoot } from "../lib/project-paths.js";
import { consoleMetrics } from "./audit/console-report.js";
import { PortalNotBuiltError, requirePortalBuild, startConsoleStack } from "./audit/console-stack.js";
import { countedHttp, RequestCounter } from "./audit/counting-transport.js";
import { SyntheticHistory } from "./audit/history.js";
import { parseAuditBenchArgs, type AuditBenchOptions } from "./audit/options.js";
import { CHROMIUM_INSTALL_HINT, findChromium } from "./crypto/chromium.js";
import { collectGarbage } from "./gc.js";
import { memorySampler } from "./memory-sampler.js";
import { renderJson, renderMarkdown, type Metric } from "./metrics.js";

const INCREMENT_EVENTS = 1_000;
const FIRST_PAGE_SIZE = 50;
const QUERY_RUNS = 15;
const DAY = 86_400;
const MB = 1e6;
const TARGETS = { coldSyncSeconds: 15, firstPageSeconds: 1, queryMs: 200, incrementalSeconds: 1 } as const;
export const CONSOLE_SCREENSHOT_DIR = path.join(projectRoot, "test-artifacts", "bench-audit");

/** The log does not hold what the chain holds: a measurement of it would mean nothing. */
export class AuditBenchMismatchError extends Error {
  readonly code = "AUDIT_BENCH_MISMATCH";
  constructor(detail: string) {
    super(`The synced log does not match the generated history: ${detail}. The log reader lost or invented events; fix it before trusting any figure.`);
    this.name = "AuditBenchMismatchError";
  }
}

const progress = (message: string) => process.stderr.write(`${message}\n`);
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

export interface AuditBenchRun {
  metrics: Metric[];
  history: SyntheticHistory;
  /** The log as synced, the increment included. */
  log: LedgerLog;
  /** Entries the incremental sync added. */
  incrementAdded: number;
}

/** Where the console runs: the system Chromium, and the folder its screenshots go to. */
export interface ConsoleBenchTarget {
  executablePath: string;
  screenshotDir: string;
}

function breakdown(history: SyntheticHistory): string {
  const rows = [...history.counts].sort(([, a], [, b]) => b - a).map(([action, count]) => `    ${action.padEnd(24)} ${count.toLocaleString("en-US").padStart(9)}`);
  return rows.join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median milliseconds of `query` on `log` over QUERY_RUNS runs, after one to warm up. */
function timeQuery(log: LedgerLog, query: LogQuery): { ms: number; total: number } {
  const { total } = log.query(query);
  const runs: number[] = [];
  for (let run = 0; run < QUERY_RUNS; run++) {
    const start = performance.now();
    log.query(query);
    runs.push(performance.now() - start);
  }
  return { ms: median(runs), total };
}

/** The party with the most entries among `entries` by `key`. */
function busiest(entries: readonly AccessLogEntry[], key: (entry: AccessLogEntry) => string | undefined): string {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const party = key(entry)?.toLowerCase();
    if (party !== undefined) counts.set(party, (counts.get(party) ?? 0) + 1);
  }
  const [first] = [...counts].sort(([, a], [, b]) => b - a);
  if (first === undefined) throw new AuditBenchMismatchError("the log has no party to query");
  return first[0];
}

function connect(history: SyntheticHistory, counter: RequestCounter): LedgerConnection {
  const publicClient = createPublicClient({ transport: countedHttp(history.rpcUrl, counter) }) as PublicClient;
  return createLedgerConnection({ publicClient, address: history.ledgerAddress, chainId: history.chainId, deploymentBlock: history.deploymentBlock });
}

async function timedSync(log: LedgerLog): Promise<{ seconds: number; added: number }> {
  const showSync = progressWriter(process.stderr);
  const start = performance.now();
  const report = await log.sync({ onProgress: (step) => showSync(progressLine(step)) });
  const seconds = (performance.now() - start) / 1000;
  if (process.stderr.isTTY) process.stderr.write("\n");
  return { seconds, added: report.added };
}

/** Seconds to open a second log from the cache file and query its newest page, as the CLI or console does before syncing. */
async function timeFirstPage(history: SyntheticHistory, cacheFile: string): Promise<number> {
  const start = performance.now();
  const reopened = await LedgerLog.open(connect(history, new RequestCounter()), new FileLogCache(cacheFile), { confirmations: 0 });
  const firstPage = reopened.query({ limit: FIRST_PAGE_SIZE });
  const seconds = (performance.now() - start) / 1000;
  if (reopened.size !== history.events || firstPage.entries.length !== Math.min(FIRST_PAGE_SIZE, history.events)) throw new AuditBenchMismatchError(`the cache gave back ${reopened.size} entries and a first page of ${firstPage.entries.length}`);
  return seconds;
}

/**
 * The console's rows: the chain prepared for the portal (console-stack.ts) and rewound after it.
 * `patient` is the one the filtered queries used.
 */
async function runConsoleBench(history: SyntheticHistory, log: LedgerLog, patient: NonNullable<LogQuery["patient"]>, target: ConsoleBenchTarget): Promise<Metric[]> {
  progress("the auditor's console in Chromium: preparing the chain, the IPFS node and the portal");
  const stack = await startConsoleStack(history, progress);
  try {
    const patientEntries = log.query({ patient, limit: 1 }).total;
    // Loaded only now: playwright-core tracks async context, which taxes every promise in the
    // process and would slow the Node measurements above (see crypto.ts).
    const { measureConsole } = await import("./audit/console-bench.js");
    const measured = await measureConsole({ executablePath: target.executablePath, stack, patient: { address: patient, entries: patientEntries }, screenshotDir: target.screenshotDir, log: progress });
    if (measured.shownEntries !== stack.entries) throw new AuditBenchMismatchError(`the console showed ${measured.shownEntries} entries for ${stack.entries} on chain`);
    for (const file of measured.screenshots) progress(`screenshot: ${file}`);
    return consoleMetrics(measured, patientEntries);
  } finally {
    await stack.stop();
  }
}

export async function runAuditBench(options: AuditBenchOptions, browser?: ConsoleBenchTarget): Promise<AuditBenchRun> {
  const { events, patients, providers, seed } = options;
  progress(`generating ${events.toLocaleString("en-US")} events across ${patients} patients and ${providers} providers (seed "${seed}")`);
  const generationStart = performance.now();
  const history = await SyntheticHistory.start({ seed, events, patients, providers, ...(options.keepDir === undefined ? {} : { keepDir: options.keepDir }), log: progress });
  const generationSeconds = (performance.now() - generationStart) / 1000;
  progress(`history: ${history.events.toLocaleString("en-US")} events in ${history.transactions.toLocaleString("en-US")} transactions up to block ${history.headBlock}, ready in ${generationSeconds.toFixed(1)} s (${Math.round(history.events / generationSeconds).toLocaleString("en-US")} events/s, ${Math.round(history.transactions / generationSeconds).toLocaleString("en-US")} tx/s)`);
  progress(`  by action:\n${breakdown(history)}`);

  const cacheDir = mkdtempSync(path.join(tmpdir(), "ehr-bench-audit-cache-"));
  try {
    const cacheFile = path.join(cacheDir, "log.json");
    const counter = new RequestCounter();
    const connection = connect(history, counter);

    progress("cold sync of the whole history");
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const rss = memorySampler();
    const log = await LedgerLog.open(connection, new FileLogCache(cacheFile), { confirmations: 0 });
    const cold = await timedSync(log);
    const rssGrowth = rss.stop();
    const coldRequests = counter.snapshot();
    if (log.size !== history.events || cold.added !== history.events) throw new AuditBenchMismatchError(`${log.size} entries (${cold.added} added) for ${history.events} events generated`);
    collectGarbage();
    const heapWithLog = process.memoryUsage().heapUsed;

    progress("first page: the log opened from its cache file");
    const firstPageSeconds = await timeFirstPage(history, cacheFile);
    const cacheBytes = statSync(cacheFile).size;

    progress("filtered queries");
    const entries = log.entries;
    const lastTime = entries.at(-1)?.timestamp ?? 0;
    const window = { from: lastTime - 30 * DAY, to: lastTime };
    const patient = busiest(entries, (entry) => entry.patient) as LogQuery["patient"];
    const reader = busiest(entries, (entry) => (entry.action === "record-read" && entry.actor !== entry.patient ? entry.actor : undefined)) as LogQuery["actor"];
    const patientReads = timeQuery(log, { patient, actionGroup: "reads", ...window });
    const providerReads = timeQuery(log, { actor: reader, actions: ["record-read"] });
    const accessChanges = timeQuery(log, { actionGroup: "access", ...window });

    progress(`incremental sync after ${INCREMENT_EVENTS.toLocaleString("en-US")} more events`);
    const growth = await history.grow(INCREMENT_EVENTS);
    progress(`  ${growth.events} events in ${growth.transactions} transactions, ${growth.blocks} blocks, generated in ${growth.seconds.toFixed(2)} s`);
    // The first page's copy of the log is garbage by now; collecting it is not the sync's work.
    collectGarbage();
    const beforeIncrement = counter.snapshot();
    const increment = await timedSync(log);
    const incrementRequests = counter.since(beforeIncrement);
    if (increment.added !== INCREMENT_EVENTS || log.size !== history.events) throw new AuditBenchMismatchError(`the incremental sync added ${increment.added} entries for ${INCREMENT_EVENTS} new events (log ${log.size}, chain ${history.events})`);

    const size = `${cold.added.toLocaleString("en-US")} events`;
    const metrics: Metric[] = [
      { metric: `cold sync of ${size} (${patients.toLocaleString("en-US")} patients, ${providers} providers)`, value: round(cold.seconds), unit: "s", target: { atMost: TARGETS.coldSyncSeconds } },
      { metric: "cold sync: entries synced (equal to the events generated)", value: cold.added, unit: "entries" },
      { metric: "cold sync: events per second", value: Math.round(cold.added / cold.seconds), unit: "events/s" },
      { metric: "cold sync: eth_getLogs requests", value: coldRequests.byMethod.get("eth_getLogs") ?? 0, unit: "requests" },
      { metric: "cold sync: JSON-RPC requests", value: coldRequests.rpc, unit: "requests" },
      { metric: "cold sync: HTTP requests (JSON-RPC batches)", value: coldRequests.http, unit: "requests" },
      { metric: "cold sync: peak RSS of the process (the generator's world included)", value: round((rss.baselineBytes + rssGrowth) / MB, 1), unit: "MB" },
      { metric: "cold sync: peak RSS growth during the sync", value: round(rssGrowth / MB, 1), unit: "MB" },
      { metric: "heap after garbage collection with the synced log loaded", value: round(heapWithLog / MB, 1), unit: "MB" },
      { metric: "of which the synced log", value: round((heapWithLog - heapBefore) / MB, 1), unit: "MB" },
      { metric: `first page: open the log from its cache file and query the newest ${FIRST_PAGE_SIZE} entries`, value: round(firstPageSeconds), unit: "s", target: { atMost: TARGETS.firstPageSeconds } },
      { metric: "cache file size", value: round(cacheBytes / MB, 1), unit: "MB" },
      { metric: `filtered query: one patient's record reads in a 30-day window (${patientReads.total} of the patient's entries), median of ${QUERY_RUNS}`, value: round(patientReads.ms, 2), unit: "ms", target: { atMost: TARGETS.queryMs } },
      { metric: `filtered query: one provider's record reads (${providerReads.total}), median of ${QUERY_RUNS}`, value: round(providerReads.ms, 2), unit: "ms", target: { atMost: TARGETS.queryMs } },
      { metric: `filtered query: access changes of every patient in a 30-day window (${accessChanges.total}), median of ${QUERY_RUNS}`, value: round(accessChanges.ms, 2), unit: "ms", target: { atMost: TARGETS.queryMs } },
      { metric: `incremental sync of ${INCREMENT_EVENTS.toLocaleString("en-US")} new events`, value: round(increment.seconds), unit: "s", target: { atMost: TARGETS.incrementalSeconds } },
      { metric: "incremental sync: JSON-RPC requests", value: incrementRequests.rpc, unit: "requests" },
    ];
    if (browser !== undefined) metrics.push(...(await runConsoleBench(history, log, patient as NonNullable<LogQuery["patient"]>, browser)));
    return { metrics, history, log, incrementAdded: increment.added };
  } catch (error) {
    await history.stop();
    throw error;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Leaves the history's anvil running until Ctrl-C, mining new transactions as they come. */
async function serve(history: SyntheticHistory): Promise<void> {
  await history.enableAutomine();
  progress(
    [
      "",
      `serving the history until Ctrl-C:`,
      `  RPC URL           ${history.rpcUrl} (chain ${history.chainId})`,
      `  ledger address    ${history.ledgerAddress}`,
      `  deployment block  ${history.deploymentBlock}`,
      `  npm run audit -- --rpc-url ${history.rpcUrl} --ledger-address ${history.ledgerAddress} --deployment-block ${history.deploymentBlock}`,
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

async function main(args: readonly string[]): Promise<number> {
  let options: AuditBenchOptions;
  try {
    options = parseAuditBenchArgs(args);
  } catch (error) {
    progress(`bench:audit: ${(error as Error).message}`);
    return 2;
  }
  let browser: ConsoleBenchTarget | undefined;
  if (options.browser) {
    const executablePath = findChromium();
    if (executablePath === undefined) {
      progress(`bench:audit: Chromium is not installed; ${CHROMIUM_INSTALL_HINT}`);
      return 1;
    }
    try {
      requirePortalBuild();
    } catch (error) {
      if (!(error instanceof PortalNotBuiltError)) throw error;
      progress(`bench:audit: ${error.message}`);
      return 1;
    }
    browser = { executablePath, screenshotDir: CONSOLE_SCREENSHOT_DIR };
  }
  const { metrics, history } = await runAuditBench(options, browser);
  try {
    process.stdout.write(options.json ? renderJson(metrics) : renderMarkdown(metrics));
    if (options.serve) await serve(history);
  } finally {
    await history.stop();
  }
  return 0;
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? "")).href) {
  process.exitCode = await main(process.argv.slice(2));
}
