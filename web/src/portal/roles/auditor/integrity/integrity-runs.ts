/**
 * The auditor's integrity verdicts for this visit: one check or a bulk run at a time, every verdict
 * kept by record so each page (the integrity list, a patient's records) shows what was found. A
 * failure of the IPFS node stops a run without turning into a verdict; the verdicts reached stay.
 */
import { checkIntegrityInBulk, IntegrityRunStoppedError, type BulkIntegrityProgress } from "../../../../core/audit/integrity-bulk.js";
import type { CheckableRecord } from "../../../../core/audit/integrity-records.js";
import { checkRecordIntegrity, type IntegrityDepth, type IntegrityResult } from "../../../../core/audit/integrity.js";
import type { IpfsStore } from "../../../../core/ipfs/store.js";
import type { Address } from "../../../../core/ledger-context.js";
import { recordKey } from "../../../../core/records/record-key.js";

export type RecordVerdict = IntegrityResult<CheckableRecord>;

export interface IntegrityRunsSnapshot {
  /** Every verdict of this visit by verdictKey; the same map throughout, `version` tells when it grew. */
  verdicts: ReadonlyMap<string, RecordVerdict>;
  version: number;
  /** Records being checked one by one (their own button). */
  checking: ReadonlySet<string>;
  /** The bulk run in progress, if any. */
  bulk?: BulkIntegrityProgress;
  /** Why the last check or run stopped short (the node failed, or the auditor stopped it). */
  stopped?: Error;
}

export function verdictKey(record: { patient: Address; recordId: bigint }): string {
  return recordKey(record.patient, record.recordId);
}

type Listener = () => void;

/** A bulk run reports every few bytes; pages redraw at most this often. */
const NOTIFY_EVERY_MS = 100;

export class IntegrityRuns {
  readonly #verdicts = new Map<string, RecordVerdict>();
  #snapshot: IntegrityRunsSnapshot = { verdicts: this.#verdicts, version: 0, checking: new Set() };
  /** What pages see: the snapshot as of the last notification, so it changes only when they are told. */
  #published = this.#snapshot;
  readonly #listeners = new Set<Listener>();
  #bulk: AbortController | undefined;
  #notifyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly loadIpfs: () => Promise<IpfsStore>) {}

  getSnapshot = (): IntegrityRunsSnapshot => this.#published;

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  async check(record: CheckableRecord, depth: IntegrityDepth): Promise<void> {
    const key = verdictKey(record);
    if (this.#snapshot.checking.has(key)) return;
    this.#update({ checking: new Set([...this.#snapshot.checking, key]), stopped: undefined });
    try {
      this.#keep([await checkRecordIntegrity(await this.loadIpfs(), record, { depth })]);
    } catch (error) {
      this.#update({ stopped: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      const checking = new Set(this.#snapshot.checking);
      checking.delete(key);
      this.#update({ checking });
    }
  }

  /** Checks `records` in bulk; a second call while one runs is ignored (the page offers Stop instead). */
  async checkAll(records: readonly CheckableRecord[], depth: IntegrityDepth): Promise<void> {
    if (this.#bulk !== undefined) return;
    const controller = new AbortController();
    this.#bulk = controller;
    this.#update({ bulk: { done: 0, total: records.length, verified: 0, mismatch: 0, missing: 0, bytes: 0 }, stopped: undefined });
    try {
      await checkIntegrityInBulk(await this.loadIpfs(), records, {
        depth,
        signal: controller.signal,
        onProgress: (bulk) => this.#update({ bulk }),
        onResult: (verdict) => this.#keep([verdict]),
      });
    } catch (error) {
      // Every verdict reached already came through onResult.
      this.#update({ stopped: error instanceof IntegrityRunStoppedError || error instanceof Error ? error : new Error(String(error)) });
    } finally {
      this.#bulk = undefined;
      this.#update({ bulk: undefined });
    }
  }

  stop(): void {
    this.#bulk?.abort(new Error("stopped by the auditor"));
  }

  #keep(verdicts: readonly RecordVerdict[]): void {
    // One map, grown in place: a run over 20,000 records must not copy it 20,000 times.
    for (const verdict of verdicts) this.#verdicts.set(verdictKey(verdict.record), verdict);
    this.#update({ version: this.#snapshot.version + 1 });
  }

  #update(change: Partial<IntegrityRunsSnapshot>): void {
    const next = { ...this.#snapshot, ...change };
    if (next.stopped === undefined) delete next.stopped;
    if (next.bulk === undefined) delete next.bulk;
    this.#snapshot = next;
    this.#notifyTimer ??= setTimeout(() => {
      this.#notifyTimer = undefined;
      this.#published = this.#snapshot;
      for (const listener of this.#listeners) listener();
    }, NOTIFY_EVERY_MS);
  }
}
