import type { IpfsStore } from "../ipfs/store.js";
import { checkRecordIntegrity, type IntegrityDepth, type IntegrityResult, type RecordClaim } from "./integrity.js";

export interface BulkIntegrityProgress {
  /** Records with a verdict. */
  done: number;
  total: number;
  verified: number;
  mismatch: number;
  missing: number;
  /** Bytes fetched and found to match so far, records still being checked included. */
  bytes: number;
}

export interface BulkIntegrityOptions<R extends RecordClaim> {
  /** Default "full". */
  depth?: IntegrityDepth;
  /** Records checked at the same time; default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Once at the start, then whenever a verdict comes in or more bytes were checked. */
  onProgress?(progress: BulkIntegrityProgress): void;
  /** Each verdict as it comes in (verdicts arrive out of order when concurrency > 1). */
  onResult?(result: IntegrityResult<R>, index: number): void;
}

export const DEFAULT_INTEGRITY_CONCURRENCY = 4;

/**
 * The run ended before every record had a verdict: the node failed (`cause` is the store's typed
 * error: IpfsUnavailableError, IpfsTimeoutError, …) or the caller aborted (`aborted`, `cause` the
 * signal's reason). The verdicts reached before the stop are kept in `results`.
 */
export class IntegrityRunStoppedError<R extends RecordClaim = RecordClaim> extends Error {
  readonly code = "INTEGRITY_RUN_STOPPED";
  constructor(
    /** In input order, undefined where no verdict was reached. */
    readonly results: ReadonlyArray<IntegrityResult<R> | undefined>,
    readonly aborted: boolean,
    cause: unknown,
  ) {
    const done = results.filter((result) => result !== undefined).length;
    const progress = `after ${done} of ${results.length} ${results.length === 1 ? "record" : "records"}`;
    super(
      aborted
        ? `The integrity check was stopped ${progress}.`
        : `The integrity check stopped ${progress}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = "IntegrityRunStoppedError";
  }
}

/**
 * Checks `records` with checkRecordIntegrity, at most `concurrency` at a time, and resolves to
 * their verdicts in input order. Pass superseded versions too: each version's digest is its own
 * claim (checkableRecords lists them all).
 *
 * A failure of the node (not a verdict) or an abort stops the run: nothing new starts, the checks in
 * flight are cancelled, and once they have settled the run rejects with IntegrityRunStoppedError
 * holding every verdict reached (they also went to onResult as they came).
 */
export async function checkIntegrityInBulk<R extends RecordClaim>(
  ipfs: IpfsStore,
  records: readonly R[],
  options: BulkIntegrityOptions<R> = {},
): Promise<Array<IntegrityResult<R>>> {
  const concurrency = options.concurrency ?? DEFAULT_INTEGRITY_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number ≥ 1 (got ${concurrency})`);
  const results: Array<IntegrityResult<R> | undefined> = new Array<IntegrityResult<R> | undefined>(records.length).fill(undefined);
  const progress: BulkIntegrityProgress = { done: 0, total: records.length, verified: 0, mismatch: 0, missing: 0, bytes: 0 };
  const report = () => options.onProgress?.({ ...progress });
  // Cancels the checks in flight when one of them fails.
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  let failure: { cause: unknown } | undefined;
  let next = 0;

  const work = async () => {
    while (!signal.aborted) {
      const index = next++;
      const record = records[index];
      if (record === undefined) return;
      let counted = 0;
      try {
        const result = await checkRecordIntegrity(ipfs, record, {
          depth: options.depth,
          signal,
          onProgress: ({ bytes }) => {
            progress.bytes += bytes - counted;
            counted = bytes;
            report();
          },
        });
        results[index] = result;
        progress.done++;
        progress[result.status]++;
        report();
        options.onResult?.(result, index);
      } catch (error) {
        failure ??= { cause: error };
        stop.abort(error);
        return;
      }
    }
  };

  report();
  await Promise.all(Array.from({ length: Math.min(concurrency, records.length) }, work));
  if (options.signal?.aborted) throw new IntegrityRunStoppedError(results, true, options.signal.reason);
  if (failure !== undefined) throw new IntegrityRunStoppedError(results, false, failure.cause);
  return results as Array<IntegrityResult<R>>;
}
