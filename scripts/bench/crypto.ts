/**
 * Crypto benchmark of the record envelope (docs/envelope.md), all measured in one run:
 *  - throughput of streaming encryption and decryption against one-shot WebCrypto AES-256-GCM on
 *    the same random buffer, in Node (target: streaming ≥ 0.8 × one-shot);
 *  - peak extra memory while a generated file streams through encrypt → decrypt in Node
 *    (target: ≤ 64 MB of extra RSS);
 *  - the encryption race again in headless Chromium (the system `chromium`, via playwright-core).
 *
 *   npm run bench:crypto                    Markdown table on stdout, progress on stderr
 *   npm run bench:crypto -- --json          JSON array of { metric, value, unit, target } on stdout
 *   --size-mb N          throughput buffer in MiB (default 256)
 *   --stream-gb N        file streamed for the memory measurement, in GiB (default 1; fractions allowed)
 *   --browser-size-mb N  throughput buffer in Chromium, in MiB (default 64)
 *   --runs N             timed runs per contender; the best run counts (default 5)
 *   --no-browser         skip Chromium
 *
 * Exits 1 when Chromium is needed but not installed, 2 on bad arguments; a missed target is
 * reported on stderr and in the table, not in the exit code.
 */
import { pathToFileURL } from "node:url";
import path from "node:path";

import { CHROMIUM_INSTALL_HINT, findChromium } from "./crypto/chromium.js";
import { collectGarbage } from "./gc.js";
import { measureStreamingMemory } from "./crypto/memory.js";
import { cryptoMetrics, type CryptoBenchResults } from "./crypto/report.js";
import { meetsTarget, renderJson, renderMarkdown } from "./metrics.js";
import { measureDecryption, measureEncryption } from "./crypto/throughput.js";

export interface CryptoBenchOptions {
  json: boolean;
  sizeBytes: number;
  streamBytes: number;
  browserSizeBytes: number;
  runs: number;
  browser: boolean;
}

const MiB = 2 ** 20;
const NUMERIC_FLAGS = {
  "--size-mb": { key: "sizeBytes", unit: MiB },
  "--stream-gb": { key: "streamBytes", unit: 1024 * MiB },
  "--browser-size-mb": { key: "browserSizeBytes", unit: MiB },
  "--runs": { key: "runs", unit: 1 },
} as const;

export class UsageError extends Error {
  readonly code = "BENCH_USAGE";
}

export function parseCryptoBenchArgs(args: readonly string[]): CryptoBenchOptions {
  const options: CryptoBenchOptions = { json: false, sizeBytes: 256 * MiB, streamBytes: 1024 * MiB, browserSizeBytes: 64 * MiB, runs: 5, browser: true };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    if (flag === "--json") options.json = true;
    else if (flag === "--no-browser") options.browser = false;
    else if (flag in NUMERIC_FLAGS) {
      const { key, unit } = NUMERIC_FLAGS[flag as keyof typeof NUMERIC_FLAGS];
      const value = Math.round(Number(args[++i]) * unit);
      if (!Number.isSafeInteger(value) || value <= 0) throw new UsageError(`${flag} needs a positive number, got ${args[i] ?? "nothing"}`);
      options[key] = value;
    } else {
      throw new UsageError(`unknown option ${flag}; see the header of scripts/bench/crypto.ts`);
    }
  }
  return options;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);
const mebibytes = (bytes: number) => `${+(bytes / MiB).toFixed(1)} MiB`;

export async function runCryptoBench(options: CryptoBenchOptions, executablePath?: string): Promise<CryptoBenchResults> {
  // Memory first: once the throughput buffers have come and gone, the allocator keeps pages the
  // stream could reuse without growing RSS, which would flatter the measurement.
  progress(`Node: streaming ${mebibytes(options.streamBytes)} through encrypt → decrypt, sampling memory`);
  const memory = await measureStreamingMemory({ streamBytes: options.streamBytes, onProgress: progress });
  const race = { sizeBytes: options.sizeBytes, runs: options.runs, onProgress: progress };
  progress(`Node: racing streaming against one-shot over ${mebibytes(options.sizeBytes)}`);
  // Each race starts from a clean heap, so it does not pay for collecting the previous one's garbage.
  collectGarbage();
  const encrypt = await measureEncryption(race);
  collectGarbage();
  const decrypt = await measureDecryption(race);
  const results: CryptoBenchResults = { node: { sizeBytes: options.sizeBytes, runs: options.runs, encrypt, decrypt }, memory };
  if (executablePath !== undefined) {
    progress(`Chromium (${executablePath}): racing encryption over ${mebibytes(options.browserSizeBytes)}`);
    const browserRace = { sizeBytes: options.browserSizeBytes, runs: options.runs, onProgress: progress };
    // Loaded only now: playwright-core tracks async context, which taxes every promise in the
    // process and would slow the Node measurements above by a fifth or more.
    const { measureEncryptionInChromium } = await import("./crypto/browser.js");
    results.browser = { sizeBytes: options.browserSizeBytes, runs: options.runs, encrypt: await measureEncryptionInChromium(executablePath, browserRace) };
  }
  return results;
}

async function main(args: readonly string[]): Promise<number> {
  let options: CryptoBenchOptions;
  try {
    options = parseCryptoBenchArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    progress(`bench:crypto: ${error.message}`);
    return 2;
  }
  let executablePath: string | undefined;
  if (options.browser) {
    executablePath = findChromium();
    if (executablePath === undefined) {
      progress(`bench:crypto: Chromium is not installed; ${CHROMIUM_INSTALL_HINT}`);
      return 1;
    }
  }
  const metrics = cryptoMetrics(await runCryptoBench(options, executablePath));
  process.stdout.write(options.json ? renderJson(metrics) : renderMarkdown(metrics));
  const missed = metrics.filter((metric) => meetsTarget(metric) === false);
  if (missed.length > 0) progress(`${missed.length} metric(s) miss their target: ${missed.map((metric) => metric.metric).join("; ")}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
