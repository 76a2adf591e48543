/**
 * The embedded IPFS node in a child process, so that the benchmark's memory figures are the
 * client's alone, as in the portal, where the node runs elsewhere.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

import { projectRoot } from "../../lib/project-paths.js";

export interface IpfsProcess {
  apiUrl: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

export async function startIpfsProcess(options: { dataDir: string; host: string; apiPort: number; gatewayPort: number }): Promise<IpfsProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "scripts/ipfs-node/main.ts"), "--data-dir", options.dataDir, "--host", options.host, "--api-port", String(options.apiPort), "--gateway-port", String(options.gatewayPort)],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => (output += chunk.toString("utf8"));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the IPFS node did not start within ${READY_TIMEOUT_MS / 1000} s:\n${output}`)), READY_TIMEOUT_MS);
    child.stdout.on("data", () => {
      if (output.includes("Press Ctrl-C")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the IPFS node exited with code ${code} before it was ready:\n${output}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    apiUrl: `http://${options.host}:${options.apiPort}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGINT");
      await exited;
    },
  };
}
