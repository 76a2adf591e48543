/**
 * Plans the synthetic history block by block, deterministically from a seed: the setup (the
 * admin registers hospitals, insurers, independent doctors and the auditor and sets a sign-up
 * fee; hospitals register their doctors and labs), patients signing up over the first 30 % of the
 * period, then the clinical activities around them (activities.ts), a doctor suspended for a week
 * and the fees withdrawn at the end. Each call of `plan` yields blocks holding exactly the number
 * of events asked for; later calls continue the same world (the incremental sync's new events).
 */
import type { AccessLogAction } from "../../../web/src/core/access-log/entry.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { PatientActivities } from "./activities.js";
import { KIND, LedgerModel, type PatientModel } from "./ledger-model.js";
import { BlockWriter, type PlannedBlock } from "./planned-block.js";
import { SeededRandom } from "./random.js";
import { buildRoster, type Roster } from "./roster.js";

const DAY = 86_400;
const SIGN_UP_FEE = 10n ** 15n;
/** Fewer blocks would make per-day charts of a small history meaningless. */
const MIN_BLOCKS = 24;
/** About what one patient's activity in a block comes to (a visit of a few reads and a record). */
const EVENTS_PER_PATIENT_BLOCK = 2;
const JOINING_SHARE = 0.3;
const SUSPENDED_AT_SHARE = 0.4;
const SUSPENSION_DAYS = 7;

export interface HistoryShape {
  seed: string;
  patients: number;
  providers: number;
  /** Unix seconds of the first planned block. */
  start: number;
  /** The simulated period the first `plan` call spreads over. */
  days: number;
  /** Events per block aimed at, which sets how many blocks the period has. */
  eventsPerBlock: number;
}

/** Weekdays in office hours are busy, nights and weekends quiet. */
function activityFactor(timestamp: number): number {
  const date = new Date(timestamp * 1000);
  const weekday = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 0.5 : 1.2;
  const hour = date.getUTCHours();
  const daytime = hour < 6 ? 0.3 : hour < 9 ? 0.9 : hour < 17 ? 1.6 : hour < 22 ? 0.9 : 0.4;
  return weekday * daytime;
}

/** The setup's events, which even the smallest history holds. */
export function setupEvents(patients: number, providers: number): number {
  // Registrations, the auditor's, the fee change and its withdrawal.
  return patients + providers + 1 + 2;
}

export class HistoryPlanner {
  readonly roster: Roster;
  readonly model: LedgerModel;
  readonly #random: SeededRandom;
  readonly #writer: BlockWriter;
  readonly #activities: PatientActivities;
  /** Patients in the order they join, with when. */
  #joining: { address: Address; at: number }[] = [];
  readonly #joined: PatientModel[] = [];
  #interval = 0;
  #nextTimestamp: number;
  #started = false;
  #suspension: { doctor: Address; hospital: Address; at: number; until: number; state: "planned" | "suspended" | "over" } | undefined;

