import { describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../web/src/core/access-log/entries.js";
import type { LedgerConnection } from "../../../../../web/src/core/chain/connection.js";
import { MemoryLogCache } from "../../../../../web/src/core/log-sync/log-cache.js";
import { LiveLedgerLog, type LiveLogSnapshot } from "../../../../../web/src/portal/log/live-log.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";
import { ledgerSteps } from "../../core/access-log/support.js";

const NOTES = Category.GeneralNotes;

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  await steps.createScopeKey("patient", NOTES);
  await steps.grant("patient", "doctor", bit(NOTES));
});

function liveLog(connection: LedgerConnection = viem().connection, cache = new MemoryLogCache()) {
  const snapshots: LiveLogSnapshot[] = [];
  const live = new LiveLedgerLog({ connection, confirmations: 0, openCache: async () => cache, now: () => 42 });
  live.subscribe(() => snapshots.push(live.getSnapshot()));
  return { live, snapshots };
}

/** A connection whose eth_getLogs fails, as a provider that went away would. */
function failingConnection(): LedgerConnection {
  const { connection } = viem();
  const publicClient = new Proxy(connection.publicClient, {
    get(target, property, receiver) {
      if (property === "request") {
        return (request: { method: string }, options?: unknown) =>
          request.method === "eth_getLogs" ? Promise.reject(new Error("provider gone")) : target.request(request as Parameters<typeof target.request>[0], options as Parameters<typeof target.request>[1]);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { ...connection, publicClient };
}

describe("LiveLedgerLog", () => {
  it("getSnapshot_beforeTheCacheIsRead_isOpeningWithoutALog", () => {
    const { live } = liveLog();
    expect(live.getSnapshot()).toEqual({ log: undefined, version: 0, ready: false, status: { state: "opening" } });
  });

  it("sync_freshCache_endsSyncedWithEveryEntryAndANewVersion", async () => {
    const { live, snapshots } = liveLog();
    await live.sync();
    const snapshot = live.getSnapshot();
    expect(snapshot.log?.entries).toEqual(await readAccessLog(viem().connection));
    expect(snapshot.status).toMatchObject({ state: "synced", at: 42, report: { added: snapshot.log?.size, rolledBack: 0 } });
    expect(snapshot.version).toBe(2);
    expect(snapshots.map((each) => each.status.state)).toContain("syncing");
  });

  it("ready_cacheFromAnEarlierVisit_isReadyBeforeAnySync", async () => {
    const cache = new MemoryLogCache();
    await liveLog(viem().connection, cache).live.sync();
    const { live } = liveLog(viem().connection, cache);
    await expect.poll(() => live.getSnapshot().log).toBeDefined();
    expect(live.getSnapshot()).toMatchObject({ ready: true, status: { state: "opening" } });
    expect(live.getSnapshot().log?.size).toBeGreaterThan(0);
  });

  it("ready_emptyCache_waitsForTheFirstSync", async () => {
    const { live } = liveLog();
    await expect.poll(() => live.getSnapshot().log).toBeDefined();
    expect(live.getSnapshot().ready).toBe(false);
    await live.sync();
    expect(live.getSnapshot().ready).toBe(true);
  });

  it("sync_nothingNew_keepsTheVersion", async () => {
    const { live } = liveLog();
    await live.sync();
    const version = live.getSnapshot().version;
    await live.sync();
    expect(live.getSnapshot().version).toBe(version);
    expect(live.getSnapshot().status).toMatchObject({ state: "synced", report: { added: 0 } });
  });

  it("sync_afterANewTransaction_bumpsTheVersionOnce", async () => {
    const { live } = liveLog();
    await live.sync();
    const version = live.getSnapshot().version;
    await ledgerSteps(viem()).addRecord("patient", "patient", NOTES, 7);
    await live.sync();
    expect(live.getSnapshot().version).toBe(version + 1);
    expect(live.getSnapshot().log?.query({ limit: 1 }).entries[0]).toMatchObject({ action: "record-added", patient: viem().personas.patient.account });
  });

  it("sync_calledWhileASyncRuns_joinsIt", async () => {
    const { live } = liveLog();
    const first = live.sync();
    expect(live.sync()).toBe(first);
    await first;
    expect(live.sync()).not.toBe(first);
  });

  it("sync_providerFailing_isFailedWithTheErrorAndTheLogStillThere", async () => {
    const { live } = liveLog(failingConnection());
    await live.sync();
    const snapshot = live.getSnapshot();
    expect(snapshot.status).toMatchObject({ state: "failed", at: 42 });
    expect((snapshot.status as { error: Error }).error.message).toContain("provider gone");
    expect(snapshot.log?.size).toBe(0);
  });

  it("openCache_reportingAProblem_showsItAsCacheProblem", async () => {
    const problem = new Error("no room");
    const live = new LiveLedgerLog({
      connection: viem().connection,
      confirmations: 0,
      openCache: async (reportProblem) => {
        reportProblem(problem);
        return new MemoryLogCache();
      },
    });
    await live.sync();
    expect(live.getSnapshot().cacheProblem).toBe(problem);
    expect(live.getSnapshot().status.state).toBe("synced");
  });
});
