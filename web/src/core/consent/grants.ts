/**
 * Grants as people see them: a patient's list of everyone they ever gave access to, and a
 * provider's list of patients who give it access. Events say who was ever granted; the contract's
 * `grantOf` and `hasAccess` say what holds now.
 */
import { readBlockTimestamps } from "../chain/block-facts.js";
import { categoriesOf } from "../chain/categories.js";
import type { LedgerConnection } from "../chain/connection.js";
import { latestBlockTime, readLedgerEvents, type LedgerEvent } from "../chain/events.js";
import { readGrantOf, readHasAccess, type Grant } from "../chain/views.js";
import type { Address } from "../ledger-context.js";

export type GrantState = "active" | "expired" | "revoked";

export interface GrantSummary {
  patient: Address;
  grantee: Address;
  /** Categories the grantee may read (write implies read); for a revoked grant, those it could. */
  readCategories: number[];
  writeCategories: number[];
  /** Unix seconds; 0 when the grant never expires. */
  expiresAt: number;
  /** Unix seconds of the grant (of the last one, for a revoked grant). */
  grantedAt: number;
  state: GrantState;
  /** Seconds until an active grant expires; absent for one without expiry and when not active. */
  secondsLeft?: number;
  /**
   * The chain lets the grantee read now. False for an active grant while the patient or the grantee
   * is suspended or the ledger is paused, and whenever the grant is not active.
   */
  accessNow: boolean;
}

/** The last AccessGranted event per counterpart, keyed by its lower-cased address, oldest first. */
function lastGrants(events: readonly LedgerEvent<"AccessGranted">[], counterpart: (event: LedgerEvent<"AccessGranted">) => Address) {
  const last = new Map<string, LedgerEvent<"AccessGranted">>();
  for (const event of events) {
    const key = counterpart(event).toLowerCase();
    last.delete(key);
    last.set(key, event);
  }
  return [...last.values()];
}

async function summarizeStored(connection: LedgerConnection, patient: Address, grantee: Address, stored: Grant, now: number): Promise<GrantSummary> {
  const readCategories = categoriesOf(stored.readScope);
  const expired = stored.expiresAt !== 0 && now >= stored.expiresAt;
  const first = readCategories[0];
  const accessNow = !expired && first !== undefined && (await readHasAccess(connection, patient, grantee, first, false));
  return {
    patient,
    grantee,
    readCategories,
    writeCategories: categoriesOf(stored.writeScope),
    expiresAt: stored.expiresAt,
    grantedAt: stored.grantedAt,
    state: expired ? "expired" : "active",
    ...(expired || stored.expiresAt === 0 ? {} : { secondsLeft: stored.expiresAt - now }),
    accessNow,
  };
}

/**
 * Everyone `patient` ever granted, with the state of their latest grant, most recently granted
 * first. `now` (unix seconds) defaults to the latest block's time.
 */
export async function readPatientGrants(connection: LedgerConnection, patient: Address, now?: bigint): Promise<GrantSummary[]> {
  const [granted, at] = await Promise.all([readLedgerEvents(connection, "AccessGranted", { patient }), now ?? latestBlockTime(connection)]);
  const seconds = Number(at);
  const latest = lastGrants(granted, (event) => event.args.grantee).reverse();
  const stored = await Promise.all(latest.map((event) => readGrantOf(connection, patient, event.args.grantee)));
  const revokedBlocks = latest.filter((_, index) => stored[index]?.readScope === 0).map((event) => event.blockNumber);
  const timestamps = await readBlockTimestamps(connection, revokedBlocks);
  return Promise.all(
    latest.map(async (event, index): Promise<GrantSummary> => {
      const grant = stored[index] as Grant;
      const { grantee, readScope, writeScope, expiresAt } = event.args;
      if (grant.readScope !== 0) return summarizeStored(connection, patient, grantee, grant, seconds);
      return {
        patient,
        grantee,
        readCategories: categoriesOf(readScope),
        writeCategories: categoriesOf(writeScope),
        expiresAt,
        grantedAt: timestamps.get(event.blockNumber) as number,
        state: "revoked",
        accessNow: false,
      };
    }),
  );
}

/**
 * The patients whose grant to `provider` stands, active or expired (revoked ones are left out),
 * most recently granted first. `now` (unix seconds) defaults to the latest block's time.
 */
export async function readGrantsToProvider(connection: LedgerConnection, provider: Address, now?: bigint): Promise<GrantSummary[]> {
  const [granted, at] = await Promise.all([readLedgerEvents(connection, "AccessGranted", { grantee: provider }), now ?? latestBlockTime(connection)]);
  const seconds = Number(at);
  const patients = lastGrants(granted, (event) => event.args.patient).reverse().map((event) => event.args.patient);
  const stored = await Promise.all(patients.map((patient) => readGrantOf(connection, patient, provider)));
  const standing = patients.flatMap((patient, index) => {
    const grant = stored[index] as Grant;
    return grant.readScope === 0 ? [] : [{ patient, grant }];
  });
  return Promise.all(standing.map(({ patient, grant }) => summarizeStored(connection, patient, provider, grant, seconds)));
}
