/**
 * What happens around one patient in one block of the synthetic history: onboarding (scope keys,
 * the first grants), then visits (providers reading records and writing new ones), the patient's
 * own reads and uploads, amendments and retractions, access requests answered or denied,
 * referrals, revokes followed by key rotations, renewals of expiring grants. Every activity is
 * done by one sender and fits in the events left; one that cannot happen now plans nothing.
 */
import type { Hex } from "../../../web/src/core/bytes.js";
import { categoriesOf } from "../../../web/src/core/chain/categories.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { planCareTeam, scopeForKind, type CareTeam } from "./care-team.js";
import { CATEGORY, KIND, type LedgerModel, type PatientModel, type RecordModel } from "./ledger-model.js";
import type { BlockWriter } from "./planned-block.js";
import type { SeededRandom } from "./random.js";
import type { Roster } from "./roster.js";

/** A stand-in for a sealed scope key: the contract only checks the length (48..160 bytes). */
const FAKE_WRAP: Hex = `0x${"5a".repeat(80)}`;
const DAY = 86_400;
const RECENT_RECORDS = 40;
const PATIENT_REQUEST = 5;
const PAYMENT = 2;

type Activity = (patient: PatientModel, team: CareTeam, now: number, max: number) => number;

const bitCount = (scope: number) => categoriesOf(scope).length;

export class PatientActivities {
  readonly #teams = new Map<Address, CareTeam>();
  readonly #affiliations: ReadonlyMap<Address, Address | undefined>;
  readonly #choices: readonly (readonly [Activity, number])[];

