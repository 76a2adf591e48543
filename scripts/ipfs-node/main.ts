import path from "node:path";

import { projectRoot } from "../lib/project-paths.js";
import { startIpfsNode, type RunningIpfsNode } from "./node.js";
import { describeIpfsNode } from "./summary.js";
import { ipfsNodeUsage, parseIpfsNodeOptions } from "./options.js";

let node: RunningIpfsNode | undefined;
let stopping = false;

async function main(): Promise<void> {
  const options = parseIpfsNodeOptions(process.argv.slice(2), process.env);
  if (options === undefined) {
    console.log(ipfsNodeUsage);
    return;
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal));
  node = await startIpfsNode(options);
  console.log(`
  EHR Ledger IPFS dev node is running
${describeIpfsNode(node, options, forHumans(options.dataDir))}

  Press Ctrl-C to stop.
`);
}

/** Inside the project, relative to it (".data/ipfs"); elsewhere, as given. */
function forHumans(dataDir: string): string {
  const relative = path.relative(projectRoot, dataDir);
  return relative.startsWith("..") || path.isAbsolute(relative) ? dataDir : relative;
}

/** Signals can arrive twice (the terminal and npm both forward Ctrl-C); only the first counts. */
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[ipfs] ${signal}: stopping`);
  try {
    await node?.close();
  } catch (error) {
    // Exit anyway: with `stopping` set, a second Ctrl-C is ignored, so staying up would hang.
    console.error(`[ipfs] error while stopping: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log("[ipfs] Stopped");
  process.exit(0);
}

try {
  await main();
} catch (error) {
  console.error(`[ipfs] error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
