/**
 * One IndexedDB object store as a small key-value store, for what the browser keeps between visits
 * (the synced log, verified provider profiles). Failures are typed: a browser that keeps no
 * IndexedDB (private windows, a policy) or refuses a write (the quota) is told apart from a bug.
 */

/** The browser keeps no IndexedDB for this page (private mode, a policy, a blocked upgrade). */
export class BrowserStorageUnavailableError extends Error {
  readonly code = "BROWSER_STORAGE_UNAVAILABLE";
  constructor(
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(`This browser does not let the portal keep ${what} (${describe(cause)}); it is read again on every visit.`);
    this.name = "BrowserStorageUnavailableError";
  }
}

/** A write failed (most often the browser's storage quota). */
export class BrowserStorageWriteError extends Error {
  readonly code = "BROWSER_STORAGE_WRITE_FAILED";
  constructor(
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(`${what.charAt(0).toUpperCase()}${what.slice(1)} could not be saved in this browser (${describe(cause)}); it is read again next visit. Free some storage to keep it.`);
    this.name = "BrowserStorageWriteError";
  }
}

export interface IndexedDbStoreOptions {
  /** The IndexedDB to use; the page's own by default (tests pass another implementation). */
  factory?: IDBFactory;
}

export class IndexedDbStore<Value> {
  private constructor(
    private readonly database: IDBDatabase,
    private readonly store: string,
    /** What is kept, for error sentences ("a copy of the log"). */
    private readonly what: string,
  ) {}

  /** Opens `database` with its one object store `store`, creating both on first use. */
  static async open<Value>(database: string, store: string, what: string, options: IndexedDbStoreOptions = {}): Promise<IndexedDbStore<Value>> {
    const factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (factory === undefined) throw new BrowserStorageUnavailableError(what, new Error("no IndexedDB in this environment"));
    try {
      return new IndexedDbStore<Value>(await openDatabase(factory, database, store), store, what);
    } catch (error) {
      throw new BrowserStorageUnavailableError(what, error);
    }
  }

  async get(key: string): Promise<Value | undefined> {
    return (await request(this.database.transaction(this.store, "readonly").objectStore(this.store).get(key))) as Value | undefined;
  }

  async put(key: string, value: Value): Promise<void> {
    try {
      const transaction = this.database.transaction(this.store, "readwrite");
      transaction.objectStore(this.store).put(value, key);
      await completion(transaction);
    } catch (error) {
      throw new BrowserStorageWriteError(this.what, error);
    }
  }

  async delete(key: string): Promise<void> {
    const transaction = this.database.transaction(this.store, "readwrite");
    transaction.objectStore(this.store).delete(key);
    await completion(transaction);
  }

  close(): void {
    this.database.close();
  }
}

function openDatabase(factory: IDBFactory, name: string, store: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(name, 1);
    opening.onupgradeneeded = () => {
      if (!opening.result.objectStoreNames.contains(store)) opening.result.createObjectStore(store);
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
