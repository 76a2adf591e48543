import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const coreDir = path.resolve(import.meta.dirname, "../../../../web/src/core");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

// The core runs unchanged in the browser and in Node 22: anything Node-only, or any UI framework,
// belongs in scripts/ or in the portal.
const forbiddenImports = [/from\s+["']node:/, /from\s+["'](fs|path|os|crypto|buffer|stream|http|https|child_process)["']/, /from\s+["']react/, /\bBuffer\./, /\bprocess\./];

describe("web/src/core", () => {
  const files = sourceFiles(coreDir);

  it("has sources", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [path.relative(coreDir, file), file]))("%s uses only browser-and-Node APIs", (_name, file) => {
    const source = readFileSync(file, "utf8");
    for (const pattern of forbiddenImports) expect(source).not.toMatch(pattern);
  });
});
