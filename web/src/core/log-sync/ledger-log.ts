/**
 * The ledger's whole log, synced incrementally and kept in a cache. Only events at least
 * `confirmations` blocks deep are final and cached; the younger tail is read again on every sync.
 * The hashes of recent final blocks are remembered: when the chain no longer has one of them (a
 * reorg), everything from the newest block that still matches is dropped and read again, and so is
 * everything from a log that a provider reports as removed.
 */
import { BlockNotFoundError } from "viem";

import type { AccessLogEntry } from "../access-log/entry.js";
import { toAccessLogEntries } from "../access-log/entries.js";
import type { LedgerConnection } from "../chain/connection.js";
import { latestBlockNumber } from "../chain/events.js";
import type { Address } from "../ledger-context.js";
import { isTooMuchError, type SpanPolicy } from "./block-span.js";
import { ledgerEventPages } from "./ledger-log-pages.js";
import type { LogCache } from "./log-cache.js";
import { decodeLogSnapshot, encodeLogSnapshot, entryLine, type Checkpoint, type LogSnapshot } from "./log-snapshot.js";
import { readAhead } from "./read-ahead.js";
import { LogIndex, queryNewestFirst, type LogQuery, type LogQueryPage } from "./log-query.js";
import { recordKey } from "../records/record-key.js";

/** Final blocks whose hashes are kept to find where a reorg forked. */
const CHECKPOINTS_KEPT = 64;
/**
 * Events mapped at once: their distinct blocks and transactions are fetched together (one JSON-RPC
 * batch on a batching transport), and never more than twice this many requests are in flight.
 */
const FACTS_CHUNK = 1_000;
const REFUSED_FACTS_ATTEMPTS = 3;

export interface LedgerLogOptions {
  /** Blocks an event must be under before it is final and cached (0 on a dev chain). */
  confirmations?: number;
  policy?: SpanPolicy;
}

export interface SyncProgress {
  fromBlock: bigint;
  toBlock: bigint;
  /** Blocks read so far of this sync. */
  scannedTo: bigint;
  /** New final entries so far. */
  entries: number;
}

export interface SyncOptions {
  onProgress?(progress: SyncProgress): void;
  /** Stops the sync between requests; what was final by then is kept and saved. */
  signal?: AbortSignal;
}

export interface SyncReport {
  /** Final entries added by this sync. */
  added: number;
  /** Final entries dropped because their blocks left the chain. */
  rolledBack: number;
  /** The chain's head when the sync began. */
  head: bigint;
}

export const DEFAULT_CONFIRMATIONS = 2;

export class LedgerLog {
  readonly #index = new LogIndex();
  #tentative = new LogIndex();
  #running: Promise<void> = Promise.resolve();
  /** The cache's line of each final entry so far (log-snapshot.ts), filled in when saving. */
  #lines: string[] = [];
  #syncedTo: bigint;
  #checkpoints: Checkpoint[] = [];
  readonly #categories = new Map<string, number>();

  private constructor(
    private readonly connection: LedgerConnection,
    private readonly cache: LogCache,
    private readonly options: Required<Pick<LedgerLogOptions, "confirmations">> & LedgerLogOptions,
  ) {
    this.#syncedTo = connection.deploymentBlock - 1n;
  }

  /** The log as cached (a cache of another chain or contract is ignored), ready to sync. */
  static async open(connection: LedgerConnection, cache: LogCache, options: LedgerLogOptions = {}): Promise<LedgerLog> {
    const confirmations = options.confirmations ?? DEFAULT_CONFIRMATIONS;
    if (!Number.isInteger(confirmations) || confirmations < 0) throw new RangeError(`confirmations must be a whole number ≥ 0 (got ${confirmations})`);
    const log = new LedgerLog(connection, cache, { ...options, confirmations });
    const text = await cache.load();
    const snapshot = text === undefined ? undefined : decodeLogSnapshot(text);
    if (snapshot !== undefined) log.#restore(snapshot);
    return log;
  }

  /** The last block whose events are all final and cached. */
  get syncedTo(): bigint {
    return this.#syncedTo;
  }

