/**
 * The property of issue 5: grants rebuilt from the chain's log equal the chain's own state, after
 * seeded random sequences of everything that changes them. A failure names its seed and step; run
 * that seed alone with `SEEDS` narrowed to reproduce it.
 */
import { describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../web/src/core/access-log/entries.js";
import type { AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import { GrantIndex } from "../../../../../web/src/core/audit/grant-periods.js";
import { underGrant } from "../../../../../web/src/core/audit/under-grant.js";
import { CATEGORY_COUNT } from "../../../../../web/src/core/chain/categories.js";
import { LedgerRevertError } from "../../../../../web/src/core/chain/errors.js";
import { sendLedgerTransaction, type LedgerTransactionResult } from "../../../../../web/src/core/chain/transactions.js";
import { readGrantOf, readHasAccess, readLedgerView, readScopeKeyState } from "../../../../../web/src/core/chain/views.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { fakeWrap } from "../../../../helpers/fixture.js";
import { useViemWorld, type PersonaName, type ViemWorld } from "../../../../helpers/viemWorld.js";
import { digest, ledgerSteps } from "../access-log/support.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const STEPS = 240;
const CHECKPOINTS = new Set([60, 120, 180, STEPS]);

const PATIENTS = ["patient", "caregiver"] as const satisfies readonly PersonaName[];
const WRITERS = ["hospital", "doctor", "doctor2", "lab"] as const satisfies readonly PersonaName[];
/** Everyone a patient may try to grant: the writers, a reader-only insurer, the other patient, and an auditor the contract refuses. */
const GRANTEES: readonly PersonaName[] = [...WRITERS, "insurer", ...PATIENTS, "auditor"];
const SUSPENDABLE: readonly PersonaName[] = [...WRITERS, "insurer", ...PATIENTS];
/** Every account compared: registered or not, admin included. */
const EVERYONE: readonly PersonaName[] = ["admin", ...WRITERS, "insurer", "auditor", ...PATIENTS, "stranger"];

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  for (const patient of PATIENTS) {
    for (let category = 0; category < CATEGORY_COUNT; category++) await steps.createScopeKey(patient, category);
  }
});

/** mulberry32: small, fast and the same on every platform. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return {
    int,
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    /** A scope of one to three random categories. */
    scope: () => Array.from({ length: int(1, 3) }, () => 1 << int(0, CATEGORY_COUNT - 1)).reduce((scope, bit) => scope | bit, 0),
  };
}

type Random = ReturnType<typeof seededRandom>;

interface KnownRecord {
  patient: PersonaName;
  recordId: bigint;
  author: PersonaName;
}

const COUNTED = ["grants", "regrants", "revokes", "timeTravels", "suspensions", "reactivations", "pauses", "providerWrites", "providerReads", "ownReads", "rotations", "keyWraps"] as const;
type Stats = Record<(typeof COUNTED)[number], number>;

/** One random sequence on the shared chain: each step tries one action; the contract decides, a refusal is skipped. */
class RandomLedger {
  readonly records: KnownRecord[] = [];
  readonly stats = Object.fromEntries(COUNTED.map((name) => [name, 0])) as Stats;
  private paused = false;
  private readonly suspended = new Set<PersonaName>();
  private tag = 0;

  constructor(private readonly viem: ViemWorld, private readonly random: Random) {}

  private account(name: PersonaName): Address {
    return this.viem.personas[name].account;
  }

