/**
 * Peak extra memory while a large file streams through encrypt → decrypt → a counting sink. Node
 * only: it reads process.memoryUsage(). The file is generated on the fly from one random MiB, so
 * the only memory that grows with the stream is whatever the envelope streams hold.
 */
import { decryptEnvelope, encryptEnvelope } from "../../../web/src/core/envelope/index.js";
import { collectGarbage } from "../gc.js";
import { BENCH_CONTEXT, randomBuffer } from "./throughput.js";

export interface MemoryOptions {
  streamBytes: number;
  sampleIntervalMs?: number;
  onProgress?: (message: string) => void;
}

export interface MemoryResult {
  streamedBytes: number;
  seconds: number;
  peakExtraRssBytes: number;
  peakExtraArrayBuffersBytes: number;
}

const PIECE_BYTES = 1 << 20;
const PROGRESS_EVERY_BYTES = 128 * PIECE_BYTES;

class PeakSampler {
  readonly #baseline = process.memoryUsage();
  #peakRss = this.#baseline.rss;
  #peakArrayBuffers = this.#baseline.arrayBuffers;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(intervalMs: number) {
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const usage = process.memoryUsage();
    this.#peakRss = Math.max(this.#peakRss, usage.rss);
    this.#peakArrayBuffers = Math.max(this.#peakArrayBuffers, usage.arrayBuffers);
  }

  stop(): { peakExtraRssBytes: number; peakExtraArrayBuffersBytes: number } {
    clearInterval(this.#timer);
    this.sample();
    return {
      peakExtraRssBytes: this.#peakRss - this.#baseline.rss,
      peakExtraArrayBuffersBytes: this.#peakArrayBuffers - this.#baseline.arrayBuffers,
    };
  }
}

/** `totalBytes` of plaintext, every piece a view of the same random MiB. */
function repeatedSource(randomMiB: Uint8Array, totalBytes: number): ReadableStream<Uint8Array> {
  let produced = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (produced === totalBytes) return controller.close();
        const length = Math.min(randomMiB.length, totalBytes - produced);
        controller.enqueue(length === randomMiB.length ? randomMiB : randomMiB.subarray(0, length));
        produced += length;
      },
    },
    { highWaterMark: 0 },
  );
}

export async function measureStreamingMemory({ streamBytes, sampleIntervalMs = 20, onProgress }: MemoryOptions): Promise<MemoryResult> {
  const dataKey = randomBuffer(32);
  const randomMiB = randomBuffer(PIECE_BYTES);
  const expected = Buffer.from(randomMiB.buffer, randomMiB.byteOffset, randomMiB.length);
  let streamedBytes = 0;
  const sink = new WritableStream<Uint8Array>({
    write(piece) {
      // Chunks line up with the source's pieces, so each must be a prefix of the random MiB.
      if (!expected.subarray(0, piece.length).equals(piece)) throw new Error(`decrypted bytes differ from the source at offset ${streamedBytes}`);
      streamedBytes += piece.length;
      if (streamedBytes % PROGRESS_EVERY_BYTES === 0) onProgress?.(`memory: ${streamedBytes / PIECE_BYTES} MiB streamed`);
    },
  });

  // Garbage from earlier work must not be freed during the run and count as memory saved.
  collectGarbage();
  const sampler = new PeakSampler(sampleIntervalMs);
  const start = performance.now();
  await repeatedSource(randomMiB, streamBytes)
    .pipeThrough(encryptEnvelope(dataKey, BENCH_CONTEXT, 0))
    .pipeThrough(decryptEnvelope(dataKey, BENCH_CONTEXT, 0))
    .pipeTo(sink);
  const seconds = (performance.now() - start) / 1e3;
  const peaks = sampler.stop();
  if (streamedBytes !== streamBytes) throw new Error(`streamed ${streamedBytes} of ${streamBytes} bytes`);
  return { streamedBytes, seconds, ...peaks };
}
