import { spawn } from "node:child_process";
import path from "node:path";

import { projectRoot } from "../lib/project-paths.js";
import { whyPortalBuildIsStale } from "./portal-build-staleness.js";

export const portalDistDir = path.join(projectRoot, "web", "dist");
/** What `npm run build:portal` reads: the portal's sources, its page and the Vite config. */
const portalSources = ["src", "index.html", "vite.config.ts"].map((name) => path.join(projectRoot, "web", name));

export class PortalBuildFailedError extends Error {
  constructor(outcome: string) {
    super(`npm run build:portal ${outcome}; its output above says why. Fix it and run npm start again`);
    this.name = "PortalBuildFailedError";
  }
}

/** Builds the portal when its build is missing or older than its sources; the build's own output goes to the terminal. */
export async function ensurePortalBuild(log: (message: string) => void): Promise<void> {
  const staleness = whyPortalBuildIsStale(path.join(portalDistDir, "index.html"), portalSources);
  if (staleness === undefined) {
    log(`The portal build in ${path.relative(projectRoot, portalDistDir)}/ is current`);
    return;
  }
  const why = staleness.reason === "never-built" ? "not built yet" : `${path.relative(projectRoot, staleness.file)} changed since the last build`;
  log(`Building the portal (${why}): npm run build:portal`);
  const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:portal"], { cwd: projectRoot, stdio: "inherit" });
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
  });
  if (code !== 0) throw new PortalBuildFailedError(signal === null ? `failed (exit code ${code})` : `was stopped (${signal})`);
}
