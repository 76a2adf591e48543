import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { FileLogCache } from "../../../scripts/audit/file-cache.js";

describe("FileLogCache", () => {
  it("load_noFileYet_isUndefined", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-cache-"));
    expect(await new FileLogCache(path.join(dir, "log.json")).load()).toBeUndefined();
  });

  it("save_inAFolderNotYetThere_createsItAndLeavesNoTemporaryFile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "audit-cache-"));
    const cache = new FileLogCache(path.join(dir, "nested", "log.json"));
    await cache.save('{"a":1}');
    await cache.save('{"a":2}');
    expect(await cache.load()).toBe('{"a":2}');
    expect(readdirSync(path.join(dir, "nested"))).toEqual(["log.json"]);
  });
});