  /** Final entries, then the unconfirmed tail, in chain order. */
  get entries(): readonly AccessLogEntry[] {
    return [...this.#index.entries, ...this.#tentative.entries];
  }

  get size(): number {
    return this.#index.entries.length + this.#tentative.entries.length;
  }

  /**
   * Reads what is new since the last sync (after undoing what a reorg took away) and saves the final
   * part. Calls made while a sync runs wait for it and then sync again.
   */
  sync(options: SyncOptions = {}): Promise<SyncReport> {
    const run = this.#running.then(() => this.#sync(options));
    this.#running = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #sync(options: SyncOptions): Promise<SyncReport> {
    const head = await latestBlockNumber(this.connection);
    let rolledBack = await this.#undoReorg();
    const finalTo = head - BigInt(this.options.confirmations);
    const fromBlock = this.#syncedTo + 1n;
    const checkpointsBefore = this.#checkpoints;
    let added = 0;
    const tentative = new LogIndex();
    // Categories of records added in this sync's unconfirmed part: usable within it, forgotten after.
    const tentativeCategories = new Map<string, number>();
    const known = (patient: Address, recordId: bigint) => this.#categories.get(recordKey(patient, recordId)) ?? tentativeCategories.get(recordKey(patient, recordId));
    const pagesOptions = { ...(this.options.policy === undefined ? {} : { policy: this.options.policy }), ...(options.signal === undefined ? {} : { signal: options.signal }) };
    let interrupted = false;

    try {
      for await (const page of readAhead(ledgerEventPages(this.connection, fromBlock, head, pagesOptions))) {
        // The page read ahead came in after an abort: it is not taken.
        options.signal?.throwIfAborted();
        const removed = page.logs.find((event) => event.removed);
        if (removed !== undefined) {
          // A provider took a log back mid-read: forget what came from its block on, read it next sync.
          rolledBack += this.#rollBackFrom(removed.blockNumber);
          interrupted = true;
          break;
        }
        // A page is taken whole or not at all, so a failure halfway never leaves half of it cached.
        const pageEntries: AccessLogEntry[] = [];
        const pageCategories = new Map<string, number>();
        for (let start = 0; start < page.logs.length; start += FACTS_CHUNK) {
          // Block times and senders of at most FACTS_CHUNK events in flight at once.
          const knownCategory = (patient: Address, recordId: bigint) => known(patient, recordId) ?? pageCategories.get(recordKey(patient, recordId));
          const chunk = page.logs.slice(start, start + FACTS_CHUNK);
          const entries = await askedAgainOnRefusal(() => toAccessLogEntries(this.connection, chunk, { toBlock: page.toBlock, knownCategory }));
          entries.forEach((entry) => this.#remember(entry, pageCategories));
          pageEntries.push(...entries);
        }
        for (const entry of pageEntries) {
          if (entry.blockNumber <= finalTo) {
            this.#index.append([entry]);
            this.#remember(entry, this.#categories);
            added++;
          } else {
            tentative.append([entry]);
            this.#remember(entry, tentativeCategories);
          }
        }
        this.#syncedTo = page.toBlock <= finalTo ? page.toBlock : finalTo > this.#syncedTo ? finalTo : this.#syncedTo;
        options.onProgress?.({ fromBlock, toBlock: head, scannedTo: page.toBlock, entries: added });
      }
      options.signal?.throwIfAborted();
      if (!interrupted && finalTo > this.#syncedTo) this.#syncedTo = finalTo;
      this.#tentative = interrupted ? new LogIndex() : tentative;
    } catch (error) {
      // The old tail may overlap what became final since; the next sync reads it again.
      this.#tentative = new LogIndex();
      throw error;
    } finally {
      // What became final before a failure or an abort stays: the next sync goes on from there.
      if (this.#syncedTo >= fromBlock) await this.#checkpoint();
      // A whole log is a large text: it is written only when its final part changed.
      if (this.#checkpoints !== checkpointsBefore || added > 0 || rolledBack > 0) await this.cache.save(this.#snapshotText());
    }
    return { added, rolledBack, head };
  }

  /** Entries matching `query`, newest first, the unconfirmed tail included. */
  query(query: LogQuery): LogQueryPage {
    return queryNewestFirst(this.#index, this.#tentative, query);
  }

  /** Every entry matching `filter`, in chain order: what exports and one patient's views walk. */
  matching(filter: Omit<LogQuery, "offset" | "limit"> = {}): AccessLogEntry[] {
    return this.query({ ...filter, limit: Infinity }).entries.reverse();
  }

  /** Compares the remembered final blocks with the chain's; drops everything after the newest that still matches. */
  async #undoReorg(): Promise<number> {
    for (let i = this.#checkpoints.length - 1; i >= 0; i--) {
      const checkpoint = this.#checkpoints[i] as Checkpoint;
      // A block the chain no longer has is a mismatch; any other failure is the provider's and stops the sync.
      const block = await this.connection.publicClient.getBlock({ blockNumber: checkpoint.blockNumber }).catch((error: unknown) => {
        if (error instanceof BlockNotFoundError) return undefined;
        throw error;
      });
      if (block?.hash === checkpoint.hash) {
        if (i === this.#checkpoints.length - 1) return 0;
        return this.#rollBackFrom(checkpoint.blockNumber + 1n);
      }
    }
    return this.#checkpoints.length === 0 ? 0 : this.#rollBackFrom(this.connection.deploymentBlock);
  }

  /** Forgets every final entry from `blockNumber` on; returns how many. */
  #rollBackFrom(blockNumber: bigint): number {
    const before = this.#index.entries.length;
    this.#index.truncateFrom(blockNumber);
    // The index keeps a prefix (entries are in chain order), so the lines do too.
    this.#lines.length = Math.min(this.#lines.length, this.#index.entries.length);
    this.#categories.clear();
    this.#index.entries.forEach((entry) => this.#remember(entry, this.#categories));
    this.#checkpoints = this.#checkpoints.filter((checkpoint) => checkpoint.blockNumber < blockNumber);
    if (this.#syncedTo >= blockNumber) this.#syncedTo = blockNumber - 1n;
    this.#tentative = new LogIndex();
    return before - this.#index.entries.length;
  }

  async #checkpoint(): Promise<void> {
    if (this.#syncedTo < this.connection.deploymentBlock) return;
    const last = this.#checkpoints.at(-1);
    if (last !== undefined && last.blockNumber === this.#syncedTo) return;
    const block = await this.connection.publicClient.getBlock({ blockNumber: this.#syncedTo });
    if (block.hash === null) return;
    this.#checkpoints = [...this.#checkpoints, { blockNumber: this.#syncedTo, hash: block.hash }].slice(-CHECKPOINTS_KEPT);
  }

  #remember(entry: AccessLogEntry, categories: Map<string, number>): void {
    if ((entry.action === "record-added" || entry.action === "record-amended") && entry.recordId !== undefined && entry.patient !== undefined) {
      const [category] = entry.categories ?? [];
      if (category !== undefined) categories.set(recordKey(entry.patient, entry.recordId), category);
    }
  }

  #snapshotText(): string {
    const entries = this.#index.entries;
    for (let i = this.#lines.length; i < entries.length; i++) this.#lines.push(entryLine(entries[i] as AccessLogEntry));
    const header = { chainId: this.connection.chainId, contract: this.connection.address.toLowerCase(), syncedTo: this.#syncedTo, checkpoints: this.#checkpoints };
    return encodeLogSnapshot(header, this.#lines);
  }

  #restore({ header, entries, lines }: LogSnapshot): void {
    const same = header.chainId === this.connection.chainId && header.contract === this.connection.address.toLowerCase();
    if (!same) return;
    this.#index.append(entries);
    this.#lines = lines;
    entries.forEach((entry) => this.#remember(entry, this.#categories));
    this.#syncedTo = header.syncedTo;
    this.#checkpoints = header.checkpoints;
  }
}

/**
 * The block and sender requests of a page go out in one JSON-RPC batch with the next page's
 * eth_getLogs (read ahead, same tick); when that page is refused as too large, so is the whole
 * batch. Those requests are then simply asked again, in a batch of their own.
 */
async function askedAgainOnRefusal<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= REFUSED_FACTS_ATTEMPTS || !isTooMuchError(error)) throw error;
    }
  }
}
