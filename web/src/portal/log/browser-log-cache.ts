/**
 * Where the portal keeps the log: IndexedDB when the browser allows it, else memory for this tab.
 * A failed read or write is a warning, not a failed sync: the log is read from the chain, and what was
 * read stays in memory and on screen.
 */
import { IndexedDbLogCache } from "../../core/log-sync/indexed-db-cache.js";
import { MemoryLogCache, type LogCache } from "../../core/log-sync/log-cache.js";

export async function openBrowserLogCache(chainId: number, contract: string, reportProblem: (problem: Error) => void, factory?: IDBFactory): Promise<LogCache> {
  let stored: IndexedDbLogCache;
  try {
    stored = await IndexedDbLogCache.open(chainId, contract, factory === undefined ? {} : { factory });
  } catch (error) {
    reportProblem(error instanceof Error ? error : new Error(String(error)));
    return new MemoryLogCache();
  }
  return {
    async load() {
      try {
        return await stored.load();
      } catch (error) {
        // An unreadable copy is as good as none: the log is read from the chain.
        reportProblem(error instanceof Error ? error : new Error(String(error)));
        return undefined;
      }
    },
    async save(text) {
      try {
        await stored.save(text);
      } catch (error) {
        reportProblem(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
