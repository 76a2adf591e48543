/**
 * Every grant as a period of time, rebuilt from the access log alone: who could read or write which
 * categories of whose data, from which AccessGranted entry until it was revoked, replaced by a later
 * grant to the same grantee (`grant` overwrites, it never merges) or ran out. The state as of the
 * newest entry answers `grantOf` and `hasAccess` as the contract does.
 */
import type { AccessGrantedEntry, AccessLogEntry, AccessRevokedEntry } from "../access-log/entry.js";
import type { Address } from "../ledger-context.js";
import { accessRefusal, scopeOf, type AccessRefusal } from "./access-rule.js";
import { AddressKeys } from "./address-keys.js";
import { isBefore, lastIndexBefore, positionOf, requireChainOrder, type EntryPosition } from "./chain-order.js";
import { LedgerStatus } from "./ledger-status.js";

/** The entry that took a grant out of the contract's storage; `at` is its block's time. */
export type GrantClosing =
  | { how: "revoked"; at: number; entry: EntryPosition }
  /** `by` is the id of the grant that replaced it. */
  | { how: "replaced"; at: number; entry: EntryPosition; by: number };

/** How a grant stopped giving access: closed by an entry, or expired at `at` while still stored. */
export type GrantEnd = GrantClosing | { how: "expired"; at: number };

export interface GrantPeriod {
  /** Its index in GrantIndex.periods, which is the chain order of the grants. */
  id: number;
  patient: Address;
  grantee: Address;
  /** Bitmasks as stored; readScope includes writeScope. */
  readScope: number;
  writeScope: number;
  readCategories: readonly number[];
  writeCategories: readonly number[];
  /** Unix seconds of the grant's block: the start, and `grantOf`'s grantedAt. */
  grantedAt: number;
  /** Unix seconds; undefined when it never expires. */
  expiresAt?: number;
  /** The access-granted entry that made it. */
  granted: EntryPosition;
  /** Undefined while it is still stored (it may have expired all the same: see grantEnd). */
  closedBy?: GrantClosing;
}

/** The contract's `grantOf`: zeros when nothing is stored for the pair. */
export interface StoredGrant {
  readScope: number;
  writeScope: number;
  /** 0: no expiry. */
  expiresAt: number;
  grantedAt: number;
}

export interface AccessDecision {
  allowed: boolean;
  /** Why not, in the contract's order of checks. */
  refusal?: AccessRefusal;
  /** The grant stored for the pair at that point, if any (undefined for the patient's own data). */
  period?: GrantPeriod;
}

export interface GrantPair {
  patient: Address;
  grantee: Address;
}

/** How `period` ended as of `now` (unix seconds), or undefined while it still gives access. */
export function grantEnd(period: GrantPeriod, now: number): GrantEnd | undefined {
  const { closedBy, expiresAt } = period;
  // The contract refuses from the expiry's second on, so a grant revoked at or after it had expired.
  if (expiresAt !== undefined && expiresAt <= (closedBy?.at ?? now)) return { how: "expired", at: expiresAt };
  return closedBy;
}

/** Lists under two keys: the patient, then the grantee. */
class PairMap<V> {
  private readonly byPatient = new Map<string, Map<string, V>>();

  get(patient: string, grantee: string): V | undefined {
    return this.byPatient.get(patient)?.get(grantee);
  }

  set(patient: string, grantee: string, value: V): void {
    const ofPatient = this.byPatient.get(patient);
    if (ofPatient === undefined) this.byPatient.set(patient, new Map([[grantee, value]]));
    else ofPatient.set(grantee, value);
  }

  delete(patient: string, grantee: string): void {
    this.byPatient.get(patient)?.delete(grantee);
  }
}