  constructor(
    readonly shape: HistoryShape,
    readonly admin: Address,
    adminNonce: number,
  ) {
    this.#random = new SeededRandom(shape.seed);
    this.roster = buildRoster(shape.seed, shape.patients, shape.providers, this.#random);
    this.model = new LedgerModel(admin);
    this.#writer = new BlockWriter(new Map([[admin, adminNonce]]));
    this.#activities = new PatientActivities(this.model, this.#writer, this.#random, this.roster);
    this.#nextTimestamp = shape.start;
  }

  /** Events planned so far by access-log action. */
  get counts(): ReadonlyMap<AccessLogAction, number> {
    return this.#writer.counts;
  }

  get events(): number {
    return this.#writer.events;
  }

  /** Blocks holding exactly `events` more events. */
  *plan(events: number): Generator<PlannedBlock> {
    if (!Number.isInteger(events) || events < 1) throw new RangeError(`a history grows by a whole number of events ≥ 1 (got ${events})`);
    const first = !this.#started;
    const goal = this.events + events;
    // A few patients cannot fill a block of eventsPerBlock (one sender each per block): more, smaller blocks.
    const perBlock = Math.min(this.shape.eventsPerBlock, EVENTS_PER_PATIENT_BLOCK * this.shape.patients);
    const blocks = Math.max(first ? MIN_BLOCKS : 1, Math.ceil(events / perBlock));
    if (first) {
      const needed = setupEvents(this.shape.patients, this.shape.providers);
      if (events < needed) throw new RangeError(`${this.shape.patients} patients and ${this.shape.providers} providers need at least ${needed} events (registrations and the sign-up fee)`);
      this.#started = true;
      this.#interval = Math.floor((this.shape.days * DAY) / blocks);
      this.#scheduleJoining();
      this.#scheduleSuspension();
      yield* this.#setUp();
    }
    // What must still happen in this call: sign-ups, a reactivation, the fee withdrawal.
    const reserved = () => (first ? this.#joining.length + (this.#suspension?.state === "suspended" ? 1 : 0) + (this.model.collectedFees > 0n || this.#joining.length > 0 ? 1 : 0) : 0);
    const free = () => goal - this.events - reserved();
    for (let index = 0; this.events < goal; index++) {
      const block = this.#writer.open(this.#tick());
      if (first && this.#planSuspension(block.timestamp, free())) {
        yield block;
        continue;
      }
      this.#join(block.timestamp, free() <= 0);
      const target = Math.max(1, Math.round((free() / Math.max(1, blocks - index)) * activityFactor(block.timestamp)));
      let planned = 0;
      for (const patient of this.#random.shuffled(this.#joined)) {
        if (planned >= target || free() <= 0) break;
        // A patient who signed up in this block acts from the next one: one sender per patient per block.
        if (!this.#writer.isTouched(patient.address)) planned += this.#activities.act(patient, block.timestamp, free());
      }
      // A provider updates their public profile now and then; also the way out when nothing else fits.
      if (free() > 0 && (planned === 0 || this.#random.chance(0.15))) this.#changeProfile();
      if (first && free() <= 0 && this.#joining.length === 0 && this.#suspension?.state !== "suspended" && this.model.collectedFees > 0n) this.#withdrawFees();
      if (block.txs.length > 0) yield block;
    }
  }

  #tick(): number {
    const timestamp = this.#nextTimestamp;
    this.#nextTimestamp += this.#interval;
    return timestamp;
  }

  *#setUp(): Generator<PlannedBlock> {
    const { roster, admin } = this;
    const registrar = this.#writer.open(this.#tick());
    this.#writer.send(admin, { functionName: "setSignUpFee", args: [SIGN_UP_FEE] }, this.model.setSignUpFee(SIGN_UP_FEE));
    for (const provider of roster.providers.filter((candidate) => candidate.affiliation === undefined)) this.#register(admin, provider.address, provider.kind);
    this.#register(admin, roster.auditor, KIND.auditor);
    yield registrar;
    const staff = this.#writer.open(this.#tick());
    for (const provider of roster.providers) {
      if (provider.affiliation !== undefined) this.#register(provider.affiliation, provider.address, provider.kind, provider.affiliation);
    }
    yield staff;
  }

  #register(registrar: Address, account: Address, kind: number, affiliation?: Address): void {
    const provider = kind !== KIND.auditor;
    const actions = this.model.register(registrar, account, kind, affiliation);
    const zero = "0x0000000000000000000000000000000000000000";
    const args = [account, kind, affiliation ?? zero, this.#random.hex(32), this.#random.hex(32), provider ? this.#random.hex(32) : (`0x${"00".repeat(32)}` as const)] as const;
    this.#writer.send(registrar, { functionName: "registerParticipant", args }, actions);
  }

  /** Join times spread over the first part of the period, in order. */
  #scheduleJoining(): void {
    const span = this.shape.days * DAY * JOINING_SHARE;
    const after = this.shape.start + 2 * this.#interval;
    this.#joining = this.roster.patients.map((address) => ({ address, at: after + Math.floor(this.#random.next() * span) })).sort((a, b) => a.at - b.at);
  }

  /** Patients whose time has come (all of them when the events left are only theirs) sign up. */
  #join(now: number, everyone: boolean): void {
    while (this.#joining.length > 0 && (everyone || (this.#joining[0]?.at ?? Infinity) <= now)) {
      const { address } = this.#joining.shift() as { address: Address };
      const actions = this.model.signUp(address, this.model.signUpFee);
      this.#writer.send(address, { functionName: "signUp", args: [this.#random.hex(32), this.#random.hex(32)] }, actions, { patient: address, value: this.model.signUpFee });
      this.#joined.push(this.model.patient(address));
      this.#activities.joined(address);
    }
  }

  /** One affiliated doctor, suspended by their hospital for a week from 40 % of the period. */
  #scheduleSuspension(): void {
    const affiliated = this.roster.providers.filter((provider) => provider.kind === KIND.doctor && provider.affiliation !== undefined);
    if (affiliated.length === 0) return;
    const { address, affiliation } = this.#random.pick(affiliated);
    const at = this.shape.start + Math.floor(this.shape.days * DAY * SUSPENDED_AT_SHARE);
    this.#suspension = { doctor: address, hospital: affiliation as Address, at, until: at + SUSPENSION_DAYS * DAY, state: "planned" };
  }

  /**
   * The suspension and the reactivation each get a block of their own: every access check of the
   * doctor depends on their status, and nothing else in the block may race the change.
   */
  #planSuspension(now: number, free: number): boolean {
    const suspension = this.#suspension;
    if (suspension?.state === "planned" && now >= suspension.at && free >= 2) {
      this.#writer.send(suspension.hospital, { functionName: "suspend", args: [suspension.doctor] }, this.model.suspend(suspension.hospital, suspension.doctor));
      suspension.state = "suspended";
      return true;
    }
    if (suspension?.state === "suspended" && (now >= suspension.until || free <= 0)) {
      this.#writer.send(this.admin, { functionName: "reactivate", args: [suspension.doctor] }, this.model.reactivate(suspension.doctor));
      suspension.state = "over";
      return true;
    }
    return false;
  }

  #changeProfile(): void {
    const provider = this.#random.pick(this.roster.providers).address;
    if (!this.model.isActive(provider)) return;
    this.#writer.send(provider, { functionName: "setProfileDigest", args: [this.#random.hex(32)] }, this.model.changeProfile(provider));
  }

  #withdrawFees(): void {
    this.#writer.send(this.admin, { functionName: "withdrawFees", args: [this.roster.treasury] }, this.model.withdrawFees());
  }
}
