import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { writeOutput } from "../../../scripts/audit/output.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-output-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("writeOutput", () => {
  it("writeOutput_manyParts_writesThemInOrderUnderTheNameAndNothingElse", async () => {
    const out = path.join(dir, "bundle.fhir.json");
    const parts = Array.from({ length: 5_000 }, (_, i) => `${"x".repeat(100)}${i}\n`);
    await writeOutput(parts, out);
    expect(readFileSync(out, "utf8")).toBe(parts.join(""));
    expect(readdirSync(dir)).toEqual(["bundle.fhir.json"]);
  });

  it("writeOutput_folderMissing_failsAndLeavesNoFile", async () => {
    const out = path.join(dir, "no-such-folder", "audit.csv");
    await expect(writeOutput(["a,b\n"], out)).rejects.toMatchObject({ code: "ENOENT" });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
