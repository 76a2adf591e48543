/** The crypto benchmark's results as metric rows. */
import type { BrowserThroughput } from "./browser.js";
import type { MemoryResult } from "./memory.js";
import type { ThroughputResult } from "./throughput.js";
import type { Metric, Target } from "../metrics.js";

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
