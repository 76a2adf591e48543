import { toHex } from "../bytes.js";
import { sha256 } from "../crypto/webcrypto.js";
import { IpfsIntegrityError } from "./errors.js";
import { assertPartLengths } from "./part-stream.js";
import type { StoredPart } from "./upload-parts.js";
import type { IpfsStore } from "./store.js";

export interface ReadPartsOptions {
  /** What is being read, for errors: e.g. "record 3 of patient 0xab…cd, file 1". */
  what: string;
  signal?: AbortSignal;
  onProgress?(bytesDone: number, bytesTotal: number): void;
}

/**
 * The ciphertext of `parts`, in order. Each part is fetched whole and checked (length, sha256)
 * before any of its bytes are passed on, so nothing unverified ever reaches decryption; the
 * stream only fetches a part when its reader asks, so one part at a time is in memory.
 */
export function readParts(store: IpfsStore, parts: readonly StoredPart[], options: ReadPartsOptions): ReadableStream<Uint8Array> {
  assertPartLengths(parts.map((part) => part.length));
  const bytesTotal = parts.reduce((total, part) => total + part.length, 0);
  const cancelled = new AbortController();
  const signal = options.signal === undefined ? cancelled.signal : AbortSignal.any([options.signal, cancelled.signal]);
  let index = 0;
  let bytesDone = 0;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const part = parts[index];
        if (part === undefined) {
          controller.close();
          return;
        }
        const bytes = await store.cat(part.cid, { maxBytes: part.length, signal });
        const what = `${options.what}, part ${index} (${part.cid})`;
        if (bytes.length !== part.length) {
          throw new IpfsIntegrityError(what, `${part.length} bytes`, bytes.length > part.length ? "more" : `${bytes.length} bytes`);
        }
        const digest = toHex(await sha256(bytes));
        if (digest !== part.sha256.toLowerCase()) throw new IpfsIntegrityError(what, `sha256 ${part.sha256}`, `sha256 ${digest}`);
        controller.enqueue(bytes);
        index++;
        bytesDone += bytes.length;
        options.onProgress?.(bytesDone, bytesTotal);
        if (index === parts.length) controller.close();
      },
      cancel(reason) {
        cancelled.abort(reason);
      },
    },
    // Pull only on demand: no part is fetched ahead of the reader.
    { highWaterMark: 0 },
  );
}
