import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../web/src/core/access-log/entries.js";
import type { AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import { latestBlockNumber } from "../../../../../web/src/core/chain/events.js";
import type { SpanPolicy } from "../../../../../web/src/core/log-sync/block-span.js";
import { LedgerLog, type SyncProgress } from "../../../../../web/src/core/log-sync/ledger-log.js";
import { MemoryLogCache } from "../../../../../web/src/core/log-sync/log-cache.js";
import { decodeLogSnapshot } from "../../../../../web/src/core/log-sync/log-snapshot.js";
import { LABS, NOTES, startAnvilLedger, type AnvilLedger, type RpcInterceptor } from "./anvil-ledger.js";

const bit = (category: number) => 1 << category;
/** Small spans, so that even this short history takes several pages. */
const POLICY: SpanPolicy = { initial: 4n, max: 16n, resultCap: 10_000, sparseBelow: 1 };

let chain: AnvilLedger;

beforeAll(async () => {
  chain = await startAnvilLedger();
  await chain.send.createScopeKey("patient", NOTES);
  await chain.send.grant("patient", "doctor", bit(NOTES), bit(NOTES));
  await chain.send.addRecord("doctor", "patient", NOTES, 1);
  await chain.send.readRecord("doctor", "patient", 1n);
  await chain.send.createScopeKey("patient2", LABS);
  await chain.send.grant("patient2", "doctor", bit(LABS), bit(LABS));
  await chain.send.addRecord("doctor", "patient2", LABS, 2);
  await chain.send.readRecord("doctor", "patient2", 1n, 2);
});

afterAll(async () => {
  await chain?.stop();
});

const onChain = () => readAccessLog(chain.connection);
const cachedEntries = async (cache: MemoryLogCache) => decodeLogSnapshot((await cache.load()) as string)?.entries;
const openLog = (cache = new MemoryLogCache(), connection = chain.connection) => LedgerLog.open(connection, cache, { confirmations: 0, policy: POLICY });

/** Answers eth_getLogs itself through `getLogs` (given the span and the real answer); everything else passes. */
function getLogsInterceptor(getLogs: (span: { from: bigint; to: bigint }, forward: () => Promise<unknown>) => Promise<unknown>): RpcInterceptor {
  return (request, forward) => {
    if (request.method !== "eth_getLogs") return forward();
    const [filter] = request.params as [{ fromBlock: string; toBlock: string }];
    return getLogs({ from: BigInt(filter.fromBlock), to: BigInt(filter.toBlock) }, forward);
  };
}

describe("LedgerLog.sync on anvil", () => {
  it("sync_freshLedger_equalsReadAccessLogInOrderWithEveryField", async () => {
    const log = await openLog();
    const progress: SyncProgress[] = [];
    const report = await log.sync({ onProgress: (step) => progress.push(step) });
    const expected = await onChain();
    expect(expected.map((entry) => entry.action)).toEqual(expect.arrayContaining(["participant-registered", "access-granted", "record-added", "record-read"]));
    expect(log.entries).toEqual(expected);
    expect(report).toEqual({ added: expected.length, rolledBack: 0, head: await latestBlockNumber(chain.connection) });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ scannedTo: report.head, toBlock: report.head, entries: expected.length });
  });

  it("sync_afterMoreTransactions_appendsExactlyTheNewEntries", async () => {
    const log = await openLog();
    await log.sync();
    const before = [...log.entries];
    await chain.send.addRecord("doctor", "patient", NOTES, 3);
    await chain.send.readRecord("doctor", "patient", 2n, 1);
    const report = await log.sync();
    expect(report.added).toBe(2);
    expect(log.entries.slice(0, before.length)).toEqual(before);
    expect(log.entries.slice(before.length).map((entry) => [entry.action, entry.patient, entry.recordId])).toEqual([
      ["record-added", chain.accounts.patient, 2n],
      ["record-read", chain.accounts.patient, 2n],
    ]);
    expect(log.entries).toEqual(await onChain());
  });

  it("sync_providerRefusingSpansOverFourBlocks_stillReadsEveryEvent", async () => {
    const refused: bigint[] = [];
    const connection = chain.connectionThrough(
      getLogsInterceptor(async ({ from, to }, forward) => {
        if (to - from + 1n > 4n) {
          refused.push(to - from + 1n);
          throw { code: -32602, message: "eth_getLogs block range is too large, max is 4 blocks" };
        }
        return forward();
      }),
    );
    const log = await LedgerLog.open(connection, new MemoryLogCache(), { confirmations: 0, policy: { ...POLICY, initial: 16n, max: 64n } });
    await log.sync();
    expect(refused.length).toBeGreaterThan(0);
    expect(log.entries).toEqual(await onChain());
  });

  it("sync_providerRefusingMoreThanThreeResults_stillReadsEveryEvent", async () => {
    let refusals = 0;
    const connection = chain.connectionThrough(
      getLogsInterceptor(async ({ from, to }, forward) => {
        const logs = (await forward()) as unknown[];
        if (logs.length > 3) {
          refusals++;
          throw { code: -32005, message: `query returned more than 3 results. Try with this block range [${from}, ${(from + to) / 2n}].` };
        }
        return logs;
      }),
    );
    const log = await LedgerLog.open(connection, new MemoryLogCache(), { confirmations: 0, policy: { ...POLICY, initial: 64n, max: 64n } });
    await log.sync();
    expect(refusals).toBeGreaterThan(0);
    expect(log.entries).toEqual(await onChain());
  });

  it("sync_noNewBlocks_doesNotWriteTheCacheAgain", async () => {
    const saved: string[] = [];
    const cache = new (class extends MemoryLogCache {
      override async save(text: string): Promise<void> {
        saved.push(text);
        await super.save(text);
      }
    })();
    const log = await openLog(cache);
    await log.sync();
    expect(saved).toHaveLength(1);
    expect(await log.sync()).toMatchObject({ added: 0, rolledBack: 0 });
    expect(saved).toHaveLength(1);
    await chain.mine(1);
    await log.sync();
    expect(saved).toHaveLength(2);
    expect(decodeLogSnapshot(saved[1] as string)?.header).toMatchObject({ syncedTo: log.syncedTo });
  });

  it("sync_twoCallsAtOnce_runOneAfterTheOtherWithoutDuplicates", async () => {
    const log = await openLog();
    const [first, second] = await Promise.all([log.sync(), log.sync()]);
    const expected = await onChain();
    expect(first.added).toBe(expected.length);
    expect(second.added).toBe(0);
    expect(log.entries).toEqual(expected);
  });

  it("sync_providerFailingAfterTheFirstPage_keepsAndSavesWhatWasReadThenResumes", async () => {
    let pages = 0;
    let failing = true;
    const connection = chain.connectionThrough(
      getLogsInterceptor(async (_, forward) => {
        if (failing && ++pages > 1) throw new Error("fetch failed: ECONNREFUSED");
        return forward();
      }),
    );
    const cache = new MemoryLogCache();
    const log = await openLog(cache, connection);
    await expect(log.sync()).rejects.toThrow(/ECONNREFUSED/);
    const firstPageTo = chain.connection.deploymentBlock + POLICY.initial - 1n;
    expect(log.syncedTo).toBe(firstPageTo);
    const expected = await onChain();
    const firstPage = expected.filter((entry) => entry.blockNumber <= firstPageTo);
    expect(firstPage.length).toBeGreaterThan(0);
    expect(log.entries).toEqual(firstPage);
    expect(await cachedEntries(cache)).toEqual(firstPage);

    failing = false;
    const resumed = await openLog(cache, connection);
    expect((await resumed.sync()).added).toBe(expected.length - firstPage.length);
    expect(resumed.entries).toEqual(expected);
  });

  it("sync_abortedAfterTheFirstPage_rejectsAndKeepsThatPage", async () => {
    const controller = new AbortController();
    const cache = new MemoryLogCache();
    const log = await openLog(cache);
    await expect(log.sync({ signal: controller.signal, onProgress: () => controller.abort() })).rejects.toThrow();
    const firstPageTo = chain.connection.deploymentBlock + POLICY.initial - 1n;
    expect(log.syncedTo).toBe(firstPageTo);
    expect(await cachedEntries(cache)).toEqual((await onChain()).filter((entry) => entry.blockNumber <= firstPageTo));
  });
});