  private async attempt(send: () => Promise<LedgerTransactionResult>): Promise<LedgerTransactionResult | undefined> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof LedgerRevertError) return undefined;
      throw error;
    }
  }

  private send(as: PersonaName, ...call: Parameters<typeof sendLedgerTransaction> extends [unknown, ...infer Rest] ? Rest : never): Promise<LedgerTransactionResult | undefined> {
    return this.attempt(() => sendLedgerTransaction(this.viem.personas[as].connection, ...call));
  }

  private hasAccess(patient: PersonaName, party: PersonaName, category: number, write: boolean): Promise<boolean> {
    return readHasAccess(this.viem.connection, this.account(patient), this.account(party), category, write);
  }

  /** Mostly someone other than the patient whom the chain lets act, sometimes anyone: refusals are part of the sequence too. */
  private async actorFor(patient: PersonaName, candidates: readonly PersonaName[], category: number, write: boolean): Promise<PersonaName> {
    const others = candidates.filter((candidate) => candidate !== patient);
    const allowed: PersonaName[] = [];
    for (const candidate of others) if (await this.hasAccess(patient, candidate, category, write)) allowed.push(candidate);
    return allowed.length > 0 && this.random.chance(0.85) ? this.random.pick(allowed) : this.random.pick(candidates);
  }

  async step(): Promise<void> {
    const { random } = this;
    if (this.paused && random.chance(0.5)) return this.unpause();
    const roll = random.int(1, 100);
    if (roll <= 22) return this.grant();
    if (roll <= 30) return this.revoke();
    if (roll <= 38) return this.travel();
    if (roll <= 42) return this.suspend();
    if (roll <= 48) return this.reactivate();
    if (roll <= 50) return this.pause();
    if (roll <= 64) return this.addRecord();
    if (roll <= 68) return this.changeRecord();
    if (roll <= 73) return this.rotate(random.pick(WRITERS));
    return this.read();
  }

  /** A new grant, or now and then a change to a stored one. */
  private async grant(): Promise<void> {
    const { random } = this;
    const patient = random.pick(PATIENTS);
    const others = GRANTEES.filter((name) => name !== patient);
    const stored = await this.storedGrantees(patient, others);
    const grantee = stored.length > 0 && random.chance(0.3) ? random.pick(stored) : random.pick(others);
    const readScope = random.scope();
    const writes = (WRITERS as readonly PersonaName[]).includes(grantee) ? random.chance(0.7) : random.chance(0.1);
    const writeScope = writes ? (random.chance(0.7) ? readScope : random.scope()) : 0;
    const now = await this.viem.world.connection.networkHelpers.time.latest();
    const expiresAt = random.chance(0.4) ? now + random.int(300, 20_000) : 0;
    const before = await readGrantOf(this.viem.connection, this.account(patient), this.account(grantee));
    const done = await this.attempt(() => ledgerSteps(this.viem).grant(patient, grantee, readScope, writeScope, expiresAt));
    if (done === undefined) return;
    this.stats.grants++;
    if (before.readScope !== 0) this.stats.regrants++;
  }

  /** Mostly a grantee with a stored grant; now and then one without, which changes nothing. */
  private async revoke(): Promise<void> {
    const patient = this.random.pick(PATIENTS);
    const others = GRANTEES.filter((name) => name !== patient);
    const stored = await this.storedGrantees(patient, others);
    const grantee = stored.length > 0 && this.random.chance(0.8) ? this.random.pick(stored) : this.random.pick(others);
    const done = await this.send(patient, "revoke", [this.account(grantee)]);
    if (done !== undefined && done.events.length > 0) this.stats.revokes++;
  }

  private async storedGrantees(patient: PersonaName, candidates: readonly PersonaName[]): Promise<PersonaName[]> {
    const stored: PersonaName[] = [];
    for (const name of candidates) if ((await readGrantOf(this.viem.connection, this.account(patient), this.account(name))).readScope !== 0) stored.push(name);
    return stored;
  }

  private async travel(): Promise<void> {
    await this.viem.world.connection.networkHelpers.time.increase(this.random.chance(0.8) ? this.random.int(30, 3_000) : this.random.int(3_000, 30_000));
    this.stats.timeTravels++;
  }

  private async suspend(): Promise<void> {
    const account = this.random.pick(SUSPENDABLE);
    const done = await this.send("admin", "suspend", [this.account(account)]);
    if (done === undefined || done.events.length === 0) return;
    this.suspended.add(account);
    this.stats.suspensions++;
  }

  /** Mostly someone suspended; now and then someone active, which changes nothing. */
  private async reactivate(): Promise<void> {
    const account = this.suspended.size > 0 && this.random.chance(0.8) ? this.random.pick([...this.suspended]) : this.random.pick(SUSPENDABLE);
    const done = await this.send("admin", "reactivate", [this.account(account)]);
    if (done === undefined || done.events.length === 0) return;
    this.suspended.delete(account);
    this.stats.reactivations++;
  }

  private async pause(): Promise<void> {
    if (this.paused) return;
    await this.send("admin", "pause", []);
    this.paused = true;
    this.stats.pauses++;
  }

  private async unpause(): Promise<void> {
    await this.send("admin", "unpause", []);
    this.paused = false;
  }

  private async epochOf(patient: PersonaName, category: number): Promise<number> {
    return (await readScopeKeyState(this.viem.connection, this.account(patient), category)).epoch;
  }

  /** A new epoch of `category` by `rotator`, sealed to the patient and now and then to a current reader. */
  private async rotate(rotator: PersonaName, patient: PersonaName = this.random.pick(PATIENTS), category = this.random.int(0, CATEGORY_COUNT - 1)): Promise<void> {
    const epoch = await this.epochOf(patient, category);
    const wraps = [{ recipient: this.account(patient), wrap: fakeWrap(category) as Hex }];
    if (this.random.chance(0.8)) {
      const reader = await this.actorFor(patient, [...WRITERS, "insurer", ...PATIENTS], category, false);
      if (reader !== rotator) wraps.push({ recipient: this.account(reader), wrap: fakeWrap(0x80 + category) as Hex });
    }
    const done = await this.send(rotator, "rotateScopeKey", [this.account(patient), category, epoch, fakeWrap(0x20 + category) as Hex, wraps]);
    if (done === undefined) return;
    this.stats.rotations++;
    this.stats.keyWraps += wraps.length - 1;
  }

  private remember(patient: PersonaName, author: PersonaName, done: LedgerTransactionResult | undefined): void {
    if (done === undefined) return;
    const added = done.events.find((event) => event.eventName === "RecordAdded");
    if (added?.eventName !== "RecordAdded") throw new Error("a mined addRecord emits RecordAdded");
    this.records.push({ patient, recordId: added.args.recordId, author });
    if (author !== patient) this.stats.providerWrites++;
  }

  /** Mostly by a writer the chain lets write, in a category it may write; sometimes by the patient or anyone. */
  private async addRecord(): Promise<void> {
    const { random } = this;
    const patient = random.pick(PATIENTS);
    const writable: { author: PersonaName; category: number }[] = [];
    for (const author of WRITERS) {
      for (let category = 0; category < CATEGORY_COUNT; category++) if (await this.hasAccess(patient, author, category, true)) writable.push({ author, category });
    }
    const { author, category } = writable.length > 0 && random.chance(0.7)
      ? random.pick(writable)
      : { author: random.pick([...WRITERS, patient]), category: random.int(0, CATEGORY_COUNT - 1) };
    const rotationRequired = await readLedgerView(this.viem.connection, "rotationRequired", [this.account(patient), category]);
    if (rotationRequired) await this.rotate(patient, patient, category);
    const epoch = await this.epochOf(patient, category);
    this.remember(patient, author, await this.send(author, "addRecord", [this.account(patient), category, epoch, digest(++this.tag % 256)]));
  }

  /** Amends or retracts one of the records, as its author. */
  private async changeRecord(): Promise<void> {
    if (this.records.length === 0) return this.addRecord();
    const { patient, recordId, author } = this.random.pick(this.records);
    if (this.random.chance(0.5)) {
      const done = await this.send(author, "retractRecord", [this.account(patient), recordId, this.random.int(0, 3)]);
      if (done !== undefined && done.events.length > 0 && author !== patient) this.stats.providerWrites++;
      return;
    }
    const { category } = await readLedgerView(this.viem.connection, "record", [this.account(patient), recordId]);
    const epoch = await this.epochOf(patient, category);
    this.remember(patient, author, await this.send(author, "amendRecord", [this.account(patient), recordId, epoch, digest(++this.tag % 256)]));
  }

  private async read(): Promise<void> {
    if (this.records.length === 0) return this.addRecord();
    const { patient, recordId } = this.random.pick(this.records);
    const { category } = await readLedgerView(this.viem.connection, "record", [this.account(patient), recordId]);
    const reader = await this.actorFor(patient, [...GRANTEES, "stranger"], category, false);
    const done = await this.send(reader, "logAccess", [this.account(patient), recordId, this.random.int(0, 8)]);
    if (done === undefined) return;
    if (reader === patient) this.stats.ownReads++;
    else this.stats.providerReads++;
  }
}

