/** The crypto benchmark's results as rows, rendered as a Markdown table or as JSON. */
import type { BrowserThroughput } from "./browser.js";
import type { MemoryResult } from "./memory.js";
import type { ThroughputResult } from "./throughput.js";

export type Target = { atLeast: number } | { atMost: number };

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  target?: Target;
}

/** One JSON row: `target` is the condition as text ("≥ 0.8"), or null for context rows. */
export interface MetricJson {
  metric: string;
  value: number;
  unit: string;
  target: string | null;
}

export const STREAMING_RATIO_TARGET: Target = { atLeast: 0.8 };
export const PEAK_EXTRA_MEMORY_TARGET: Target = { atMost: 64 };

export interface CryptoBenchResults {
  node: { sizeBytes: number; runs: number; encrypt: ThroughputResult; decrypt: ThroughputResult };
  memory: MemoryResult;
  browser?: { sizeBytes: number; runs: number; encrypt: BrowserThroughput };
}

const MB = 1e6;

function sizeText(bytes: number): string {
  const mib = bytes / 2 ** 20;
  return mib >= 1024 ? `${+(mib / 1024).toFixed(2)} GiB` : `${+mib.toFixed(2)} MiB`;
}

function rounded(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

function raceRows(where: string, operation: string, sizeBytes: number, runs: number, result: ThroughputResult): Metric[] {
  const setup = `${sizeText(sizeBytes)}, best of ${runs}`;
  return [
    { metric: `${where} ${operation}: one-shot WebCrypto AES-256-GCM (${setup})`, value: rounded(result.oneShotMBps, 1), unit: "MB/s" },
    { metric: `${where} ${operation}: streaming envelope, 1 MiB input pieces (${setup})`, value: rounded(result.streamingMBps, 1), unit: "MB/s" },
    { metric: `${where} ${operation}: streaming ÷ one-shot`, value: rounded(result.ratio, 3), unit: "ratio", target: STREAMING_RATIO_TARGET },
  ];
}

export function cryptoMetrics(results: CryptoBenchResults): Metric[] {
  const { node, memory, browser } = results;
  const streamed = `${sizeText(memory.streamedBytes)} through encrypt → decrypt`;
  const rows = [
    ...raceRows("Node", "encrypt", node.sizeBytes, node.runs, node.encrypt),
    ...raceRows("Node", "decrypt", node.sizeBytes, node.runs, node.decrypt),
    { metric: `Node peak extra RSS, streaming ${streamed}`, value: rounded(memory.peakExtraRssBytes / MB, 1), unit: "MB", target: PEAK_EXTRA_MEMORY_TARGET },
    { metric: `Node peak extra ArrayBuffer memory, streaming ${streamed}`, value: rounded(memory.peakExtraArrayBuffersBytes / MB, 1), unit: "MB" },
    { metric: `Node throughput, streaming ${streamed}`, value: rounded(memory.streamedBytes / MB / memory.seconds, 1), unit: "MB/s" },
  ];
  if (browser !== undefined) {
    rows.push(...raceRows(`Chromium ${browser.encrypt.browserVersion}`, "encrypt", browser.sizeBytes, browser.runs, browser.encrypt));
  }
  return rows;
}

export function targetText(target: Target | undefined): string | null {
  if (target === undefined) return null;
  return "atLeast" in target ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
}

/** Whether the row meets its target; undefined for rows without one. */
export function meetsTarget({ value, target }: Metric): boolean | undefined {
  if (target === undefined) return undefined;
  return "atLeast" in target ? value >= target.atLeast : value <= target.atMost;
}

export function renderMarkdown(metrics: readonly Metric[]): string {
  const lines = ["| metric | value | unit | target | met |", "|---|---:|---|---|---|"];
  for (const metric of metrics) {
    const met = meetsTarget(metric);
    const value = metric.value.toLocaleString("en-US", { maximumFractionDigits: 3 });
    lines.push(`| ${metric.metric} | ${value} | ${metric.unit} | ${targetText(metric.target) ?? ""} | ${met === undefined ? "" : met ? "✅" : "❌"} |`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderJson(metrics: readonly Metric[]): string {
  const rows: MetricJson[] = metrics.map(({ metric, value, unit, target }) => ({ metric, value, unit, target: targetText(target) }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
