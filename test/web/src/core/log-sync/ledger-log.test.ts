import { describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../web/src/core/access-log/entries.js";
import type { AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import { MemoryLogCache } from "../../../../../web/src/core/log-sync/log-cache.js";
import { decodeLogSnapshot, encodeLogSnapshot } from "../../../../../web/src/core/log-sync/log-snapshot.js";
import { LedgerLog, type SyncProgress } from "../../../../../web/src/core/log-sync/ledger-log.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";
import { ledgerSteps, spyingConnection } from "../access-log/support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  await steps.createScopeKey("patient", NOTES);
  await steps.grant("patient", "doctor", bit(NOTES), bit(NOTES));
  await steps.addRecord("doctor", "patient", NOTES, 1);
  await steps.readRecord("doctor", "patient", 1n, 0);
});

const steps = () => ledgerSteps(viem());
const networkHelpers = () => viem().world.connection.networkHelpers;

async function openLog(confirmations = 0, cache = new MemoryLogCache()): Promise<LedgerLog> {
  return await LedgerLog.open(viem().connection, cache, { confirmations });
}

const keyOf = (entries: readonly AccessLogEntry[]) => entries.map((entry) => `${entry.blockNumber}:${entry.logIndex}:${entry.action}`);

describe("LedgerLog.sync", () => {
  it("sync_freshCache_holdsEveryEntryReadAccessLogReads", async () => {
    const log = await openLog();
    const progress: SyncProgress[] = [];
    const report = await log.sync({ onProgress: (step) => progress.push(step) });
    const expected = await readAccessLog(viem().connection);
    expect(log.entries).toEqual(expected);
    expect(report).toMatchObject({ added: expected.length, rolledBack: 0 });
    expect(progress.at(-1)).toMatchObject({ scannedTo: report.head, entries: expected.length });
  });

  it("sync_afterMoreTransactions_addsExactlyTheNewEntries", async () => {
    const log = await openLog();
    const first = await log.sync();
    await steps().addRecord("doctor", "patient", NOTES, 2);
    await steps().readRecord("doctor", "patient", 2n, 0);
    const second = await log.sync();
    expect(second.added).toBe(2);
    expect(log.entries.slice(first.added).map((entry) => [entry.action, entry.recordId])).toEqual([
      ["record-added", 2n],
      ["record-read", 2n],
    ]);
    expect(log.entries).toEqual(await readAccessLog(viem().connection));
  });

  it("sync_senderRequestsRefusedOnceAsTooLarge_asksAgainAndReadsEveryEvent", async () => {
    const provider = viem().world.connection.provider as { request(args: { method: string; params?: unknown }): Promise<unknown> };
    let refused = 0;
    const { connection } = viem().through("stranger", {
      request: async (args) => {
        // As when the batch it shared with a large eth_getLogs response was over viem's size limit.
        if (args.method === "eth_getTransactionByHash" && refused++ === 0) throw new Error("HTTP response body exceeded the size limit.");
        return provider.request(args);
      },
    });
    const log = await LedgerLog.open(connection, new MemoryLogCache(), { confirmations: 0 });
    await log.sync();
    expect(refused).toBeGreaterThan(1);
    expect(log.entries).toEqual(await readAccessLog(viem().connection));
  });

  it("open_fromASavedCache_restoresTheEntriesAndReadsOnlyNewBlocks", async () => {
    const cache = new MemoryLogCache();
    const first = await openLog(0, cache);
    await first.sync();
    await steps().addRecord("doctor", "patient", NOTES, 3);

    const { connection, requests } = spyingConnection(viem());
    const reopened = await LedgerLog.open(connection, cache, { confirmations: 0 });
    expect(reopened.entries).toEqual(first.entries);
    const report = await reopened.sync();
    expect(report.added).toBe(1);
    const getLogsFrom = requests.filter((request) => request.method === "eth_getLogs").map((request) => BigInt((request.params as [{ fromBlock: string }])[0].fromBlock));
    expect(getLogsFrom.every((block) => block > first.syncedTo)).toBe(true);
    expect(reopened.entries).toEqual(await readAccessLog(viem().connection));
  });

  it("sync_withConfirmations_keepsTheYoungTailOutOfTheCacheUntilItIsDeepEnough", async () => {
    const cache = new MemoryLogCache();
    const log = await openLog(2, cache);
    await networkHelpers().mine(2);
    await log.sync();
    await steps().addRecord("doctor", "patient", NOTES, 4);
    const report = await log.sync();
    expect(report.added).toBe(0);
    expect(log.entries.at(-1)).toMatchObject({ action: "record-added", recordId: 2n });
    const cached = decodeLogSnapshot((await cache.load()) as string) as { entries: AccessLogEntry[] };
    expect(cached.entries.some((entry) => entry.action === "record-added" && entry.recordId === 2n)).toBe(false);

    await networkHelpers().mine(2);
    expect((await log.sync()).added).toBe(1);
    const cachedLater = decodeLogSnapshot((await cache.load()) as string) as { entries: AccessLogEntry[] };
    expect(cachedLater.entries.at(-1)).toMatchObject({ action: "record-added", recordId: 2n });
  });

  it("sync_afterAReorg_dropsTheRevertedEntriesAndReadsTheNewBranch", async () => {
    const log = await openLog();
    await log.sync();
    const fork = await networkHelpers().takeSnapshot();
    await steps().addRecord("doctor", "patient", NOTES, 5);
    await steps().readRecord("doctor", "patient", 2n, 0);
    await log.sync();
    expect(keyOf(log.entries).slice(-2)).toEqual(keyOf((await readAccessLog(viem().connection)).slice(-2)));

    await fork.restore();
    await steps().createScopeKey("patient", LABS);
    await steps().grant("patient", "lab", bit(LABS));
    const report = await log.sync();
    expect(report.rolledBack).toBe(2);
    const onChain = await readAccessLog(viem().connection);
    expect(log.entries).toEqual(onChain);
    expect(log.entries.some((entry) => entry.action === "record-added" && entry.recordId === 2n)).toBe(false);
    expect(log.query({ actor: viem().personas.patient.account, actions: ["access-granted"] }).entries[0]).toMatchObject({ subject: viem().personas.lab.account });
  });

  it("open_cacheOfAnotherContract_isIgnored", async () => {
    const cache = new MemoryLogCache();
    await cache.save(encodeLogSnapshot({ chainId: viem().connection.chainId, contract: "0x0000000000000000000000000000000000000001", syncedTo: 999n, checkpoints: [] }, []));
    const log = await openLog(0, cache);
    expect(log.size).toBe(0);
    await log.sync();
    expect(log.entries).toEqual(await readAccessLog(viem().connection));
  });

  it("open_negativeConfirmations_throwsRangeError", async () => {
    await expect(LedgerLog.open(viem().connection, new MemoryLogCache(), { confirmations: -1 })).rejects.toThrow(RangeError);
  });
});

describe("LedgerLog.query", () => {
  it("query_byPatientAndAction_answersFromTheSyncedLogNewestFirst", async () => {
    const log = await openLog();
    await log.sync();
    const patient = viem().personas.patient.account;
    const reads = log.query({ patient, actions: ["record-read"] });
    expect(reads.total).toBe(1);
    expect(reads.entries[0]).toMatchObject({ action: "record-read", recordId: 1n, actor: viem().personas.doctor.account });
    const all = log.query({ patient });
    expect(all.entries.map((entry) => entry.blockNumber)).toEqual([...all.entries.map((entry) => entry.blockNumber)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  });
});
