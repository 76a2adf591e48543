/** Hand-built access logs for the audit models' tests: entries in chain order, one block each unless told. */
import type { AccessLogDetail, AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { Kind } from "../../../../helpers/fixture.js";
import { digest, NO_KEY_OR_PROFILE } from "../access-log/support.js";

export const admin = "0xAd00000000000000000000000000000000000001" as Address;
export const alice = "0xA11ce00000000000000000000000000000000002" as Address;
export const bob = "0xB0b0000000000000000000000000000000000003" as Address;
export const doctor = "0xD0c7000000000000000000000000000000000004" as Address;
export const insurer = "0x1A5e000000000000000000000000000000000005" as Address;
export const hospital = "0x4057000000000000000000000000000000000006" as Address;

export const START = 1_700_000_000;
/** Seconds between blocks. */
export const BLOCK_TIME = 12;

/** A log under construction: each step is a new block `BLOCK_TIME` later, or the same block with `sameBlock`. */
export class LogBuilder {
  readonly entries: AccessLogEntry[] = [];
  private block = 0n;
  private logIndex = 0;
  private nextTime = START;
  /** The time of the newest block. */
  time = START;

  /** alice and bob as patients, doctor and hospital as writers, insurer as a reader, each in a block of its own. */
  static withParticipants(): LogBuilder {
    const log = new LogBuilder();
    log.register(alice, Kind.Patient).register(bob, Kind.Patient).register(hospital, Kind.Hospital);
    return log.register(doctor, Kind.Doctor).register(insurer, Kind.Insurer);
  }

  push(detail: AccessLogDetail, sameBlock = false): AccessLogEntry {
    if (sameBlock && this.entries.length > 0) {
      this.logIndex++;
    } else {
      this.block++;
      this.logIndex = 0;
      this.time = this.nextTime;
      this.nextTime += BLOCK_TIME;
    }
    const entry = { ...detail, blockNumber: this.block, logIndex: this.logIndex, transactionHash: digest(Number(this.block % 256n)), timestamp: this.time } as AccessLogEntry;
    this.entries.push(entry);
    return entry;
  }

  /** The next block comes at `time` (unix seconds). */
  at(time: number): this {
    this.nextTime = time;
    return this;
  }

  register(account: Address, kind: number): this {
    this.push({ action: "participant-registered", actor: kind === Kind.Patient ? account : admin, subject: account, kind, ...(kind === Kind.Patient ? { patient: account } : {}), ...NO_KEY_OR_PROFILE });
    return this;
  }

  suspend(account: Address): AccessLogEntry {
    return this.push({ action: "participant-suspended", actor: admin, subject: account });
  }

  reactivate(account: Address): AccessLogEntry {
    return this.push({ action: "participant-reactivated", actor: admin, subject: account });
  }

  pause(): AccessLogEntry {
    return this.push({ action: "paused", actor: admin });
  }

  unpause(): AccessLogEntry {
    return this.push({ action: "unpaused", actor: admin });
  }

  /** `readCategories` as given (the contract adds write to read; the log's mapper does too). */
  grant(patient: Address, grantee: Address, readCategories: number[], writeCategories: number[] = [], expiresAt?: number, sameBlock = false): AccessLogEntry {
    return this.push({
      action: "access-granted", actor: patient, patient, subject: grantee, categories: readCategories, readCategories, writeCategories,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    }, sameBlock);
  }

  revoke(patient: Address, grantee: Address, categories: number[]): AccessLogEntry {
    return this.push({ action: "access-revoked", actor: patient, patient, subject: grantee, categories });
  }

  add(author: Address, patient: Address, recordId: bigint, category: number, options: { supersedes?: bigint; facility?: Address; tag?: number } = {}): AccessLogEntry {
    const fields = { actor: author, patient, recordId, categories: [category], epoch: 1, contentDigest: digest(options.tag ?? Number(recordId)) as Hex, ...(options.facility === undefined ? {} : { facility: options.facility }) };
    return options.supersedes === undefined
      ? this.push({ action: "record-added", ...fields })
      : this.push({ action: "record-amended", ...fields, supersedes: options.supersedes });
  }

  retract(author: Address, patient: Address, recordId: bigint, category: number, reason = 0): AccessLogEntry {
    return this.push({ action: "record-retracted", actor: author, patient, recordId, categories: [category], reason });
  }

  read(reader: Address, patient: Address, recordId: bigint, category: number, purpose = 0, sameBlock = false): AccessLogEntry {
    return this.push({ action: "record-read", actor: reader, patient, recordId, categories: [category], purpose }, sameBlock);
  }

  rotate(rotator: Address, patient: Address, category: number, epoch = 2): AccessLogEntry {
    return this.push({ action: "scope-key-rotated", actor: rotator, patient, categories: [category], epoch });
  }

  wrap(sender: Address, patient: Address, recipient: Address, category: number, sameBlock = true): AccessLogEntry {
    return this.push({ action: "scope-key-wrapped", actor: sender, patient, subject: recipient, categories: [category], epoch: 1 }, sameBlock);
  }
}
