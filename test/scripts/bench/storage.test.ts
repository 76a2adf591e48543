import { describe, expect, it } from "vitest";

import { parseStorageBenchArgs, runStorageBench } from "../../../scripts/bench/storage.js";

describe("parseStorageBenchArgs", () => {
  it("parseStorageBenchArgs without flags measures 100 MiB and 20 small records", () => {
    expect(parseStorageBenchArgs([])).toEqual({ json: false, sizeBytes: 100 * 2 ** 20, smallRuns: 20 });
  });

  it("parseStorageBenchArgs reads --json, --size-mb and --small-runs", () => {
    expect(parseStorageBenchArgs(["--json", "--size-mb", "0.5", "--small-runs", "3"])).toEqual({ json: true, sizeBytes: 2 ** 19, smallRuns: 3 });
  });

  it.each([[["--size-mb", "-1"]], [["--small-runs", "1.5"]], [["--bogus"]]])("parseStorageBenchArgs rejects %j", (args) => {
    expect(() => parseStorageBenchArgs(args)).toThrow(/unknown flag or bad value/);
  });
});

describe("runStorageBench", () => {
  it("runStorageBench on a small record reports every metric, the end-to-end one with its target", async () => {
    const metrics = await runStorageBench({ json: true, sizeBytes: 2 ** 20, smallRuns: 2 });

    expect(metrics.map((metric) => metric.unit)).toEqual(["s", "s", "s", "s", "MB/s", "MB", "MB", "s", "ms", "ms", "ms"]);
    expect(metrics[0]).toMatchObject({ metric: expect.stringContaining("1 MiB record: encrypt + add to IPFS + add on chain"), target: { atMost: 3 } });
    for (const metric of metrics) expect(Number.isFinite(metric.value) && metric.value >= 0).toBe(true);
  });
});