/**
 * Moves the clock on while a stored grant expires within a minute of it: a view runs in a block
 * of its own, whose time the test cannot pin to the second.
 */
async function clearOfExpiries(viem: ViemWorld): Promise<number> {
  const { time } = viem.world.connection.networkHelpers;
  const stored = await Promise.all(PATIENTS.flatMap((patient) => EVERYONE.map((grantee) => readGrantOf(viem.connection, viem.personas[patient].account, viem.personas[grantee].account))));
  for (;;) {
    const now = await time.latest();
    if (!stored.some((grant) => grant.expiresAt !== 0 && Math.abs(grant.expiresAt - now) <= 60)) return now;
    await time.increase(121);
  }
}

/** Every difference between the rebuilt grants and the chain's grantOf and hasAccess, as readable lines. */
async function differences(viem: ViemWorld, grants: GrantIndex, now: number): Promise<string[]> {
  const found: string[] = [];
  const comparisons = PATIENTS.flatMap((patient) => EVERYONE.map(async (grantee) => {
    const [patientAccount, granteeAccount] = [viem.personas[patient].account, viem.personas[grantee].account];
    const onChain = await readGrantOf(viem.connection, patientAccount, granteeAccount);
    const rebuilt = grants.grantOf(patientAccount, granteeAccount);
    const { readScope, writeScope, expiresAt, grantedAt } = onChain;
    if (JSON.stringify(rebuilt) !== JSON.stringify({ readScope, writeScope, expiresAt, grantedAt })) {
      found.push(`grantOf(${patient}, ${grantee}): rebuilt ${JSON.stringify(rebuilt)}, chain ${JSON.stringify(onChain)}`);
    }
    // One past the last category too: the contract refuses it.
    for (let category = 0; category <= CATEGORY_COUNT; category++) {
      for (const write of [false, true]) {
        const chain = await readHasAccess(viem.connection, patientAccount, granteeAccount, category, write);
        const model = grants.hasAccess(patientAccount, granteeAccount, category, write, now);
        if (chain !== model) found.push(`hasAccess(${patient}, ${grantee}, ${category}, ${write ? "write" : "read"}): rebuilt ${model}, chain ${chain}`);
      }
    }
  }));
  await Promise.all(comparisons);
  return found.sort();
}