describe("LedgerLog reorg safety on anvil", () => {
  it("sync_afterSnapshotRevertAndOtherTransactions_dropsTheRevertedEntriesAndReadsTheNewOnes", async () => {
    const cache = new MemoryLogCache();
    const log = await openLog(cache);
    await log.sync();
    const fork = await chain.snapshot();
    await chain.send.addRecord("doctor", "patient", NOTES, 7);
    await chain.send.readRecord("doctor", "patient", 1n, 3);
    await log.sync();
    const reverted = (await onChain()).slice(-2);
    expect(log.entries.slice(-2)).toEqual(reverted);

    await chain.revert(fork);
    await chain.send.grant("patient", "patient2", bit(NOTES));
    await chain.send.readRecord("doctor", "patient2", 1n, 4);
    const report = await log.sync();
    expect(report.rolledBack).toBe(2);
    const expected = await onChain();
    expect(log.entries).toEqual(expected);
    expect(await cachedEntries(cache)).toEqual(expected);
    const revertedTransactions = new Set(reverted.map((entry) => entry.transactionHash));
    expect(log.entries.filter((entry) => revertedTransactions.has(entry.transactionHash))).toEqual([]);
    expect(log.query({ patient: chain.accounts.patient2, actions: ["record-read"] }).entries[0]).toMatchObject({ purpose: 4, recordId: 1n });
  });

  it("sync_withTwoConfirmations_cachesNothingYoungerAndDropsARevertedTail", async () => {
    const cache = new MemoryLogCache();
    const log = await LedgerLog.open(chain.connection, cache, { confirmations: 2, policy: POLICY });
    await chain.mine(2);
    await log.sync();
    const fork = await chain.snapshot();
    await chain.send.addRecord("doctor", "patient2", LABS, 8);
    const report = await log.sync();
    expect(report.added).toBe(0);
    expect(log.entries.at(-1)).toMatchObject({ action: "record-added", patient: chain.accounts.patient2 });
    const cached = await cachedEntries(cache);
    expect(cached?.length).toBe(log.entries.length - 1);
    expect(cached?.some((entry) => entry.blockNumber === report.head)).toBe(false);

    await chain.revert(fork);
    await chain.mine(1);
    const afterRevert = await log.sync();
    expect(afterRevert.rolledBack).toBe(0);
    expect(log.entries).toEqual(await onChain());
  });

  it("sync_providerReportingALogAsRemoved_keepsNothingFromItsBlockOnAndReadsItAgainNextSync", async () => {
    const cache = new MemoryLogCache();
    await (await openLog(cache)).sync();
    await chain.send.addRecord("doctor", "patient", NOTES, 9);
    await chain.send.readRecord("doctor", "patient", 1n, 5);
    const removedBlock = await latestBlockNumber(chain.connection);
    let removing = true;
    const connection = chain.connectionThrough(
      getLogsInterceptor(async (_, forward) => {
        const logs = (await forward()) as { blockNumber: string; removed: boolean }[];
        return removing ? logs.map((item) => (BigInt(item.blockNumber) === removedBlock ? { ...item, removed: true } : item)) : logs;
      }),
    );
    const log = await openLog(cache, connection);
    await log.sync();
    const expected = await onChain();
    // The page holding the removed log (and the block before it) is not taken at all.
    expect(log.syncedTo).toBe(removedBlock - 2n);
    expect(log.entries).toEqual(expected.filter((entry) => entry.blockNumber < removedBlock - 1n));
    expect(log.query({ actions: ["record-read"], patient: chain.accounts.patient }).entries.some((entry) => entry.action === "record-read" && entry.purpose === 5)).toBe(false);

    removing = false;
    expect((await log.sync()).added).toBe(2);
    expect(log.entries).toEqual(expected);
  });
});
