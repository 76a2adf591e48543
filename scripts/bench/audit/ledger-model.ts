/**
 * What the synthetic history's planner knows of the ledger: who is registered as what, each
 * patient's key epochs and pending rotations, grants, records and open requests, with the
 * contracts' rules (contracts/, PatientState.sol) ported so that every planned transaction succeeds.
 * Each change checks its rule first and throws a PlannerRuleError when the planner asks for
 * something the contract would revert: a bug in the planner, caught before anything is sent.
 */
import { categoriesOf, mayWriteRecords } from "../../../web/src/core/chain/categories.js";
import type { AccessLogAction } from "../../../web/src/core/access-log/entry.js";
import type { Address } from "../../../web/src/core/ledger-context.js";

export const KIND = { patient: 1, doctor: 2, hospital: 3, insurer: 4, lab: 5, auditor: 6 } as const;
export const CATEGORY = { notes: 0, labs: 1, imaging: 2, prescriptions: 3, billing: 4, mentalHealth: 5, genomics: 6, patientReported: 7 } as const;

export class PlannerRuleError extends Error {
  readonly code = "PLANNER_RULE";
  constructor(rule: string) {
    super(`The history planner asked for a transaction the ledger would revert (${rule}): fix the planner in scripts/bench/audit.`);
    this.name = "PlannerRuleError";
  }
}

function require_(condition: boolean, rule: string): asserts condition {
  if (!condition) throw new PlannerRuleError(rule);
}

export interface ParticipantModel {
  /** Lower case, as every map here keys it. */
  address: Address;
  kind: number;
  active: boolean;
  affiliation?: Address;
}

export interface GrantModel {
  read: number;
  write: number;
  /** Unix seconds; 0 for none. */
  expiresAt: number;
}

export type RecordStatus = "active" | "superseded" | "retracted";

export interface RecordModel {
  id: number;
  author: Address;
  category: number;
  status: RecordStatus;
}

const covers = (scope: number, category: number) => ((scope >> category) & 1) === 1;

/** One patient's slot: PatientState's fields, grants, records and open requests. */
export class PatientModel {
  readonly epochs = [0, 0, 0, 0, 0, 0, 0, 0];
  /** Categories a removed reader still knows the key of. */
  pending = 0;
  /** Categories whose current key an expiring grant holds, and the earliest of those expiries. */
  expiring = 0;
  dueAt = 0;
  readonly grants = new Map<Address, GrantModel>();
  readonly records: RecordModel[] = [];
  readonly requests = new Map<Address, { read: number; write: number }>();

  constructor(readonly address: Address) {}

  get keyedScope(): number {
    return this.epochs.reduce((scope, epoch, category) => (epoch > 0 ? scope | (1 << category) : scope), 0);
  }

  rotationRequired(category: number, now: number): boolean {
    return covers(this.pending, category) || (covers(this.expiring, category) && now >= this.dueAt);
  }

  /** PatientStateLib.withLapsedExpiriesPending. */
  settleLapsedExpiries(now: number): void {
    if (this.expiring === 0 || now < this.dueAt) return;
    this.pending |= this.expiring;
    this.expiring = 0;
    this.dueAt = 0;
  }

  /** PatientStateLib._withHolders. */
  addExpiringHolders(scope: number, expiresAt: number): void {
    if (this.expiring === 0 || expiresAt < this.dueAt) this.dueAt = expiresAt;
    this.expiring |= scope;
  }
}

/** The ledger as the planner sees it; `now` is the timestamp of the block being planned. */
export class LedgerModel {
  readonly participants = new Map<Address, ParticipantModel>();
  readonly patients = new Map<Address, PatientModel>();
  signUpFee = 0n;
  collectedFees = 0n;

  constructor(readonly admin: Address) {}

  participant(address: Address): ParticipantModel | undefined {
    return this.participants.get(address);
  }

  patient(address: Address): PatientModel {
    const patient = this.patients.get(address);
    require_(patient !== undefined, `${address} is not a patient`);
    return patient;
  }