/** Entries the contract let happen that the rebuilt grants cannot explain, and provider reads without a grant. */
function unattributed(entries: readonly AccessLogEntry[], grants: GrantIndex): string[] {
  return entries.flatMap((entry) => {
    const under = underGrant(grants, entry);
    const where = `${entry.action} at block ${entry.blockNumber}, log ${entry.logIndex}`;
    if (under?.basis === "uncovered") return [`${where}: uncovered (${under.reason})`];
    const providerRead = entry.action === "record-read" && entry.actor.toLowerCase() !== entry.patient.toLowerCase();
    if (providerRead && under?.basis !== "grant") return [`${where}: a provider read with basis ${under?.basis}`];
    return [];
  });
}

describe("GrantIndex against the chain", () => {
  it.each(SEEDS)("of_randomActionSequenceSeed%i_equalsGrantOfAndHasAccessAndAttributesEveryRead", async (seed) => {
    const world = viem();
    const ledger = new RandomLedger(world, seededRandom(seed));
    let expired = 0;
    for (let step = 1; step <= STEPS; step++) {
      await ledger.step();
      if (!CHECKPOINTS.has(step)) continue;
      const now = await clearOfExpiries(world);
      const entries = await readAccessLog(world.connection);
      const grants = GrantIndex.of(entries);
      const context = `seed ${seed}, after step ${step}`;
      expect(await differences(world, grants, now), `${context}: rebuilt grants differ from the chain`).toEqual([]);
      expect(unattributed(entries, grants), `${context}: entries without the grant they happened under`).toEqual([]);
      expired = grants.periods.filter((period) => period.expiresAt !== undefined && period.expiresAt <= now).length;
    }
    // The sequence went through every rule the index follows, so a passing comparison means something.
    const { stats } = ledger;
    const covered = { ...stats, expired };
    expect(Object.entries(covered).filter(([, count]) => count === 0).map(([name]) => name), `seed ${seed}: ${JSON.stringify(covered)}`).toEqual([]);
  });
});
