/**
 * The browser's log cache: one IndexedDB record per ledger (chain id and contract), so a second
 * visit shows the log at once and syncs only what is new. The log holds public chain data only
 * (addresses, digests, codes, times), never a record's content, so it may outlive the session.
 */
import { IndexedDbStore, type IndexedDbStoreOptions } from "../storage/indexed-db-store.js";
import type { LogCache } from "./log-cache.js";

export const LOG_DATABASE = "ehr-ledger-log";
const STORE = "logs";

export class IndexedDbLogCache implements LogCache {
  private constructor(
    readonly key: string,
    private readonly store: IndexedDbStore<string>,
  ) {}

  /** The cache of the ledger at `contract` on `chainId`; fails with BrowserStorageUnavailableError when the browser keeps no IndexedDB. */
  static async open(chainId: number, contract: string, options: IndexedDbStoreOptions = {}): Promise<IndexedDbLogCache> {
    return new IndexedDbLogCache(`${chainId}:${contract.toLowerCase()}`, await IndexedDbStore.open<string>(LOG_DATABASE, STORE, "a copy of the log", options));
  }

  async load(): Promise<string | undefined> {
    const text = await this.store.get(this.key);
    return typeof text === "string" ? text : undefined;
  }

  /** Fails with BrowserStorageWriteError (the quota, most often). */
  save(text: string): Promise<void> {
    return this.store.put(this.key, text);
  }

  /** Forgets this ledger's log (the next sync reads everything again). */
  clear(): Promise<void> {
    return this.store.delete(this.key);
  }

  close(): void {
    this.store.close();
  }
}
