import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Anvil's default; spelled out because the printed admin address and the docs rely on it. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

export interface AnvilOptions {
  host: string;
  port: number;
  chainId: number;
  /** Where anvil keeps its state across restarts; without one the chain lives in memory only. */
  stateFile?: string;
  stateIntervalSeconds?: number;
  logFile: string;
  /** Lets the next start name the culprit if this anvil outlives us (`kill -9` of node). */
  pidFile: string;
  /** More anvil flags (e.g. --no-mining, --auto-impersonate for a benchmark's generator). */
  extraArgs?: readonly string[];
}

export interface RunningAnvil {
  rpcUrl: string;
  /** Resolves when anvil exits, whoever stopped it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Asks anvil to save its state and exit; resolves once it has. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export async function startAnvil(options: AnvilOptions): Promise<RunningAnvil> {
  const state = options.stateFile === undefined ? [] : ["--state", options.stateFile, "--state-interval", String(options.stateIntervalSeconds ?? 3600)];
  if (options.stateFile !== undefined) mkdirSync(path.dirname(options.stateFile), { recursive: true });
  const logFd = openSync(options.logFile, "w");
  const child = spawn(
    anvilBinary(),
    [
      "--host", options.host,
      "--port", String(options.port),
      "--chain-id", String(options.chainId),
      "--mnemonic", DEV_MNEMONIC,
      ...state,
      ...(options.extraArgs ?? []),
    ],
    // Its own process group: a terminal Ctrl-C must reach us only, so that anvil gets exactly one
    // SIGINT from stop(); a second one would kill it while it is still writing the state file.
    { detached: true, stdio: ["ignore", logFd, logFd] },
  );
  closeSync(logFd);
  writeFileSync(options.pidFile, `${child.pid}\n`);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      rmSync(options.pidFile, { force: true });
      resolve({ code, signal });
    });
  });
  // If this process dies without stop() (a crash), anvil still saves its state and goes.
  const interruptOnExit = () => signalGroup(child, "SIGINT");
  process.once("exit", interruptOnExit);
  void exited.then(() => process.off("exit", interruptOnExit));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, "SIGINT");
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const rpcUrl = `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${options.port}`;
  try {
    await waitUntilServing(rpcUrl, exited, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, exited, stop };
}

/** The npm wrapper (`npx anvil`) would exit on SIGINT before anvil finishes saving, so run the binary. */
function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const binaryName = process.platform === "win32" ? "anvil.exe" : "anvil";
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const candidates = [
    () => require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/${binaryName}`),
    // Where @foundry-rs/anvil's postinstall puts the binary when the platform package is missing.
    () => path.join(path.dirname(require.resolve("@foundry-rs/anvil/package.json")), binaryName),
  ];
  for (const candidate of candidates) {
    try {
      const binary = candidate();
      if (existsSync(binary)) return binary;
    } catch {
      // not installed this way; try the next
    }
  }
  throw new Error(`no anvil binary for ${process.platform}/${process.arch} in node_modules/@foundry-rs (run npm ci)`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function waitUntilServing(
  rpcUrl: string,
  exited: Promise<{ code: number | null }>,
  logFile: string,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new Error(
        `anvil exited during startup (if the state file is damaged: npm start -- --reset). ` +
          `Last lines of ${logFile}:\n${tail(logFile, 15)}`,
      );
    }
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`anvil did not answer on ${rpcUrl} within ${READY_TIMEOUT_MS / 1000}s; see ${logFile}`);
}

/** The pid of an anvil that a previous start left running, if any. */
export function leftoverAnvilPid(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  // The pid may have been reused since by an unrelated process.
  const command = spawnSync("ps", ["-p", String(pid), "-o", "comm="], { encoding: "utf8" });
  return command.status === 0 && command.stdout.includes("anvil") ? pid : undefined;
}

function tail(file: string, lines: number): string {
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
