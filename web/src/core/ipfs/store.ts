import { create, type KuboRPCClient } from "kubo-rpc-client";

import { withAttempts, type AttemptPolicy } from "./attempts.js";

export interface IpfsStoreConfig {
  /** Kubo RPC base URL, e.g. http://127.0.0.1:5001 (a hospital's Kubo, a pinning service's RPC endpoint). */
  apiUrl: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string;
  /** Per request, including its body. Default 60 s. */
  timeoutMs?: number;
  /** Further attempts after transient failures. Default 2. */
  retries?: number;
  /** First back-off between attempts, doubling after. Default 500 ms. */
  retryDelayMs?: number;
}

export interface IpfsCallOptions {
  signal?: AbortSignal;
}

/**
 * The few IPFS operations the client needs, each with timeout, retries and typed errors. Every add
 * uses the same import settings (CIDv1, raw leaves, 1 MiB chunks) and pins what it adds.
 */
export interface IpfsStore {
  readonly apiUrl: string;
  /** Adds and pins `bytes`; resolves to the root CID. `onProgress` gets bytes of this add imported so far. */
  add(bytes: Uint8Array, options?: IpfsCallOptions & { onProgress?: (bytes: number) => void }): Promise<string>;
  /**
   * The bytes of the file `cid`, reading at most `maxBytes + 1`: a result longer than `maxBytes`
   * tells the caller the file is too long without downloading all of it.
   */
  cat(cid: string, options: IpfsCallOptions & { maxBytes: number }): Promise<Uint8Array>;
  /** Throws IpfsNotPinnedError when `cid` is not pinned recursively. */
  pinLs(cid: string, options?: IpfsCallOptions): Promise<void>;
  /** Throws IpfsNotPinnedError when `cid` was not pinned. */
  pinRm(cid: string, options?: IpfsCallOptions): Promise<void>;
}

/** Settings under which a file of at most 1 MiB is a single raw block: CID = CIDv1(raw, sha2-256(bytes)). */
export const ADD_SETTINGS = { cidVersion: 1, rawLeaves: true, chunker: "size-1048576", pin: true } as const;

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 500;

export function createIpfsStore(config: IpfsStoreConfig): IpfsStore {
  const policy: AttemptPolicy = {
    apiUrl: config.apiUrl,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: config.retries ?? DEFAULT_RETRIES,
    retryDelayMs: config.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
  };
  if (!(policy.timeoutMs > 0) || !Number.isInteger(policy.retries) || policy.retries < 0 || !(policy.retryDelayMs >= 0)) {
    throw new RangeError(
      `IPFS store settings out of range: timeoutMs ${policy.timeoutMs} (> 0), retries ${policy.retries} (integer ≥ 0), retryDelayMs ${policy.retryDelayMs} (≥ 0)`,
    );
  }
  const client: KuboRPCClient = create({
    url: config.apiUrl,
    headers: config.token === undefined ? {} : { Authorization: `Bearer ${config.token}` },
  });

  return {
    apiUrl: config.apiUrl,

    add: (bytes, options = {}) =>
      withAttempts(policy, "add", undefined, options.signal, async (signal) => {
        const added = await client.add(bytes, {
          ...ADD_SETTINGS,
          signal,
          ...(options.onProgress === undefined ? {} : { progress: (imported: number) => options.onProgress?.(imported) }),
        });
        return added.cid.toString();
      }),

    cat: (cid, options) =>
      withAttempts(policy, `cat of ${cid}`, cid, options.signal, async (signal) => {
        const buffer = new Uint8Array(options.maxBytes + 1);
        let length = 0;
        // Leaving the loop early only releases kubo-rpc-client's reader; aborting the request is
        // what closes the response body, or the rest of an oversized file keeps downloading.
        const stopReading = new AbortController();
        try {
          for await (const chunk of client.cat(cid, { signal: AbortSignal.any([signal, stopReading.signal]) })) {
            const room = buffer.length - length;
            buffer.set(chunk.length > room ? chunk.subarray(0, room) : chunk, length);
            length += Math.min(chunk.length, room);
            if (length === buffer.length) break;
          }
        } finally {
          stopReading.abort();
        }
        return buffer.subarray(0, length);
      }),

    pinLs: (cid, options = {}) =>
      withAttempts(policy, `pin ls of ${cid}`, cid, options.signal, async (signal) => {
        for await (const _pin of client.pin.ls({ paths: [cid], type: "recursive", signal }));
      }),

    pinRm: (cid, options = {}) =>
      withAttempts(policy, `pin rm of ${cid}`, cid, options.signal, async (signal) => {
        await client.pin.rm(cid, { signal });
      }),
  };
}
