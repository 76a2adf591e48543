import { describe, expect, it } from "vitest";

import type { AccessLogEntry } from "../../../../../../../web/src/core/access-log/entry.js";
import type { Address } from "../../../../../../../web/src/core/ledger-context.js";
import {
  ACTIVITY_KINDS,
  describeForPatient,
  groupByDay,
  isActivityKind,
  patientActivity,
} from "../../../../../../../web/src/portal/roles/patient/sharing/activity.js";

const patient = `0x${"aa".repeat(20)}` as Address;
const other = `0x${"bb".repeat(20)}` as Address;
const doctor = `0x${"dd".repeat(20)}` as Address;
const at = (day: number, hour: number) => Math.floor(new Date(2030, 0, day, hour).getTime() / 1000);

let logIndex = 0;
function position(timestamp: number) {
  logIndex += 1;
  return { blockNumber: BigInt(logIndex), logIndex, transactionHash: `0x${logIndex.toString(16).padStart(64, "0")}` as const, timestamp };
}

const granted = (who: Address, timestamp: number): AccessLogEntry => ({
  action: "access-granted", actor: who, patient: who, subject: doctor, categories: [0], readCategories: [0], writeCategories: [], ...position(timestamp),
});
const added = (timestamp: number): AccessLogEntry => ({
  action: "record-added", actor: doctor, patient, recordId: 1n, categories: [0], epoch: 1, contentDigest: `0x${"00".repeat(32)}`, ...position(timestamp),
});
const read = (timestamp: number): AccessLogEntry => ({
  action: "record-read", actor: doctor, patient, recordId: 1n, categories: [0], purpose: 0, ...position(timestamp),
});
const requested = (timestamp: number): AccessLogEntry => ({
  action: "access-requested", actor: doctor, patient, categories: [1], readCategories: [1], writeCategories: [], purpose: 0, ...position(timestamp),
});
const rotated = (timestamp: number): AccessLogEntry => ({
  action: "scope-key-rotated", actor: patient, patient, categories: [0], epoch: 1, ...position(timestamp),
});

describe("patientActivity", () => {
  const log = [rotated(at(1, 9)), granted(patient, at(1, 10)), granted(other, at(1, 11)), added(at(2, 9)), read(at(3, 9))];

  it("patientActivity of everything keeps this patient's grants, records and reads, newest first, without key events", () => {
    expect(patientActivity(log, patient, "all").map((entry) => entry.action)).toEqual(["record-read", "record-added", "access-granted"]);
  });

  it("patientActivity of reads keeps read receipts only", () => {
    expect(patientActivity(log, patient, "reads").map((entry) => entry.action)).toEqual(["record-read"]);
  });

  it("patientActivity of grants leaves out another patient's grant", () => {
    const entries = patientActivity(log, patient, "grants");
    expect(entries).toHaveLength(1);
    expect(entries[0]?.patient).toBe(patient);
  });
});

describe("describeForPatient", () => {
  const nameOf = (address: Address) => (address === doctor ? "Dr. Grace Hopper" : undefined);
  const date = () => "1 Jan 2031";

  it("describeForPatient words the patient's own actions as 'You'", () => {
    expect(describeForPatient(granted(patient, at(1, 10)), patient, nameOf, date)).toBe("You granted Dr. Grace Hopper read access to general notes");
  });

  it("describeForPatient drops 'of patient you' from a read receipt", () => {
    expect(describeForPatient(read(at(1, 10)), patient, nameOf, date)).toBe("Dr. Grace Hopper opened record #1 (general notes) for treatment");
  });

  it("describeForPatient turns 'patient you' into 'you' for records added and requests", () => {
    expect(describeForPatient(added(at(1, 10)), patient, nameOf, date)).toBe("Dr. Grace Hopper added record #1 (general notes) for you");
    expect(describeForPatient(requested(at(1, 10)), patient, nameOf, date)).toBe("Dr. Grace Hopper asked you for read access to lab results for treatment");
  });
});

describe("groupByDay", () => {
  it("groupByDay puts entries of the same local day together, in the order given", () => {
    const entries = [read(at(3, 18)), read(at(3, 8)), added(at(2, 23))];
    const days = groupByDay(entries, (entry) => entry.action);
    expect(days.map((day) => [day.day, day.lines.length])).toEqual([["2030-01-03", 2], ["2030-01-02", 1]]);
    expect(days[0]?.lines.map((line) => line.timestamp)).toEqual([at(3, 18), at(3, 8)]);
    expect(days[1]?.lines[0]?.text).toBe("record-added");
  });

  it("groupByDay of nothing is no day", () => {
    expect(groupByDay([], () => "")).toEqual([]);
  });
});

describe("isActivityKind", () => {
  it("isActivityKind accepts the offered kinds and nothing else", () => {
    expect(Object.keys(ACTIVITY_KINDS).every(isActivityKind)).toBe(true);
    expect(isActivityKind("toString")).toBe(false);
  });
});
