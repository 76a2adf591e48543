/**
 * Streaming envelope vs one-shot WebCrypto AES-256-GCM over the same buffer. Browser-and-Node code
 * only: the bench runs it in Node and, bundled by esbuild, in headless Chromium.
 */
import { decryptEnvelope, encryptEnvelope } from "../../../web/src/core/envelope/index.js";
import type { RecordContext } from "../../../web/src/core/ledger-context.js";

export interface ThroughputOptions {
  sizeBytes: number;
  /** Each run times both contenders back to back; the best run of each counts. */
  runs: number;
  onProgress?: (message: string) => void;
}

export interface ThroughputResult {
  oneShotMBps: number;
  streamingMBps: number;
  /** streaming ÷ one-shot, from the best run of each. */
  ratio: number;
}

/** Views of the input handed to the stream, as a file reader would deliver them. */
const STREAM_PIECE_BYTES = 1 << 20;
/** getRandomValues refuses more than 64 KiB per call. */
const RANDOM_FILL_LIMIT = 65536;

/** Shared with the memory run, so both measure the same kind of envelope. */
export const BENCH_CONTEXT: RecordContext = {
  chainId: 31337,
  contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  patient: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  category: 2,
  epoch: 1,
  recordNonce: new Uint8Array(16).fill(7),
};

export function randomBuffer(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += RANDOM_FILL_LIMIT) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + RANDOM_FILL_LIMIT)));
  }
  return out;
}

function viewsOf(buffer: Uint8Array, pieceBytes: number): Uint8Array[] {
  const views: Uint8Array[] = [];
  for (let offset = 0; offset < buffer.length; offset += pieceBytes) views.push(buffer.subarray(offset, offset + pieceBytes));
  return views;
}

/** Pipes `pieces` through `transform`, keeping the output only when asked to. */
async function pump(pieces: readonly Uint8Array[], transform: TransformStream<Uint8Array, Uint8Array>, keep: boolean): Promise<Uint8Array[]> {
  let next = 0;
  const source = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++];
        if (piece === undefined) controller.close();
        else controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  const kept: Uint8Array[] = [];
  await source.pipeThrough(transform).pipeTo(
    new WritableStream({
      write(piece) {
        if (keep) kept.push(piece);
      },
    }),
  );
  return kept;
}

async function millis(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function megabytesPerSecond(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1e3);
}

async function race(
  label: string,
  options: ThroughputOptions,
  oneShot: () => Promise<unknown>,
  streaming: () => Promise<unknown>,
): Promise<ThroughputResult> {
  let bestOneShot = Number.POSITIVE_INFINITY;
  let bestStreaming = Number.POSITIVE_INFINITY;
  for (let run = 1; run <= options.runs; run++) {
    bestOneShot = Math.min(bestOneShot, await millis(oneShot));
    bestStreaming = Math.min(bestStreaming, await millis(streaming));
    options.onProgress?.(`${label}: run ${run}/${options.runs} done`);
  }
  const oneShotMBps = megabytesPerSecond(options.sizeBytes, bestOneShot);
  const streamingMBps = megabytesPerSecond(options.sizeBytes, bestStreaming);
  return { oneShotMBps, streamingMBps, ratio: streamingMBps / oneShotMBps };
}

interface Contenders {
  plaintext: Uint8Array<ArrayBuffer>;
  dataKey: Uint8Array;
  aesKey: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
}

async function contenders(sizeBytes: number): Promise<Contenders> {
  const aesKey = await globalThis.crypto.subtle.importKey("raw", randomBuffer(32), "AES-GCM", false, ["encrypt", "decrypt"]);
  return { plaintext: randomBuffer(sizeBytes), dataKey: randomBuffer(32), aesKey, iv: randomBuffer(12) };
}

export async function measureEncryption(options: ThroughputOptions): Promise<ThroughputResult> {
  const { plaintext, dataKey, aesKey, iv } = await contenders(options.sizeBytes);
  const pieces = viewsOf(plaintext, STREAM_PIECE_BYTES);
  return race(
    "encrypt",
    options,
    () => globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv }, aesKey, plaintext),
    () => pump(pieces, encryptEnvelope(dataKey, BENCH_CONTEXT, 0), false),
  );
}

export async function measureDecryption(options: ThroughputOptions): Promise<ThroughputResult> {
  const { plaintext, dataKey, aesKey, iv } = await contenders(options.sizeBytes);
  const ciphertext = await globalThis.crypto.subtle.encrypt({ name: "AES-GCM", iv }, aesKey, plaintext);
  // The envelope as it would arrive from storage: the pieces the encrypting stream produced.
  const envelope = await pump(viewsOf(plaintext, STREAM_PIECE_BYTES), encryptEnvelope(dataKey, BENCH_CONTEXT, 0), true);
  return race(
    "decrypt",
    options,
    () => globalThis.crypto.subtle.decrypt({ name: "AES-GCM", iv }, aesKey, ciphertext),
    () => pump(envelope, decryptEnvelope(dataKey, BENCH_CONTEXT, 0), false),
  );
}
