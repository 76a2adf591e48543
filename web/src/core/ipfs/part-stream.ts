import { IpfsPartLayoutError } from "./errors.js";

/**
 * The largest part held in memory: 16 MiB of plaintext plus room for the envelope's per-chunk
 * tags and header. Lengths beyond it are refused before anything is allocated, whether they come
 * from the caller or from a manifest.
 */
export const MAX_PART_BYTES = 17 * 1024 * 1024;

export function assertPartLengths(lengths: readonly number[]): void {
  lengths.forEach((length, index) => {
    if (!Number.isSafeInteger(length) || length <= 0 || length > MAX_PART_BYTES) {
      throw new IpfsPartLayoutError(`part ${index} has length ${length}; parts must be 1 to ${MAX_PART_BYTES} bytes`);
    }
  });
}

/**
 * Cuts `source` into parts of exactly `lengths`, holding only the part being filled. The stream
 * must end exactly where the last part does; a short or long stream means the lengths are wrong.
 */
export async function* splitIntoParts(
  source: ReadableStream<Uint8Array>,
  lengths: readonly number[],
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const expectedTotal = lengths.reduce((total, length) => total + length, 0);
  const reader = source.getReader();
  let pending: Uint8Array = new Uint8Array(0);
  let consumed = 0;
  let finished = false;
  try {
    for (const length of lengths) {
      const part = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        if (pending.length === 0) {
          signal?.throwIfAborted();
          const next = await reader.read();
          if (next.done) {
            finished = true;
            throw new IpfsPartLayoutError(
              `the ciphertext ended after ${consumed + filled} bytes, but the part lengths add up to ${expectedTotal}`,
            );
          }
          pending = next.value;
          continue;
        }
        const take = Math.min(pending.length, length - filled);
        part.set(pending.subarray(0, take), filled);
        pending = pending.subarray(take);
        filled += take;
      }
      consumed += length;
      yield part;
    }
    while (pending.length === 0) {
      const next = await reader.read();
      if (next.done) {
        finished = true;
        return;
      }
      pending = next.value;
    }
    throw new IpfsPartLayoutError(`the ciphertext is longer than the ${expectedTotal} bytes its part lengths add up to`);
  } finally {
    // Stopped early (an error, an abort, a consumer that gave up): let the producer stop too.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
