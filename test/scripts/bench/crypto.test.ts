import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { parseCryptoBenchArgs, UsageError } from "../../../scripts/bench/crypto.js";
import { bundleForBrowser } from "../../../scripts/bench/crypto/browser.js";
import { measureStreamingMemory } from "../../../scripts/bench/crypto/memory.js";
import { cryptoMetrics, type CryptoBenchResults } from "../../../scripts/bench/crypto/report.js";
import { meetsTarget, renderJson, renderMarkdown, type MetricJson } from "../../../scripts/bench/metrics.js";
import { measureDecryption, measureEncryption, type ThroughputResult } from "../../../scripts/bench/crypto/throughput.js";
import { projectRoot } from "../../../scripts/lib/project-paths.js";

const MiB = 2 ** 20;
const TINY = { sizeBytes: 2 * MiB + 5, runs: 1 };

function expectPlausibleRace(result: ThroughputResult): void {
  for (const value of [result.oneShotMBps, result.streamingMBps, result.ratio]) {
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  }
  expect(result.ratio).toBeCloseTo(result.streamingMBps / result.oneShotMBps, 10);
}

function expectMetricRows(rows: MetricJson[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(Object.keys(row).sort()).toEqual(["metric", "target", "unit", "value"]);
    expect(typeof row.metric).toBe("string");
    expect(Number.isFinite(row.value)).toBe(true);
    expect(typeof row.unit).toBe("string");
    expect(row.target === null || /^[≥≤] [\d.]+$/.test(row.target)).toBe(true);
  }
}

const SAMPLE_RESULTS: CryptoBenchResults = {
  node: {
    sizeBytes: 256 * MiB,
    runs: 5,
    encrypt: { oneShotMBps: 1000, streamingMBps: 900, ratio: 0.9 },
    decrypt: { oneShotMBps: 1000, streamingMBps: 700, ratio: 0.7 },
  },
  memory: { streamedBytes: 1024 * MiB, seconds: 2, peakExtraRssBytes: 40e6, peakExtraArrayBuffersBytes: 10e6 },
  browser: { sizeBytes: 64 * MiB, runs: 5, encrypt: { oneShotMBps: 500, streamingMBps: 450, ratio: 0.9, browserVersion: "1.2.3" } },
};

