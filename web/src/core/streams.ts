/** Web streams to and from whole buffers, for content that is bounded and needed at once. */
import { concatBytes } from "./bytes.js";

export interface ReadLimit {
  maxBytes: number;
  /** The error to throw once the stream runs past `maxBytes`. */
  tooLong(): Error;
}

/**
 * Every chunk of `stream` in one buffer. With a limit, the stream is cancelled as soon as it runs
 * past `maxBytes`, so a hostile producer cannot make the reader hold more than that.
 */
export async function readAllBytes(stream: ReadableStream<Uint8Array>, limit?: ReadLimit): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    length += next.value.length;
    if (limit !== undefined && length > limit.maxBytes) {
      await reader.cancel();
      throw limit.tooLong();
    }
    pieces.push(next.value);
  }
  return concatBytes(...pieces);
}

/** A stream that yields `bytes` as its only chunk. */
export function streamOfBytes(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
