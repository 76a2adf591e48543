import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";

import { BrowserStorageUnavailableError, BrowserStorageWriteError } from "../../../../../web/src/core/storage/indexed-db-store.js";
import { MemoryLogCache } from "../../../../../web/src/core/log-sync/log-cache.js";
import { openBrowserLogCache } from "../../../../../web/src/portal/log/browser-log-cache.js";

const CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("openBrowserLogCache", () => {
  it("openBrowserLogCache_withIndexedDb_keepsTheLogAcrossVisits", async () => {
    const factory = new IDBFactory();
    const problems: Error[] = [];
    await (await openBrowserLogCache(1337, CONTRACT, (problem) => problems.push(problem), factory)).save("log");
    expect(await (await openBrowserLogCache(1337, CONTRACT, (problem) => problems.push(problem), factory)).load()).toBe("log");
    expect(problems).toEqual([]);
  });

  it("openBrowserLogCache_withoutIndexedDb_isAMemoryCacheAndSaysWhy", async () => {
    const problems: Error[] = [];
    const cache = await openBrowserLogCache(1337, CONTRACT, (problem) => problems.push(problem));
    expect(cache).toBeInstanceOf(MemoryLogCache);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(BrowserStorageUnavailableError);
  });

  it("save_failing_reportsTheProblemInsteadOfThrowing", async () => {
    const factory = new IDBFactory();
    const problems: Error[] = [];
    const cache = await openBrowserLogCache(1337, CONTRACT, (problem) => problems.push(problem), factory);
    // Deleting the database closes this page's connection, as a browser clearing site data would.
    await new Promise((resolve) => {
      const deleting = factory.deleteDatabase("ehr-ledger-log");
      deleting.onsuccess = resolve;
    });
    await expect(cache.save("log")).resolves.toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(BrowserStorageWriteError);
  });
});
