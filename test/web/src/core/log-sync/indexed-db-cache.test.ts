import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";

import { IndexedDbLogCache } from "../../../../../web/src/core/log-sync/indexed-db-cache.js";
import { BrowserStorageUnavailableError, BrowserStorageWriteError } from "../../../../../web/src/core/storage/indexed-db-store.js";
import { LedgerLog } from "../../../../../web/src/core/log-sync/ledger-log.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";
import { ledgerSteps } from "../access-log/support.js";

const CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OTHER_CONTRACT = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  await steps.createScopeKey("patient", Category.GeneralNotes);
  await steps.grant("patient", "doctor", bit(Category.GeneralNotes));
});

describe("IndexedDbLogCache", () => {
  it("load_beforeAnySave_isUndefined", async () => {
    const cache = await IndexedDbLogCache.open(1337, CONTRACT, { factory: new IDBFactory() });
    expect(await cache.load()).toBeUndefined();
  });

  it("load_afterSaveInAnEarlierVisit_isTheSavedText", async () => {
    const factory = new IDBFactory();
    const first = await IndexedDbLogCache.open(1337, CONTRACT, { factory });
    await first.save("header\nline 1");
    first.close();
    const again = await IndexedDbLogCache.open(1337, CONTRACT.toLowerCase(), { factory });
    expect(await again.load()).toBe("header\nline 1");
  });

  it("save_twoLedgers_keepsEachLogUnderItsOwnChainAndContract", async () => {
    const factory = new IDBFactory();
    const [local, other, otherChain] = await Promise.all([
      IndexedDbLogCache.open(1337, CONTRACT, { factory }),
      IndexedDbLogCache.open(1337, OTHER_CONTRACT, { factory }),
      IndexedDbLogCache.open(1, CONTRACT, { factory }),
    ]);
    await local.save("local");
    await other.save("other");
    expect([await local.load(), await other.load(), await otherChain.load()]).toEqual(["local", "other", undefined]);
    expect([local.key, other.key, otherChain.key]).toEqual([`1337:${CONTRACT.toLowerCase()}`, `1337:${OTHER_CONTRACT.toLowerCase()}`, `1:${CONTRACT.toLowerCase()}`]);
  });

  it("clear_afterSave_forgetsOnlyThatLedger", async () => {
    const factory = new IDBFactory();
    const [local, other] = await Promise.all([IndexedDbLogCache.open(1337, CONTRACT, { factory }), IndexedDbLogCache.open(1337, OTHER_CONTRACT, { factory })]);
    await local.save("local");
    await other.save("other");
    await local.clear();
    expect([await local.load(), await other.load()]).toEqual([undefined, "other"]);
  });

  it("open_withoutIndexedDb_failsWithBrowserStorageUnavailableError", async () => {
    // Node has no IndexedDB of its own, as a browser that disabled it would.
    const opening = IndexedDbLogCache.open(1337, CONTRACT);
    await expect(opening).rejects.toBeInstanceOf(BrowserStorageUnavailableError);
    await expect(opening).rejects.toMatchObject({ code: "BROWSER_STORAGE_UNAVAILABLE", message: "This browser does not let the portal keep a copy of the log (no IndexedDB in this environment); it is read again on every visit." });
  });

  it("save_afterTheDatabaseClosed_failsWithBrowserStorageWriteError", async () => {
    const cache = await IndexedDbLogCache.open(1337, CONTRACT, { factory: new IDBFactory() });
    cache.close();
    await expect(cache.save("text")).rejects.toMatchObject({ name: "BrowserStorageWriteError", code: "BROWSER_STORAGE_WRITE_FAILED", message: expect.stringMatching(/^A copy of the log could not be saved in this browser \(.+\); it is read again next visit\. Free some storage to keep it\.$/) });
    await expect(cache.save("text")).rejects.toBeInstanceOf(BrowserStorageWriteError);
  });

  it("ledgerLogOpen_fromACacheSyncedInAnEarlierVisit_hasTheEntriesWithoutReadingTheChain", async () => {
    const factory = new IDBFactory();
    const { connection } = viem();
    const firstVisit = await LedgerLog.open(connection, await IndexedDbLogCache.open(connection.chainId, connection.address, { factory }), { confirmations: 0 });
    await firstVisit.sync();
    expect(firstVisit.size).toBeGreaterThan(0);

    const nextVisit = await LedgerLog.open(connection, await IndexedDbLogCache.open(connection.chainId, connection.address, { factory }), { confirmations: 0 });
    expect(nextVisit.entries).toEqual(firstVisit.entries);
    expect(nextVisit.syncedTo).toBe(firstVisit.syncedTo);
    expect((await nextVisit.sync()).added).toBe(0);
  });
});