  constructor(
    private readonly model: LedgerModel,
    private readonly writer: BlockWriter,
    private readonly random: SeededRandom,
    private readonly roster: Roster,
  ) {
    this.#affiliations = new Map(roster.providers.map((provider) => [provider.address, provider.affiliation]));
    this.#choices = [
      [this.#visit, 45],
      [this.#readOwn, 8],
      [this.#addOwn, 5],
      [this.#amend, 2.5],
      [this.#retract, 0.8],
      [this.#request, 2.5],
      [this.#answerRequest, 4],
      [this.#refer, 2],
      [this.#revoke, 1],
      [this.#renew, 2],
      [this.#rotateRequired, 6],
      [this.#changeKey, 0.3],
    ];
  }

  /** Called when `patient` signs up: their care is planned from then on. */
  joined(patient: Address): void {
    this.#teams.set(patient, planCareTeam(this.roster, this.#affiliations, this.random));
  }

  /** Plans what happens around `patient` at `now`, at most `max` events; returns how many were planned. */
  act(patient: PatientModel, now: number, max: number): number {
    const team = this.#teams.get(patient.address);
    if (team === undefined || max <= 0) return 0;
    if (!team.onboarded) return this.#onboard(patient, team, now, max);
    const choices = [...this.#choices];
    while (choices.length > 0) {
      const index = this.random.weighted(choices.map(([, weight], i) => [i, weight] as const));
      const [activity] = choices[index] as (typeof choices)[number];
      const planned = activity.call(this, patient, team, now, max);
      if (planned > 0) return planned;
      choices.splice(index, 1);
    }
    return 0;
  }

  /** Scope keys first (epoch 1 of every category), then the first grants, as many steps as fit. */
  #onboard(patient: PatientModel, team: CareTeam, now: number, max: number): number {
    let planned = 0;
    for (const category of team.categories) {
      if (patient.epochs[category] !== 0) continue;
      if (planned + this.#rotationEvents(patient, category, patient.address, now) > max) return planned;
      planned += this.#rotate(patient, category, patient.address, now);
    }
    for (; team.granted < team.grants.length; team.granted++) {
      const { grantee, read, write, expiresInDays } = team.grants[team.granted] as CareTeam["grants"][number];
      const scope = (read | write) & patient.keyedScope;
      // A grantee suspended meanwhile is left out, as a portal user could not pick them either.
      if (scope === 0 || !this.model.isActive(grantee)) continue;
      if (planned + 1 + bitCount(scope) > max) return planned;
      planned += this.#grant(patient, grantee, scope, write & scope, expiresInDays === undefined ? 0 : now + expiresInDays * DAY, now);
    }
    team.onboarded = true;
    return planned;
  }

  /** A provider with current access reads a few records and sometimes adds one (rotating the key first when it must). */
  #visit(patient: PatientModel, team: CareTeam, now: number, max: number): number {
    const current = [...patient.grants.entries()].filter(([grantee, grant]) => this.model.isActive(grantee) && (grant.expiresAt === 0 || now < grant.expiresAt));
    if (current.length === 0) return 0;
    const [provider, grant] = this.random.weighted(current.map((entry) => [entry, entry[0] === team.doctor ? 3 : 1] as const));
    const kind = this.model.participant(provider)?.kind ?? KIND.doctor;
    const readable = patient.records.slice(-RECENT_RECORDS).filter((record) => this.model.canAccess(patient, provider, record.category, false, now));
    const writable = categoriesOf(grant.write).filter((category) => patient.epochs[category] !== 0);
    let writeCategory = writable.length > 0 && this.random.chance(0.45) ? this.random.pick(writable) : undefined;
    const rotation = writeCategory !== undefined && patient.rotationRequired(writeCategory, now) ? this.#rotationEvents(patient, writeCategory, provider, now) : 0;
    if (writeCategory !== undefined && 1 + rotation > max) writeCategory = undefined;
    const writeEvents = writeCategory === undefined ? 0 : 1 + rotation;
    const reads = Math.min(readable.length, this.random.between(1, 3), max - writeEvents);
    let planned = 0;
    for (const record of this.random.shuffled(readable).slice(0, reads)) planned += this.#read(patient, provider, record, this.#purposeOf(kind), now);
    if (writeCategory !== undefined) {
      if (rotation > 0) planned += this.#rotate(patient, writeCategory, provider, now);
      planned += this.#add(patient, provider, writeCategory, now);
    }
    return planned;
  }

  #readOwn(patient: PatientModel, _team: CareTeam, now: number, max: number): number {
    const recent = patient.records.slice(-RECENT_RECORDS);
    if (recent.length === 0) return 0;
    const reads = Math.min(max, recent.length, this.random.between(1, 2));
    let planned = 0;
    for (const record of this.random.shuffled(recent).slice(0, reads)) planned += this.#read(patient, patient.address, record, PATIENT_REQUEST, now);
    return planned;
  }

  /** The patient uploads something of their own, mostly patient-reported data. */
  #addOwn(patient: PatientModel, team: CareTeam, now: number, max: number): number {
    const category = this.random.chance(0.7) ? CATEGORY.patientReported : this.random.pick(team.categories);
    if (patient.epochs[category] === 0) return 0;
    const rotation = patient.rotationRequired(category, now) ? this.#rotationEvents(patient, category, patient.address, now) : 0;
    if (1 + rotation > max) return 0;
    return (rotation > 0 ? this.#rotate(patient, category, patient.address, now) : 0) + this.#add(patient, patient.address, category, now);
  }

  #amend(patient: PatientModel, _team: CareTeam, now: number): number {
    const record = this.#pickChangeable(patient, now, (candidate) => this.model.canAddRecord(patient, candidate.author, candidate.category, now));
    if (record === undefined) return 0;
    const { actions } = this.model.amendRecord(patient, record.author, record, now);
    return this.writer.send(record.author, { functionName: "amendRecord", args: [patient.address, BigInt(record.id), patient.epochs[record.category] as number, this.random.hex(32)] }, actions, { patient: patient.address });
  }

  #retract(patient: PatientModel, _team: CareTeam, now: number): number {
    const record = this.#pickChangeable(patient, now, () => true);
    if (record === undefined) return 0;
    const reason = this.random.weighted([[0, 6], [1, 1], [2, 2], [3, 1]] as const);
    const actions = this.model.retractRecord(patient, record.author, record, now);
    return this.writer.send(record.author, { functionName: "retractRecord", args: [patient.address, BigInt(record.id), reason] }, actions, { patient: patient.address });
  }

  /** A provider without access asks for it. */
  #request(patient: PatientModel, _team: CareTeam, now: number): number {
    const requester = this.#providerWithoutAccess(patient, now, (provider) => !patient.requests.has(provider));
    if (requester === undefined) return 0;
    const kind = this.model.participant(requester)?.kind ?? KIND.doctor;
    const { read, write } = this.#keyedScopeFor(patient, kind);
    if (read === 0) return 0;
    const purpose = this.#purposeOf(kind);
    const actions = this.model.requestAccess(requester, patient, read, write);
    return this.writer.send(requester, { functionName: "requestAccess", args: [patient.address, read, write, purpose] }, actions, { patient: patient.address });
  }

  /** The patient grants an open request (as asked, what has keys) or denies it. */
  #answerRequest(patient: PatientModel, _team: CareTeam, now: number, max: number): number {
    const open = [...patient.requests.entries()];
    if (open.length === 0) return 0;
    const [requester, asked] = this.random.pick(open);
    const read = asked.read & patient.keyedScope;
    const fits = 1 + bitCount(read) <= max;
    if (fits && read !== 0 && this.model.isActive(requester) && this.random.chance(0.6)) {
      const insurer = this.model.participant(requester)?.kind === KIND.insurer;
      const expiresAt = insurer && this.random.chance(0.5) ? now + this.random.between(20, 60) * DAY : 0;
      patient.requests.delete(requester);
      return this.#grant(patient, requester, read, asked.write & read, expiresAt, now);
    }
    const reason = this.random.weighted([[0, 4], [1, 3], [2, 2], [3, 1]] as const);
    const actions = this.model.denyRequest(patient, requester);
    return this.writer.send(patient.address, { functionName: "denyRequest", args: [requester, reason] }, actions, { patient: patient.address });
  }

  /** The patient grants a provider they were referred to. */
  #refer(patient: PatientModel, _team: CareTeam, now: number, max: number): number {
    const kind = this.random.weighted([[KIND.doctor, 5], [KIND.lab, 2], [KIND.hospital, 1], [KIND.insurer, 1]] as const);
    const provider = this.#providerWithoutAccess(patient, now, (candidate) => this.model.participant(candidate)?.kind === kind);
    if (provider === undefined) return 0;
    const { read, write } = this.#keyedScopeFor(patient, kind);
    if (read === 0 || 1 + bitCount(read) > max) return 0;
    const expiresAt = kind === KIND.insurer && this.random.chance(0.5) ? now + this.random.between(20, 60) * DAY : 0;
    return this.#grant(patient, provider, read, write, expiresAt, now);
  }

  /** The patient revokes a grantee and, mostly, rotates the keys the grantee knew right away. */
  #revoke(patient: PatientModel, team: CareTeam, now: number, max: number): number {
    const candidates = [...patient.grants.keys()].filter((grantee) => grantee !== team.doctor || this.random.chance(0.2));
    if (candidates.length === 0) return 0;
    const grantee = this.random.pick(candidates);
    const categories = categoriesOf(patient.grants.get(grantee)?.read ?? 0);
    const rotations = categories.reduce((sum, category) => sum + 2 + this.model.readersOf(patient, category, now).filter((reader) => reader !== grantee).length, 0);
    const rotateNow = this.random.chance(0.85) && 1 + rotations <= max;
    const actions = this.model.revoke(patient, grantee);
    let planned = this.writer.send(patient.address, { functionName: "revoke", args: [grantee] }, actions, { patient: patient.address });
    if (rotateNow) for (const category of categories) planned += this.#rotate(patient, category, patient.address, now);
    return planned;
  }

  /** An expiring grant (lapsed or about to) is granted again for another while. */
  #renew(patient: PatientModel, _team: CareTeam, now: number, max: number): number {
    const expiring = [...patient.grants.entries()].filter(([grantee, grant]) => grant.expiresAt !== 0 && grant.expiresAt - now < 7 * DAY && this.model.isActive(grantee));
    if (expiring.length === 0) return 0;
    const [grantee, grant] = this.random.pick(expiring);
    const read = grant.read & patient.keyedScope;
    if (read === 0 || 1 + bitCount(read) > max) return 0;
    return this.#grant(patient, grantee, read, grant.write & read, now + this.random.between(30, 60) * DAY, now);
  }

  /** A key a removed or lapsed reader still knows is rotated by the patient. */
  #rotateRequired(patient: PatientModel, team: CareTeam, now: number, max: number): number {
    const category = team.categories.find((candidate) => patient.epochs[candidate] !== 0 && patient.rotationRequired(candidate, now));
    if (category === undefined || this.#rotationEvents(patient, category, patient.address, now) > max) return 0;
    return this.#rotate(patient, category, patient.address, now);
  }

  #changeKey(patient: PatientModel): number {
    const actions = this.model.changeEncryptionKey(patient.address);
    return this.writer.send(patient.address, { functionName: "setEncryptionKey", args: [this.random.hex(32)] }, actions, { patient: patient.address });
  }

  #rotationEvents(patient: PatientModel, category: number, rotator: Address, now: number): number {
    return 2 + this.model.readersOf(patient, category, now).filter((reader) => reader !== rotator).length;
  }

  #rotate(patient: PatientModel, category: number, rotator: Address, now: number): number {
    const { expectedEpoch, recipients, actions } = this.model.rotate(patient, category, rotator, now);
    const previousKeyWrap: Hex = expectedEpoch === 0 ? "0x" : FAKE_WRAP;
    const wraps = recipients.map((recipient) => ({ recipient, wrap: FAKE_WRAP }));
    return this.writer.send(rotator, { functionName: "rotateScopeKey", args: [patient.address, category, expectedEpoch, previousKeyWrap, wraps] }, actions, { patient: patient.address });
  }

