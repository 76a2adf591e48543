import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { whyPortalBuildIsStale } from "../../../scripts/local-chain/portal-build-staleness.js";

let web: string;
let builtIndex: string;
let sources: string[];

/** Sets a file's modification time to `secondsAgo` before now. */
function touch(file: string, secondsAgo: number): void {
  const time = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, time, time);
}

beforeEach(() => {
  web = mkdtempSync(path.join(tmpdir(), "portal-staleness-"));
  mkdirSync(path.join(web, "src", "portal", "roles"), { recursive: true });
  mkdirSync(path.join(web, "dist"));
  for (const file of ["src/portal/main.tsx", "src/portal/roles/Area.tsx", "index.html"]) {
    writeFileSync(path.join(web, file), "x");
    touch(path.join(web, file), 120);
  }
  builtIndex = path.join(web, "dist", "index.html");
  writeFileSync(builtIndex, "<!doctype html>");
  touch(builtIndex, 60);
  sources = [path.join(web, "src"), path.join(web, "index.html"), path.join(web, "vite.config.ts")];
});

afterEach(() => rmSync(web, { recursive: true, force: true }));

describe("whyPortalBuildIsStale", () => {
  it("finds a build newer than every source current", () => {
    expect(whyPortalBuildIsStale(builtIndex, sources)).toBeUndefined();
  });

  it("reports a missing build", () => {
    rmSync(builtIndex);
    expect(whyPortalBuildIsStale(builtIndex, sources)).toEqual({ reason: "never-built" });
  });

  it("names a source deep in a folder that changed after the build", () => {
    const changed = path.join(web, "src", "portal", "roles", "Area.tsx");
    touch(changed, 10);
    expect(whyPortalBuildIsStale(builtIndex, sources)).toEqual({ reason: "source-changed", file: changed });
  });

  it("names a single-file source that changed after the build", () => {
    touch(path.join(web, "index.html"), 0);
    expect(whyPortalBuildIsStale(builtIndex, sources)).toEqual({ reason: "source-changed", file: path.join(web, "index.html") });
  });

  it("sees a file added after the build", () => {
    const added = path.join(web, "src", "portal", "New.tsx");
    writeFileSync(added, "x");
    expect(whyPortalBuildIsStale(builtIndex, sources)).toEqual({ reason: "source-changed", file: added });
  });

  it("skips a source that does not exist", () => {
    expect(whyPortalBuildIsStale(builtIndex, [...sources, path.join(web, "missing")])).toBeUndefined();
  });
});
