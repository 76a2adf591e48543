import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export type PortalBuildStaleness = { reason: "never-built" } | { reason: "source-changed"; file: string };

/**
 * Why the portal's production build must be made again, or undefined when it is current: the built
 * index.html is missing, or one of the sources (files, or folders searched all the way down)
 * changed after it was written. Vite writes index.html last, so its time marks the whole build.
 */
export function whyPortalBuildIsStale(builtIndexFile: string, sources: readonly string[]): PortalBuildStaleness | undefined {
  const builtAt = modifiedAt(builtIndexFile);
  if (builtAt === undefined) return { reason: "never-built" };
  for (const source of sources) {
    const newer = firstFileNewerThan(source, builtAt);
    if (newer !== undefined) return { reason: "source-changed", file: newer };
  }
  return undefined;
}

function firstFileNewerThan(source: string, time: number): string | undefined {
  const sourceTime = modifiedAt(source);
  if (sourceTime === undefined) return undefined;
  if (!statSync(source).isDirectory()) return sourceTime > time ? source : undefined;
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const newer = firstFileNewerThan(path.join(source, entry.name), time);
    if (newer !== undefined) return newer;
  }
  return undefined;
}

function modifiedAt(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
