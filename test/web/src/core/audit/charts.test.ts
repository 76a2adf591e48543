import { describe, expect, it } from "vitest";

import { activeGrantsPerDay, eventsPerDay, topReaders } from "../../../../../web/src/core/audit/charts.js";
import { utcDayOf } from "../../../../../web/src/core/audit/days.js";
import { GrantIndex } from "../../../../../web/src/core/audit/grant-periods.js";
import { Category } from "../../../../helpers/fixture.js";
import { alice, bob, doctor, hospital, insurer, LogBuilder } from "./support.js";
import { NO_KEY_OR_PROFILE } from "../access-log/support.js";

const { GeneralNotes: NOTES } = Category;
const DAY = 86_400;
/** 2024-03-09T00:00:00Z */
const MARCH_9 = 1_709_942_400;

const zeros = { access: 0, records: 0, reads: 0, registry: 0, keys: 0, admin: 0 };

describe("eventsPerDay", () => {
  const log = new LogBuilder().at(MARCH_9 + 3_600);
  log.push({ action: "participant-registered", actor: alice, subject: alice, patient: alice, kind: 1, ...NO_KEY_OR_PROFILE });
  log.grant(alice, doctor, [NOTES]);
  log.at(MARCH_9 + 2 * DAY + 60).read(doctor, alice, 1n, NOTES);
  log.read(doctor, alice, 1n, NOTES, 0, true);
  log.pause();

  it("eventsPerDay_dayWithoutEvents_isThereWithZeros", () => {
    expect(eventsPerDay(log.entries, { dayOf: utcDayOf })).toEqual([
      { day: "2024-03-09", start: MARCH_9 + 3_600, end: MARCH_9 + DAY - 1, counts: { ...zeros, registry: 1, access: 1 }, total: 2 },
      { day: "2024-03-10", start: MARCH_9 + DAY, end: MARCH_9 + 2 * DAY - 1, counts: zeros, total: 0 },
      { day: "2024-03-11", start: MARCH_9 + 2 * DAY, end: MARCH_9 + 2 * DAY + 72, counts: { ...zeros, reads: 2, admin: 1 }, total: 3 },
    ]);
  });

  it("eventsPerDay_range_countsOnlyWithinItAndPadsBothEnds", () => {
    const days = eventsPerDay(log.entries, { dayOf: utcDayOf, from: MARCH_9 - DAY, to: MARCH_9 + 4 * DAY - 1 });
    expect(days.map((day) => [day.day, day.total])).toEqual([["2024-03-08", 0], ["2024-03-09", 2], ["2024-03-10", 0], ["2024-03-11", 3], ["2024-03-12", 0]]);
    const clipped = eventsPerDay(log.entries, { dayOf: utcDayOf, from: MARCH_9 + 2 * DAY + 61, to: MARCH_9 + 2 * DAY + 100 });
    expect(clipped.map((day) => [day.day, day.counts])).toEqual([["2024-03-11", { ...zeros, admin: 1 }]]);
  });

  it("eventsPerDay_noEntriesNoRange_isEmpty", () => {
    expect(eventsPerDay([], { dayOf: utcDayOf })).toEqual([]);
  });
});

describe("topReaders", () => {
  const log = LogBuilder.withParticipants();
  log.read(doctor, alice, 1n, NOTES);
  log.read(doctor, alice, 2n, NOTES);
  log.read(insurer, alice, 1n, NOTES);
  log.read(insurer, bob, 1n, NOTES);
  log.read(hospital, bob, 1n, NOTES);
  log.read(alice, alice, 1n, NOTES);
  log.read(alice, alice, 1n, NOTES);
  log.read(alice, alice, 1n, NOTES);
  log.add(doctor, alice, 3n, NOTES);

  it("topReaders_mostReadsFirst_thenMostPatients", () => {
    expect(topReaders(log.entries)).toEqual([
      { reader: alice, reads: 3, patients: 1 },
      { reader: insurer, reads: 2, patients: 2 },
      { reader: doctor, reads: 2, patients: 1 },
      { reader: hospital, reads: 1, patients: 1 },
    ]);
  });

  it("topReaders_limitAndWithoutOwnReads_leavesThePatientOutAndCuts", () => {
    expect(topReaders(log.entries, { limit: 2, ownReads: false })).toEqual([
      { reader: insurer, reads: 2, patients: 2 },
      { reader: doctor, reads: 2, patients: 1 },
    ]);
  });

  it("topReaders_noReads_isEmpty", () => {
    expect(topReaders(log.entries.filter((entry) => entry.action !== "record-read"))).toEqual([]);
  });
});

describe("activeGrantsPerDay", () => {
  it("activeGrantsPerDay_grantsEndingByRevokeExpiryAndReplacement_countsThoseInForceAtEachDaysEnd", () => {
    const log = LogBuilder.withParticipants();
    log.at(MARCH_9 + 100).grant(alice, doctor, [NOTES]);
    log.grant(alice, insurer, [NOTES], [], MARCH_9 + 2 * DAY + 3_600);
    log.grant(bob, doctor, [NOTES]);
    log.at(MARCH_9 + DAY + 100).revoke(bob, doctor, [NOTES]);
    log.grant(alice, doctor, [NOTES]);
    log.at(MARCH_9 + 3 * DAY + 100).grant(bob, doctor, [NOTES], [], MARCH_9 + 3 * DAY + 200);
    const grants = GrantIndex.of(log.entries);
    const days = activeGrantsPerDay(grants, { dayOf: utcDayOf, from: MARCH_9 - DAY, to: MARCH_9 + 5 * DAY - 1 });
    expect(days.map((day) => [day.day, day.active])).toEqual([
      ["2024-03-08", 0],
      ["2024-03-09", 3],
      ["2024-03-10", 2],
      ["2024-03-11", 1],
      ["2024-03-12", 1],
      ["2024-03-13", 1],
    ]);
  });

  it("activeGrantsPerDay_noRange_runsFromTheFirstGrantToTheNewestEntry", () => {
    const log = LogBuilder.withParticipants();
    log.at(MARCH_9 + 100).grant(alice, doctor, [NOTES]);
    log.at(MARCH_9 + DAY + 5).revoke(alice, doctor, [NOTES]);
    const days = activeGrantsPerDay(GrantIndex.of(log.entries), { dayOf: utcDayOf });
    expect(days).toEqual([
      { day: "2024-03-09", start: MARCH_9 + 100, end: MARCH_9 + DAY - 1, active: 1 },
      { day: "2024-03-10", start: MARCH_9 + DAY, end: MARCH_9 + DAY + 5, active: 0 },
    ]);
  });

  it("activeGrantsPerDay_noGrants_isEmptyWithoutARangeAndZerosWithOne", () => {
    const grants = GrantIndex.of(LogBuilder.withParticipants().entries);
    expect(activeGrantsPerDay(grants, { dayOf: utcDayOf })).toEqual([]);
    expect(activeGrantsPerDay(grants, { dayOf: utcDayOf, from: MARCH_9, to: MARCH_9 + DAY }).map((day) => day.active)).toEqual([0, 0]);
  });
});
