/**
 * The browser's log cache: one IndexedDB record per ledger (chain id and contract), so a second
 * visit shows the log at once and syncs only what is new. The log holds public chain data only
 * (addresses, digests, codes, times), never a record's content, so it may outlive the session.
 */
import type { LogCache } from "./log-cache.js";

export const LOG_DATABASE = "ehr-ledger-log";
const STORE = "logs";
const VERSION = 1;

/** The browser keeps no IndexedDB for this page (private mode, a policy, a blocked upgrade). */
export class LogCacheUnavailableError extends Error {
  readonly code = "LOG_CACHE_UNAVAILABLE";
  constructor(override readonly cause: unknown) {
    super(`This browser does not let the portal keep a copy of the log (${describe(cause)}); every visit reads the log from the chain again.`);
    this.name = "LogCacheUnavailableError";
  }
}

/** Writing the log failed (most often the browser's storage quota): what was read stays shown, and is read again next visit. */
export class LogCacheWriteError extends Error {
  readonly code = "LOG_CACHE_WRITE_FAILED";
  constructor(override readonly cause: unknown) {
    super(`The log could not be saved in this browser (${describe(cause)}); it stays on screen and is read from the chain again next visit. Free some storage to keep it.`);
    this.name = "LogCacheWriteError";
  }
}

export interface IndexedDbLogCacheOptions {
  /** The IndexedDB to use; the page's own by default (tests pass another implementation). */
  factory?: IDBFactory;
}

export class IndexedDbLogCache implements LogCache {
  readonly #database: Promise<IDBDatabase>;

  private constructor(
    readonly key: string,
    database: Promise<IDBDatabase>,
  ) {
    this.#database = database;
  }

  /** The cache of the ledger at `contract` on `chainId`; fails with LogCacheUnavailableError when the browser keeps no IndexedDB. */
  static async open(chainId: number, contract: string, options: IndexedDbLogCacheOptions = {}): Promise<IndexedDbLogCache> {
    const factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined) throw new LogCacheUnavailableError(new Error("no IndexedDB in this environment"));
    const database = openDatabase(factory);
    try {
      await database;
    } catch (error) {
      throw new LogCacheUnavailableError(error);
    }
    return new IndexedDbLogCache(`${chainId}:${contract.toLowerCase()}`, database);
  }

  async load(): Promise<string | undefined> {
    const database = await this.#database;
    const text = await request(database.transaction(STORE, "readonly").objectStore(STORE).get(this.key));
    return typeof text === "string" ? text : undefined;
  }

  async save(text: string): Promise<void> {
    const database = await this.#database;
    try {
      const transaction = database.transaction(STORE, "readwrite");
      transaction.objectStore(STORE).put(text, this.key);
      await completion(transaction);
    } catch (error) {
      throw new LogCacheWriteError(error);
    }
  }

  /** Forgets this ledger's log (the next sync reads everything again). */
  async clear(): Promise<void> {
    const database = await this.#database;
    const transaction = database.transaction(STORE, "readwrite");
    transaction.objectStore(STORE).delete(this.key);
    await completion(transaction);
  }

  async close(): Promise<void> {
    (await this.#database).close();
  }
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(LOG_DATABASE, VERSION);
    opening.onupgradeneeded = () => {
      if (!opening.result.objectStoreNames.contains(STORE)) opening.result.createObjectStore(STORE);
    };
    // Another tab holds an older version open: waiting would hang the page, so say so instead.
    opening.onblocked = () => reject(new Error("another tab of the portal holds an older copy open; close it and reload"));
    opening.onsuccess = () => {
      const database = opening.result;
      // A newer tab upgrades the database: let it, this one reopens on its next visit.
      database.onversionchange = () => database.close();
      resolve(database);
    };
    opening.onerror = () => reject(opening.error ?? new Error("IndexedDB refused to open"));
  });
}

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error("an IndexedDB request failed"));
  });
}

function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error("the IndexedDB transaction was aborted"));
    transaction.onerror = () => reject(transaction.error ?? new Error("an IndexedDB transaction failed"));
  });
}

function describe(error: unknown): string {
  if (error instanceof Error || (typeof DOMException !== "undefined" && error instanceof DOMException)) return error.message;
  return String(error);
}
