import { once } from "node:events";
import type { ServerResponse } from "node:http";

import { exporter, type UnixFSEntry } from "ipfs-unixfs-exporter";
import type { CID } from "multiformats/cid";

import type { BlockRepository } from "./repo/blocks.js";

type FileEntry = Extract<UnixFSEntry, { type: "file" | "raw" | "identity" }>;

export class NotAFileError extends Error {
  constructor(cid: CID, type: string) {
    super(`${cid.toString()} is a ${type === "directory" ? "directory" : `${type} node`}, not a file; this dev node serves files only`);
    this.name = "NotAFileError";
  }
}

export interface ByteRange {
  /** Inclusive. */
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * The file under `cid`, resolved far enough to know its size: callers answer "missing" or "not a
 * file" before sending any headers, and only stream once that is settled.
 */
export async function openFile(blocks: BlockRepository, cid: CID, signal?: AbortSignal): Promise<{ size: number; read(range: ByteRange): AsyncIterable<Uint8Array> }> {
  const entry = await exporter(cid, blocks.reader, { signal });
  if (entry.type !== "file" && entry.type !== "raw" && entry.type !== "identity") throw new NotAFileError(cid, entry.type);
  const file: FileEntry = entry;
  return {
    size: Number(file.size),
    read: ({ start, end }) => file.content({ offset: start, length: end - start, signal }),
  };
}

/**
 * Streams `chunks` into the response, waiting whenever the client is slower than the disk. Once
 * headers are out, a failure can only cut the body short: the client sees a truncated response
 * (kubo-rpc-client ignores Kubo's X-Stream-Error trailer anyway).
 */
export async function streamBody(res: ServerResponse, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, signal: AbortSignal): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (!res.write(chunk)) await once(res, "drain", { signal });
    }
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Aborted when the client goes away, so reads stop with it. */
export function abortedWhenClosed(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => controller.abort());
  return controller.signal;
}