  register(registrar: Address, account: Address, kind: number, affiliation?: Address): AccessLogAction[] {
    require_(!this.participants.has(account) && account !== this.admin, "an account registers once, never the admin");
    if (registrar !== this.admin) {
      const hospital = this.participants.get(registrar);
      require_(hospital?.kind === KIND.hospital && hospital.active && (kind === KIND.doctor || kind === KIND.lab) && affiliation === registrar, "a hospital registers its own doctors and labs");
    }
    if (affiliation !== undefined) {
      const hospital = this.participants.get(affiliation);
      require_((kind === KIND.doctor || kind === KIND.lab) && hospital?.kind === KIND.hospital && hospital.active, "only doctors and labs belong to an active hospital");
    }
    this.participants.set(account, { address: account, kind, active: true, ...(affiliation === undefined ? {} : { affiliation }) });
    if (kind === KIND.patient) this.patients.set(account, new PatientModel(account));
    return ["participant-registered"];
  }

  signUp(account: Address, paid: bigint): AccessLogAction[] {
    require_(paid === this.signUpFee, "a sign-up pays exactly the fee");
    this.collectedFees += paid;
    return this.register(this.admin, account, KIND.patient);
  }

  setSignUpFee(fee: bigint): AccessLogAction[] {
    require_(fee !== this.signUpFee, "a fee change changes the fee");
    this.signUpFee = fee;
    return ["sign-up-fee-changed"];
  }

  withdrawFees(): AccessLogAction[] {
    require_(this.collectedFees > 0n, "a withdrawal has fees to send");
    this.collectedFees = 0n;
    return ["fees-withdrawn"];
  }

  suspend(by: Address, account: Address): AccessLogAction[] {
    const target = this.participants.get(account);
    require_(target !== undefined && target.active && (by === this.admin || target.affiliation === by), "the admin, or the hospital of its own staff, suspends an active participant");
    target.active = false;
    return ["participant-suspended"];
  }

  reactivate(account: Address): AccessLogAction[] {
    const target = this.participants.get(account);
    require_(target !== undefined && !target.active, "the admin reactivates a suspended participant");
    target.active = true;
    return ["participant-reactivated"];
  }

  isActive(address: Address): boolean {
    return this.participants.get(address)?.active === true;
  }

  isProvider(address: Address): boolean {
    const kind = this.participants.get(address)?.kind;
    return kind === KIND.doctor || kind === KIND.hospital || kind === KIND.insurer || kind === KIND.lab;
  }

  /** Consent._canAccess. */
  canAccess(patient: PatientModel, who: Address, category: number, write: boolean, now: number): boolean {
    if (who === patient.address) return true;
    const grant = patient.grants.get(who);
    if (grant === undefined || !covers(write ? grant.write : grant.read, category)) return false;
    if (grant.expiresAt !== 0 && now >= grant.expiresAt) return false;
    return this.isActive(who);
  }

  /** Whether `author` can add a record of `category` now (RecordLog.addRecord with the current epoch). */
  canAddRecord(patient: PatientModel, author: Address, category: number, now: number): boolean {
    return this.isActive(author) && this.canAccess(patient, author, category, true, now) && patient.epochs[category] !== 0 && !patient.rotationRequired(category, now);
  }

  /** Who else may read `category` now: the wraps a rotation hands out after the patient's own. */
  readersOf(patient: PatientModel, category: number, now: number): Address[] {
    return [...patient.grants.keys()].filter((grantee) => this.canAccess(patient, grantee, category, false, now));
  }

  /**
   * ScopeKeys.rotateScopeKey by `rotator` (the patient or a writer of the category), with a wrap
   * for the patient and every other current reader. Returns the epoch it expected and the recipients.
   */
  rotate(patient: PatientModel, category: number, rotator: Address, now: number): { expectedEpoch: number; recipients: Address[]; actions: AccessLogAction[] } {
    require_(this.isActive(rotator) && this.canAccess(patient, rotator, category, true, now), "the patient or a writer of the category rotates its key");
    const expectedEpoch = patient.epochs[category] as number;
    const recipients = [patient.address, ...this.readersOf(patient, category, now).filter((reader) => reader !== rotator)];
    let holdersExpireAt = rotator === patient.address ? 0 : (patient.grants.get(rotator)?.expiresAt ?? 0);
    for (const reader of recipients.slice(1)) {
      const expiresAt = patient.grants.get(reader)?.expiresAt ?? 0;
      if (expiresAt !== 0 && (holdersExpireAt === 0 || expiresAt < holdersExpireAt)) holdersExpireAt = expiresAt;
    }
    // PatientStateLib.withRotation.
    patient.settleLapsedExpiries(now);
    const bit = 1 << category;
    patient.expiring &= ~bit;
    if (patient.expiring === 0) patient.dueAt = 0;
    patient.epochs[category] = expectedEpoch + 1;
    patient.pending &= ~bit;
    if (holdersExpireAt !== 0) patient.addExpiringHolders(bit, holdersExpireAt);
    return { expectedEpoch, recipients, actions: ["scope-key-rotated", ...recipients.map((): AccessLogAction => "scope-key-wrapped")] };
  }

