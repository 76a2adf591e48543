/**
 * The ledger's log as the portal's pages share it: one synced LedgerLog per ledger for the whole tab,
 * opened from the browser's cache (so a visit shows what it had at once), then kept current by syncs
 * that pages ask for. Pages subscribe to snapshots; a snapshot's `version` changes only when the
 * log's contents did, so derived views are recomputed only then.
 */
import type { LedgerConnection } from "../../core/chain/connection.js";
import { LedgerLog, type SyncProgress, type SyncReport } from "../../core/log-sync/ledger-log.js";
import type { LogCache } from "../../core/log-sync/log-cache.js";

export type LiveLogStatus =
  | { state: "opening" }
  | { state: "syncing"; progress?: SyncProgress }
  | { state: "synced"; report: SyncReport; at: number }
  | { state: "failed"; error: unknown; at: number };

export interface LiveLogSnapshot {
  /** Undefined until the cache has been read. */
  log: LedgerLog | undefined;
  /** Changes whenever the log's entries did. */
  version: number;
  /**
   * The log has been read to some point as a whole: restored from this browser's copy, or synced
   * once in this tab. Until then an empty or short log means "not read yet", not "nothing happened".
   */
  ready: boolean;
  status: LiveLogStatus;
  /** The log could not be kept in this browser: shown as a warning, the log itself still works. */
  cacheProblem?: Error;
}

export interface LiveLogOptions {
  connection: LedgerConnection;
  /**
   * The browser's cache, or a memory cache when it has none; either way never rejecting. Problems
   * with it (no IndexedDB, a full quota) go to `reportProblem` as warnings: the log works without it.
   */
  openCache(reportProblem: (problem: Error) => void): Promise<LogCache>;
  confirmations: number;
  now?: () => number;
}

type Listener = () => void;

export class LiveLedgerLog {
  #snapshot: LiveLogSnapshot = { log: undefined, version: 0, ready: false, status: { state: "opening" } };
  readonly #listeners = new Set<Listener>();
  readonly #opened: Promise<LedgerLog>;
  #syncing: Promise<void> | undefined;
  readonly #now: () => number;

  constructor(options: LiveLogOptions) {
    this.#now = options.now ?? Date.now;
    this.#opened = (async () => {
      const cache = await options.openCache((problem) => this.#update({ cacheProblem: problem }));
      const log = await LedgerLog.open(options.connection, cache, { confirmations: options.confirmations });
      this.#update({ log, version: 1, ready: log.syncedTo >= options.connection.deploymentBlock });
      return log;
    })();
    // A failed open shows as a failed sync; sync() reports it again to whoever asks.
    this.#opened.catch((error: unknown) => this.#update({ status: { state: "failed", error, at: this.#now() } }));
  }

  getSnapshot = (): LiveLogSnapshot => this.#snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Reads what is new; a call while a sync runs joins it instead of queueing another. */
  sync(): Promise<void> {
    this.#syncing ??= this.#sync().finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  async #sync(): Promise<void> {
    const log = await this.#opened;
    const before = contentsKey(log);
    this.#update({ status: { state: "syncing" } });
    try {
      const report = await log.sync({ onProgress: (progress) => this.#update({ status: { state: "syncing", progress } }) });
      this.#update({ status: { state: "synced", report, at: this.#now() }, ready: true, ...this.#versionAfter(log, before) });
    } catch (error) {
      // What became final before the failure is kept by the log, and shown.
      this.#update({ status: { state: "failed", error, at: this.#now() }, ready: true, ...this.#versionAfter(log, before) });
    }
  }

  #versionAfter(log: LedgerLog, before: string): Partial<LiveLogSnapshot> {
    return contentsKey(log) === before ? {} : { version: this.#snapshot.version + 1 };
  }

  #update(change: Partial<LiveLogSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    for (const listener of this.#listeners) listener();
  }
}

/** Enough to tell whether a sync changed the entries: their number, where the final part ends, and the newest one. */
function contentsKey(log: LedgerLog): string {
  const newest = log.query({ limit: 1 }).entries[0];
  return `${log.size}:${log.syncedTo}:${newest === undefined ? "" : `${newest.blockNumber}:${newest.logIndex}:${newest.transactionHash}`}`;
}
