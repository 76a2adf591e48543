/** Shared inputs and stream plumbing for the envelope tests. */
import type { RecordContext } from "../../../../../web/src/core/ledger-context.js";

export const DATA_KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
export const OTHER_DATA_KEY = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
export const SALT = Uint8Array.from({ length: 32 }, (_, i) => 0xa0 + i);
/** The smallest chunk the format allows, so multi-chunk tests stay fast. */
export const SMALL_CHUNK = 4096;

export const CONTEXT: RecordContext = {
  chainId: 31337,
  contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  patient: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  category: 1,
  epoch: 2,
  recordNonce: Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i),
};

/** Deterministic bytes that differ from chunk to chunk, so a misplaced chunk changes the plaintext. */
export function patternBytes(length: number, seed = 0): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed + (i >> 12)) & 0xff;
  return out;
}

/** `bytes` cut into pieces whose sizes cycle through `sizes`. */
export function cut(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let offset = 0, turn = 0; offset < bytes.length; turn++) {
    const size = sizes[turn % sizes.length] as number;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

export function streamOf(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

export interface StreamOutcome {
  pieces: Uint8Array[];
  /** What the stream errored with; undefined when it closed normally. */
  error: unknown;
}

/** Everything the transform emitted before it closed or errored. */
export async function runTransform(pieces: readonly Uint8Array[], transform: TransformStream<Uint8Array, Uint8Array>): Promise<StreamOutcome> {
  const reader = streamOf(pieces).pipeThrough(transform).getReader();
  const emitted: Uint8Array[] = [];
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) emitted.push(read.value);
  } catch (error) {
    return { pieces: emitted, error };
  }
  return { pieces: emitted, error: undefined };
}