  /** Consent.grant for one grantee; `read` includes `write`. */
  grant(patient: PatientModel, grantee: Address, read: number, write: number, expiresAt: number, now: number): AccessLogAction[] {
    const participant = this.participants.get(grantee);
    require_(grantee !== patient.address && participant !== undefined && participant.kind !== KIND.auditor && participant.active, "a grant goes to another active participant, not an auditor");
    const scope = read | write;
    require_(scope !== 0 && (write === 0 || mayWriteRecords(participant.kind)), "a grant covers something, and write only for doctors, hospitals and labs");
    require_(expiresAt === 0 || expiresAt > now, "a grant's expiry lies ahead");
    require_((scope & patient.keyedScope) === scope, "every granted category has a key");
    const dropped = (patient.grants.get(grantee)?.read ?? 0) & ~scope;
    patient.pending |= dropped;
    patient.grants.set(grantee, { read: scope, write, expiresAt });
    if (expiresAt !== 0) {
      patient.settleLapsedExpiries(now);
      patient.addExpiringHolders(scope, expiresAt);
    }
    return ["access-granted", ...categoriesOf(scope).map((): AccessLogAction => "scope-key-wrapped")];
  }

  revoke(patient: PatientModel, grantee: Address): AccessLogAction[] {
    const grant = patient.grants.get(grantee);
    require_(grant !== undefined, "a revoke ends an existing grant");
    patient.pending |= grant.read;
    patient.grants.delete(grantee);
    return ["access-revoked"];
  }

  requestAccess(requester: Address, patient: PatientModel, read: number, write: number): AccessLogAction[] {
    const participant = this.participants.get(requester);
    require_(participant !== undefined && participant.active && this.isProvider(requester), "an active provider requests access");
    require_((read | write) !== 0 && (write === 0 || mayWriteRecords(participant.kind)), "a request asks for something, and write only for doctors, hospitals and labs");
    patient.requests.set(requester, { read: read | write, write });
    return ["access-requested"];
  }

  denyRequest(patient: PatientModel, requester: Address): AccessLogAction[] {
    require_(patient.requests.delete(requester), "a denial answers an open request");
    return ["access-request-denied"];
  }

  addRecord(patient: PatientModel, author: Address, category: number, now: number): { recordId: number; actions: AccessLogAction[] } {
    require_(this.canAddRecord(patient, author, category, now), "a record is added by the patient or a writer of the category, under a current key");
    const recordId = patient.records.length + 1;
    patient.records.push({ id: recordId, author, category, status: "active" });
    return { recordId, actions: ["record-added"] };
  }

  /** Whether `author` may amend or retract `record` now: its author, still a writer of its category. */
  canChange(patient: PatientModel, author: Address, record: RecordModel, now: number): boolean {
    return record.author === author && record.status === "active" && this.isActive(author) && this.canAccess(patient, author, record.category, true, now);
  }

  amendRecord(patient: PatientModel, author: Address, record: RecordModel, now: number): { recordId: number; actions: AccessLogAction[] } {
    require_(this.canChange(patient, author, record, now) && this.canAddRecord(patient, author, record.category, now), "an amendment is by the author of a current record, under a current key");
    record.status = "superseded";
    const recordId = patient.records.length + 1;
    patient.records.push({ id: recordId, author, category: record.category, status: "active" });
    return { recordId, actions: ["record-amended"] };
  }

  retractRecord(patient: PatientModel, author: Address, record: RecordModel, now: number): AccessLogAction[] {
    require_(this.canChange(patient, author, record, now), "a retraction is by the author of a current record");
    record.status = "retracted";
    return ["record-retracted"];
  }

  logAccess(patient: PatientModel, reader: Address, record: RecordModel, now: number): AccessLogAction[] {
    require_(this.isActive(reader) && this.canAccess(patient, reader, record.category, false, now), "a read receipt is by the patient or a current reader");
    return ["record-read"];
  }

  changeProfile(provider: Address): AccessLogAction[] {
    require_(this.isActive(provider) && this.isProvider(provider), "an active provider changes its profile");
    return ["profile-changed"];
  }

  changeEncryptionKey(account: Address): AccessLogAction[] {
    require_(this.isActive(account), "an active participant changes its key");
    return ["encryption-key-changed"];
  }
}
