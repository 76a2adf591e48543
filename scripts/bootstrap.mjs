// Entry point for the npm scripts that must work on a fresh clone, under whatever `node` npm found:
//   node scripts/bootstrap.mjs <script.ts> [args...]
// It re-runs itself under Node >= 22.12 (Hardhat 3's minimum), installs the dependencies when they
// are missing, then runs the TypeScript script. Plain JavaScript and no imports from node_modules
// until the install, because neither the right Node nor the dependencies may exist yet.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function isSupportedNode(version) {
  const [major, minor] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

function rerunUnderSupportedNode() {
  console.error(`[bootstrap] Node ${process.versions.node} is too old for Hardhat 3; looking for Node 22`);
  const node22 = execFileSync("sh", [path.join(projectRoot, "scripts", "ensure-node22.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  console.error(`[bootstrap] Re-running with ${node22}`);
  const child = spawn(node22, process.argv.slice(1), { stdio: "inherit" });
  // A terminal's Ctrl-C reaches the child directly, but a `kill` aimed at this process would not;
  // the child treats repeated signals as one, so forwarding is always safe.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

function installDependenciesIfMissing() {
  // npm writes this file last, so its absence also catches an interrupted install.
  if (existsSync(path.join(projectRoot, "node_modules", ".package-lock.json"))) return;
  console.error("[bootstrap] node_modules is missing: running npm ci");
  // On stderr, like every message of this script: stdout belongs to the script run (e.g. JSON).
  const ci = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: projectRoot, stdio: ["ignore", 2, 2] });
  if (ci.status === 0) return;
  console.error(
    "[bootstrap] npm ci failed. If it reports packages missing from the lock file, run " +
      "`node scripts/lockfile-foreign-platforms.mjs` (see README, Maintaining the lockfile).",
  );
  process.exit(1);
}

async function runTypeScript(scriptPath, args) {
  const absolutePath = path.resolve(projectRoot, scriptPath);
  // The script sees itself as argv[1], as if started with `tsx <script>`.
  process.argv = [process.execPath, absolutePath, ...args];
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(absolutePath).href);
}

const [scriptPath, ...args] = process.argv.slice(2);
if (scriptPath === undefined) {
  console.error("usage: node scripts/bootstrap.mjs <script.ts> [args...]");
  process.exit(2);
}
if (!isSupportedNode(process.versions.node)) {
  rerunUnderSupportedNode();
} else {
  // Child processes (npm, hardhat, tsx) resolve `node` through PATH, which may point at an old one.
  process.env.PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`;
  installDependenciesIfMissing();
  await runTypeScript(scriptPath, args);
}
