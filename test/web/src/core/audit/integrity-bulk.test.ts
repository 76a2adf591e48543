import { describe, expect, it } from "vitest";

import {
  checkIntegrityInBulk,
  IntegrityRunStoppedError,
  type BulkIntegrityProgress,
} from "../../../../../web/src/core/audit/integrity-bulk.js";
import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { IpfsUnavailableError } from "../../../../../web/src/core/ipfs/errors.js";
import { createIpfsStore, type IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import type { RecordClaim } from "../../../../../web/src/core/audit/integrity.js";
import { deterministicBytes, useNodeAndStore } from "../ipfs/support.js";
import { claimOf, claimOfAbsent, storedRecord, utf8 } from "./integrity-support.js";

const ipfs = useNodeAndStore({}, { retries: 0 });

/** `count` fully stored records #1.., each of two small parts. */
async function storedRecords(count: number, seed: string): Promise<RecordClaim[]> {
  const records: RecordClaim[] = [];
  for (let id = 1; id <= count; id++) {
    records.push(await storedRecord(ipfs.store, [deterministicBytes(100 + id, `${seed} ${id} a`), deterministicBytes(50, `${seed} ${id} b`)], BigInt(id)));
  }
  return records;
}

/** The store, with `before` run ahead of every cat (which may wait, or reroute it). */
function intercepting(store: IpfsStore, before: (cid: string, signal: AbortSignal | undefined) => Promise<IpfsStore | void>): IpfsStore {
  return {
    ...store,
    cat: async (cid, options) => ((await before(cid, options.signal)) ?? store).cat(cid, options),
  };
}

/** Rejects with the signal's reason once it aborts, as the real store does. */
function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

describe("checkIntegrityInBulk", () => {
  it("checkIntegrityInBulk_oneAtATime_resultsInInputOrderAndProgressAfterEveryStep", async () => {
    const verified = await storedRecord(ipfs.store, [deterministicBytes(10, "bulk")], 1n);
    const missing = claimOfAbsent("bulk", 2n);
    const notJson = utf8("not json");
    const mismatch = await claimOf(ipfs.store, notJson, 3n);
    const progress: BulkIntegrityProgress[] = [];

    const results = await checkIntegrityInBulk(ipfs.store, [verified, missing, mismatch], { depth: "manifest", concurrency: 1, onProgress: (step) => progress.push(step) });

    expect(results.map((result) => [result.record.recordId, result.status])).toEqual([[1n, "verified"], [2n, "missing"], [3n, "mismatch"]]);
    const manifestLength = results[0]!.checked.bytes;
    const empty = { total: 3, verified: 0, mismatch: 0, missing: 0 };
    expect(progress).toEqual([
      { ...empty, done: 0, bytes: 0 },
      { ...empty, done: 0, bytes: manifestLength },
      { ...empty, done: 1, verified: 1, bytes: manifestLength },
      { ...empty, done: 2, verified: 1, missing: 1, bytes: manifestLength },
      { ...empty, done: 2, verified: 1, missing: 1, bytes: manifestLength + notJson.length },
      { ...empty, done: 3, verified: 1, missing: 1, mismatch: 1, bytes: manifestLength + notJson.length },
    ]);
  });

  it("checkIntegrityInBulk_verdictsArriveOutOfOrder_resultsStillInInputOrder", async () => {
    const records = await storedRecords(3, "order");
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const store = intercepting(ipfs.store, async (cid) => {
      if (cid === manifestCid(records[0]!.contentDigest)) await firstHeld;
    });
    const arrived: number[] = [];

    const results = await checkIntegrityInBulk(store, records, {
      concurrency: 2,
      onResult: (_result, index) => {
        arrived.push(index);
        if (index === 1) releaseFirst();
      },
    });

    expect(arrived[0]).toBe(1);
    expect([...arrived].sort()).toEqual([0, 1, 2]);
    expect(results.map((result) => [result.record.recordId, result.status])).toEqual([[1n, "verified"], [2n, "verified"], [3n, "verified"]]);
  });

  it("checkIntegrityInBulk_fullDepth_neverMoreRequestsInFlightThanConcurrencyAndCountsEveryByte", async () => {
    const records = await storedRecords(10, "bound");
    for (const concurrency of [3, undefined]) {
      const bound = concurrency ?? 4;
      let inFlight = 0;
      let most = 0;
      // The first `bound` requests wait for each other, so a run that reaches the bound is seen to.
      let openBarrier: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => (openBarrier = resolve));
      const fallback = setTimeout(openBarrier, 2000);
      const counting: IpfsStore = {
        ...ipfs.store,
        cat: async (cid, options) => {
          inFlight++;
          most = Math.max(most, inFlight);
          if (inFlight === bound) openBarrier();
          try {
            await barrier;
            return await ipfs.store.cat(cid, options);
          } finally {
            inFlight--;
          }
        },
      };
      const progress: BulkIntegrityProgress[] = [];

      const results = await checkIntegrityInBulk(counting, records, { concurrency, onProgress: (step) => progress.push(step) });
      clearTimeout(fallback);

      expect(most).toBe(bound);
      expect(results.map((result) => result.status)).toEqual(new Array(10).fill("verified"));
      expect(progress.at(-1)).toEqual({ done: 10, total: 10, verified: 10, mismatch: 0, missing: 0, bytes: results.reduce((total, result) => total + result.checked.bytes, 0) });
    }
  });

  it("checkIntegrityInBulk_abortedMidRun_stopsAtOnceAndKeepsTheVerdictsReached", async () => {
    const records = await storedRecords(4, "abort");
    const controller = new AbortController();
    const requested: string[] = [];
    const store = intercepting(ipfs.store, async (cid, signal) => {
      requested.push(cid);
      if (cid !== manifestCid(records[2]!.contentDigest)) return;
      controller.abort(new Error("the auditor pressed stop"));
      await untilAborted(signal);
    });

    const run = checkIntegrityInBulk(store, records, { concurrency: 1, signal: controller.signal });

    const stopped = await run.catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(IntegrityRunStoppedError);
    const { results, aborted, cause, message } = stopped as IntegrityRunStoppedError;
    expect([aborted, (cause as Error).message, message]).toEqual([true, "the auditor pressed stop", "The integrity check was stopped after 2 of 4 records."]);
    expect(results.map((result) => result?.status)).toEqual(["verified", "verified", undefined, undefined]);
    expect(requested).not.toContain(manifestCid(records[3]!.contentDigest));
  });

  it("checkIntegrityInBulk_nodeFailsMidRun_stopsWithTheTypedErrorAndKeepsTheVerdictsReached", async () => {
    const records = await storedRecords(5, "failure");
    const down = createIpfsStore({ apiUrl: "http://127.0.0.1:9", retries: 0 });
    const requested: string[] = [];
    const store = intercepting(ipfs.store, async (cid) => {
      requested.push(cid);
      return cid === manifestCid(records[2]!.contentDigest) ? down : undefined;
    });

    const stopped = await checkIntegrityInBulk(store, records, { concurrency: 1 }).catch((error: unknown) => error);

    expect(stopped).toBeInstanceOf(IntegrityRunStoppedError);
    const { results, aborted, cause, message } = stopped as IntegrityRunStoppedError;
    expect(aborted).toBe(false);
    expect(cause).toBeInstanceOf(IpfsUnavailableError);
    expect(message).toBe(`The integrity check stopped after 2 of 5 records: ${(cause as Error).message}`);
    expect(results.map((result) => result?.status)).toEqual(["verified", "verified", undefined, undefined, undefined]);
    expect(requested).not.toContain(manifestCid(records[3]!.contentDigest));
  });

  it("checkIntegrityInBulk_nodeFailsWhileOtherChecksAreInFlight_cancelsThem", async () => {
    const [waiting, failing] = await storedRecords(2, "cancel");
    const down = createIpfsStore({ apiUrl: "http://127.0.0.1:9", retries: 0 });
    const store = intercepting(ipfs.store, async (cid, signal) => {
      if (cid === manifestCid(failing!.contentDigest)) return down;
      await untilAborted(signal);
    });

    const stopped = await checkIntegrityInBulk(store, [waiting!, failing!], { concurrency: 2 }).catch((error: unknown) => error);

    expect(stopped).toBeInstanceOf(IntegrityRunStoppedError);
    expect((stopped as IntegrityRunStoppedError).cause).toBeInstanceOf(IpfsUnavailableError);
    expect((stopped as IntegrityRunStoppedError).results).toEqual([undefined, undefined]);
  });

  it("checkIntegrityInBulk_alreadyAborted_startsNothing", async () => {
    const requested: string[] = [];
    const store = intercepting(ipfs.store, async (cid) => void requested.push(cid));
    const stopped = await checkIntegrityInBulk(store, [claimOfAbsent("never")], { signal: AbortSignal.abort() }).catch((error: unknown) => error);

    expect(stopped).toBeInstanceOf(IntegrityRunStoppedError);
    expect([(stopped as IntegrityRunStoppedError).aborted, (stopped as IntegrityRunStoppedError).results]).toEqual([true, [undefined]]);
    expect(requested).toEqual([]);
  });

  it("checkIntegrityInBulk_concurrencyNotAPositiveWholeNumber_throwsRangeError", async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(checkIntegrityInBulk(ipfs.store, [], { concurrency })).rejects.toThrow(`concurrency must be a whole number ≥ 1 (got ${concurrency})`);
    }
  });
});