describe("bench:crypto measuring functions", () => {
  it("measureEncryption and measureDecryption race both contenders over a tiny buffer", async () => {
    expectPlausibleRace(await measureEncryption(TINY));
    expectPlausibleRace(await measureDecryption(TINY));
  });

  it("measureStreamingMemory streams and verifies every byte, reporting peaks from the baseline", async () => {
    const result = await measureStreamingMemory({ streamBytes: 3 * MiB + 5, sampleIntervalMs: 1 });
    expect(result.streamedBytes).toBe(3 * MiB + 5);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.peakExtraRssBytes).toBeGreaterThanOrEqual(0);
    expect(result.peakExtraArrayBuffersBytes).toBeGreaterThanOrEqual(0);
  });

  it("bundleForBrowser yields a self-contained script whose measureEncryption works", async () => {
    const bundle = await bundleForBrowser();
    expect(bundle).not.toMatch(/require\(|from\s*["']node:/);
    // The bundle registers itself on globalThis, as it does in the page.
    new Function(bundle)();
    const bench = (globalThis as unknown as { envelopeBench: { measureEncryption: typeof measureEncryption } }).envelopeBench;
    const logged: unknown[] = [];
    const originalLog = console.log;
    console.log = (...args: unknown[]) => logged.push(...args);
    try {
      expectPlausibleRace(await bench.measureEncryption({ sizeBytes: MiB, runs: 1 }));
    } finally {
      console.log = originalLog;
    }
    expect(logged).toEqual(["encrypt: run 1/1 done"]);
  });
});

describe("bench:crypto report", () => {
  it("cryptoMetrics gives targets to the ratios and the peak RSS only", () => {
    const metrics = cryptoMetrics(SAMPLE_RESULTS);
    const targeted = metrics.filter((metric) => metric.target !== undefined).map((metric) => [metric.metric, meetsTarget(metric)]);
    expect(targeted).toEqual([
      ["Node encrypt: streaming ÷ one-shot", true],
      ["Node decrypt: streaming ÷ one-shot", false],
      ["Node peak extra RSS, streaming 1 GiB through encrypt → decrypt", true],
      ["Chromium 1.2.3 encrypt: streaming ÷ one-shot", true],
    ]);
    expect(metrics.find((metric) => metric.unit === "MB")?.value).toBe(40);
  });

  it("renderJson prints { metric, value, unit, target } rows only", () => {
    const rows = JSON.parse(renderJson(cryptoMetrics(SAMPLE_RESULTS))) as MetricJson[];
    expectMetricRows(rows);
    expect(rows.filter((row) => row.target !== null).map((row) => row.target)).toEqual(["≥ 0.8", "≥ 0.8", "≤ 64", "≥ 0.8"]);
  });

  it("renderMarkdown prints one table row per metric with a met column", () => {
    const metrics = cryptoMetrics(SAMPLE_RESULTS);
    const lines = renderMarkdown(metrics).trimEnd().split("\n");
    expect(lines[0]).toBe("| metric | value | unit | target | met |");
    expect(lines).toHaveLength(metrics.length + 2);
    expect(lines.filter((line) => line.endsWith("| ✅ |"))).toHaveLength(3);
    expect(lines.filter((line) => line.endsWith("| ❌ |"))).toHaveLength(1);
  });
});

describe("parseCryptoBenchArgs", () => {
  it("defaults to 256 MiB, 1 GiB streamed, 64 MiB in Chromium, best of 5, Markdown", () => {
    expect(parseCryptoBenchArgs([])).toEqual({ json: false, sizeBytes: 256 * MiB, streamBytes: 1024 * MiB, browserSizeBytes: 64 * MiB, runs: 5, browser: true });
  });

  it("reads every flag, fractional sizes included", () => {
    expect(parseCryptoBenchArgs(["--json", "--no-browser", "--size-mb", "2", "--stream-gb", "0.5", "--browser-size-mb", "3", "--runs", "1"])).toEqual({
      json: true,
      sizeBytes: 2 * MiB,
      streamBytes: 512 * MiB,
      browserSizeBytes: 3 * MiB,
      runs: 1,
      browser: false,
    });
  });

  it("throws a UsageError for an unknown flag or a missing or non-positive number", () => {
    for (const args of [["--fast"], ["--size-mb"], ["--runs", "0"], ["--stream-gb", "x"]]) {
      expect(() => parseCryptoBenchArgs(args), args.join(" ")).toThrow(UsageError);
    }
  });
});

const runBench = promisify(execFile);

describe("npm run bench:crypto", () => {
  it("--json prints only the JSON array on stdout and progress on stderr", async () => {
    const { stdout, stderr } = await runBench(
      process.execPath,
      ["scripts/bootstrap.mjs", "scripts/bench/crypto.ts", "--json", "--no-browser", "--size-mb", "1", "--stream-gb", "0.002", "--runs", "1"],
      { cwd: projectRoot },
    );
    const rows = JSON.parse(stdout) as MetricJson[];
    expectMetricRows(rows);
    expect(rows.map((row) => row.metric).filter((metric) => metric.startsWith("Chromium"))).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(stderr).toContain("sampling memory");
  });

  it("exits 1 before measuring anything, saying how to install Chromium, when none is on PATH", async () => {
    // A PATH with a shell and nothing else, so `command -v chromium` finds nothing.
    const bin = mkdtempSync(path.join(tmpdir(), "bench-no-chromium-"));
    try {
      symlinkSync("/bin/sh", path.join(bin, "sh"));
      const failure = await runBench(process.execPath, ["scripts/bootstrap.mjs", "scripts/bench/crypto.ts", "--runs", "1"], {
        cwd: projectRoot,
        env: { ...process.env, PATH: bin },
      }).then(
        () => undefined,
        (error: unknown) => error as { code: number; stdout: string; stderr: string },
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toBe("");
      expect(failure?.stderr).toContain("Chromium is not installed; install it with `apt-get update && apt-get install -y chromium`");
      expect(failure?.stderr).not.toContain("sampling memory");
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