  #grant(patient: PatientModel, grantee: Address, read: number, write: number, expiresAt: number, now: number): number {
    const actions = this.model.grant(patient, grantee, read, write, expiresAt, now);
    const scopeKeyWraps = categoriesOf(read | write).map(() => FAKE_WRAP);
    return this.writer.send(patient.address, { functionName: "grant", args: [[{ grantee, readScope: read | write, writeScope: write, expiresAt, scopeKeyWraps }]] }, actions, { patient: patient.address });
  }

  #add(patient: PatientModel, author: Address, category: number, now: number): number {
    const epoch = patient.epochs[category] as number;
    const { actions } = this.model.addRecord(patient, author, category, now);
    return this.writer.send(author, { functionName: "addRecord", args: [patient.address, category, epoch, this.random.hex(32)] }, actions, { patient: patient.address });
  }

  #read(patient: PatientModel, reader: Address, record: RecordModel, purpose: number, now: number): number {
    const actions = this.model.logAccess(patient, reader, record, now);
    return this.writer.send(reader, { functionName: "logAccess", args: [patient.address, BigInt(record.id), purpose] }, actions, { patient: patient.address });
  }

  /** A recent current record whose author may still change it (and `also` holds). */
  #pickChangeable(patient: PatientModel, now: number, also: (record: RecordModel) => boolean): RecordModel | undefined {
    const candidates = patient.records.slice(-RECENT_RECORDS).filter((record) => this.model.canChange(patient, record.author, record, now) && also(record));
    return candidates.length === 0 ? undefined : this.random.pick(candidates);
  }

  /** An active provider (satisfying `also`) with no current grant from `patient`, if a few tries find one. */
  #providerWithoutAccess(patient: PatientModel, now: number, also: (provider: Address) => boolean): Address | undefined {
    for (let attempt = 0; attempt < 12; attempt++) {
      const { address } = this.random.pick(this.roster.providers);
      const grant = patient.grants.get(address);
      const current = grant !== undefined && (grant.expiresAt === 0 || now < grant.expiresAt);
      if (!current && this.model.isActive(address) && also(address)) return address;
    }
    return undefined;
  }

  /** What a provider of `kind` would ask for, limited to categories the patient has keys for (write within read). */
  #keyedScopeFor(patient: PatientModel, kind: number): { read: number; write: number } {
    const { read, write } = scopeForKind(kind, this.random);
    const keyed = (read | write) & patient.keyedScope;
    return { read: keyed, write: write & keyed };
  }

  #purposeOf(kind: number): number {
    if (kind === KIND.insurer) return PAYMENT;
    return this.random.weighted([[0, 80], [4, 10], [3, 5], [1, 3], [7, 2]] as const);
  }
}