const grantedOf = (period: GrantPeriod) => period.granted;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export class GrantIndex {
  private constructor(
    /** Every grant, in chain order. */
    readonly periods: readonly GrantPeriod[],
    /** Kinds, activity and pauses over the same entries. */
    readonly status: LedgerStatus,
    /** The newest entry's position: "now" for grantOf and hasAccess means after it. */
    readonly asOf: EntryPosition | undefined,
    private readonly byPair: PairMap<readonly GrantPeriod[]>,
    private readonly byPatient: ReadonlyMap<string, readonly GrantPeriod[]>,
    private readonly byGrantee: ReadonlyMap<string, readonly GrantPeriod[]>,
    /** Every pair's list once, in the order of its first grant. */
    private readonly pairLists: readonly (readonly GrantPeriod[])[],
    private readonly keys: AddressKeys,
  ) {}

  /** One pass over `entries`, which must be in chain order (EntriesOutOfOrderError otherwise). */
  static of(entries: readonly AccessLogEntry[]): GrantIndex {
    requireChainOrder(entries);
    const keys = new AddressKeys();
    const periods: GrantPeriod[] = [];
    const byPair = new PairMap<GrantPeriod[]>();
    const pairLists: GrantPeriod[][] = [];
    const byPatient = new Map<string, GrantPeriod[]>();
    const byGrantee = new Map<string, GrantPeriod[]>();
    const stored = new PairMap<GrantPeriod>();

    const grant = (entry: AccessGrantedEntry) => {
      const [patient, grantee] = [keys.of(entry.patient), keys.of(entry.subject)];
      const period: GrantPeriod = {
        id: periods.length,
        patient: entry.patient,
        grantee: entry.subject,
        // Write implies read: the contract stores readScope | writeScope, whatever the log says.
        readScope: scopeOf(entry.readCategories) | scopeOf(entry.writeCategories),
        writeScope: scopeOf(entry.writeCategories),
        readCategories: entry.readCategories,
        writeCategories: entry.writeCategories,
        grantedAt: entry.timestamp,
        ...(entry.expiresAt === undefined ? {} : { expiresAt: entry.expiresAt }),
        granted: positionOf(entry),
      };
      const previous = stored.get(patient, grantee);
      if (previous !== undefined) previous.closedBy = { how: "replaced", at: entry.timestamp, entry: period.granted, by: period.id };
      stored.set(patient, grantee, period);
      periods.push(period);
      const ofPair = byPair.get(patient, grantee);
      if (ofPair === undefined) {
        const list = [period];
        byPair.set(patient, grantee, list);
        pairLists.push(list);
      } else {
        ofPair.push(period);
      }
      pushTo(byPatient, patient, period);
      pushTo(byGrantee, grantee, period);
    };
    // A revoke without a stored grant emits nothing on chain; one here means the log starts late.
    const revoke = (entry: AccessRevokedEntry) => {
      const [patient, grantee] = [keys.of(entry.patient), keys.of(entry.subject)];
      const previous = stored.get(patient, grantee);
      if (previous === undefined) return;
      previous.closedBy = { how: "revoked", at: entry.timestamp, entry: positionOf(entry) };
      stored.delete(patient, grantee);
    };

    for (const entry of entries) {
      if (entry.action === "access-granted") grant(entry);
      else if (entry.action === "access-revoked") revoke(entry);
    }
    const newest = entries.at(-1);
    return new GrantIndex(periods, LedgerStatus.of(entries, keys), newest && positionOf(newest), byPair, byPatient, byGrantee, pairLists, keys);
  }

  /** Every grant `patient` gave `grantee`, oldest first. */
  periodsOf(patient: Address, grantee: Address): readonly GrantPeriod[] {
    return this.byPair.get(this.keys.of(patient), this.keys.of(grantee)) ?? [];
  }

  /** Every grant `patient` gave, oldest first. */
  periodsOfPatient(patient: Address): readonly GrantPeriod[] {
    return this.byPatient.get(this.keys.of(patient)) ?? [];
  }

  /** Every grant `grantee` received, oldest first. */
  periodsOfGrantee(grantee: Address): readonly GrantPeriod[] {
    return this.byGrantee.get(this.keys.of(grantee)) ?? [];
  }

  /** Every (patient, grantee) with at least one grant, in the order of their first grant. */
  pairs(): GrantPair[] {
    return this.pairLists.map((periods) => {
      const { patient, grantee } = periods[0] as GrantPeriod;
      return { patient, grantee };
    });
  }

  /** The grant in storage for the pair just before `at`, or after the newest entry when `at` is left out. */
  storedAt(patient: Address, grantee: Address, at?: EntryPosition): GrantPeriod | undefined {
    const periods = this.periodsOf(patient, grantee);
    const index = at === undefined ? periods.length - 1 : lastIndexBefore(periods, at, grantedOf);
    const period = periods[index];
    if (period === undefined) return undefined;
    // Only a revoke can have closed the last grant started before `at`: a replacement would be later.
    const closed = period.closedBy !== undefined && (at === undefined || isBefore(period.closedBy.entry, at));
    return closed ? undefined : period;
  }

  /** What `grantOf(patient, grantee)` returns after the newest entry. */
  grantOf(patient: Address, grantee: Address): StoredGrant {
    const period = this.storedAt(patient, grantee);
    if (period === undefined) return { readScope: 0, writeScope: 0, expiresAt: 0, grantedAt: 0 };
    return { readScope: period.readScope, writeScope: period.writeScope, expiresAt: period.expiresAt ?? 0, grantedAt: period.grantedAt };
  }

  /**
   * The contract's decision on `grantee` using `category` of `patient`'s data (writing when
   * `write`) just before the entry at `at` (after the newest entry when left out), with expiry
   * judged at `now` (unix seconds: the block's time).
   */
  decide(patient: Address, grantee: Address, category: number, write: boolean, now: number, at?: EntryPosition): AccessDecision {
    const { status } = this;
    const self = this.keys.of(patient) === this.keys.of(grantee);
    const period = self ? undefined : this.storedAt(patient, grantee, at);
    const refusal = accessRefusal({
      paused: status.isPaused(at),
      patientKind: status.kindOf(patient, at),
      patientActive: status.isActive(patient, at),
      self,
      grant: period && { readScope: period.readScope, writeScope: period.writeScope, expiresAt: period.expiresAt ?? 0 },
      granteeActive: status.isActive(grantee, at),
      now,
    }, category, write);
    return { allowed: refusal === undefined, ...(refusal === undefined ? {} : { refusal }), ...(period === undefined ? {} : { period }) };
  }

  /** What `hasAccess(patient, grantee, category, write)` returns after the newest entry, in a block at `now`. */
  hasAccess(patient: Address, grantee: Address, category: number, write: boolean, now: number): boolean {
    return this.decide(patient, grantee, category, write, now).allowed;
  }
}

