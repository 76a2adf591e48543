import { describe, expect, it } from "vitest";

import type { AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { LogIndex, queryNewestFirst } from "../../../../../web/src/core/log-sync/log-query.js";
import { Category } from "../../../../helpers/fixture.js";
import { entryOf } from "../access-log/support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;

const alice = "0xA11ce00000000000000000000000000000000001" as Address;
const bob = "0xB0b0000000000000000000000000000000000002" as Address;
const doctor = "0xD0c7000000000000000000000000000000000003" as Address;
const admin = "0xAd00000000000000000000000000000000000004" as Address;

const at = (entry: AccessLogEntry, blockNumber: bigint): AccessLogEntry => ({ ...entry, blockNumber });
const grant = at(entryOf({ action: "access-granted", actor: alice, patient: alice, subject: doctor, categories: [NOTES], readCategories: [NOTES], writeCategories: [] }, 100), 1n);
const read = at(entryOf({ action: "record-read", actor: doctor, patient: alice, recordId: 1n, categories: [NOTES], purpose: 0 }, 200), 2n);
const added = at(entryOf({ action: "record-added", actor: doctor, patient: bob, recordId: 1n, categories: [LABS], epoch: 1, contentDigest: `0x${"01".repeat(32)}` }, 300), 3n);
const paused = at(entryOf({ action: "paused", actor: admin }, 400), 4n);
const secondRead = at(entryOf({ action: "record-read", actor: doctor, patient: alice, recordId: 2n, categories: [NOTES], purpose: 0 }, 500), 5n);

function index(): LogIndex {
  const log = new LogIndex();
  log.append([grant, read, added, paused, secondRead]);
  return log;
}

describe("LogIndex.query", () => {
  it("query_noCriteria_returnsEverythingNewestFirst", () => {
    expect(index().query({})).toEqual({ entries: [secondRead, paused, added, read, grant], total: 5 });
  });

  it("query_patientInAnyLetterCase_returnsTheirEntries", () => {
    expect(index().query({ patient: alice.toLowerCase() as Address }).entries).toEqual([secondRead, read, grant]);
  });

  it("query_actorAndAction_returnsOnlyBoth", () => {
    expect(index().query({ actor: doctor, actions: ["record-read"] }).entries).toEqual([secondRead, read]);
  });

  it("query_category_returnsEntriesConcerningIt", () => {
    expect(index().query({ category: LABS }).entries).toEqual([added]);
  });

  it("query_record_returnsThatRecordsEntriesOfThatPatient", () => {
    expect(index().query({ patient: alice, recordId: 1n }).entries).toEqual([read]);
  });

  it("query_recordWithoutPatient_throwsRangeError", () => {
    expect(() => index().query({ recordId: 1n })).toThrow(RangeError);
  });

  it("query_timeRange_isInclusive", () => {
    expect(index().query({ from: 200, to: 400 }).entries).toEqual([paused, added, read]);
  });

  it("query_offsetAndLimit_pageThroughTheMatchesWithTheirTotal", () => {
    const log = index();
    expect(log.query({ limit: 2 })).toEqual({ entries: [secondRead, paused], total: 5 });
    expect(log.query({ offset: 2, limit: 2 })).toEqual({ entries: [added, read], total: 5 });
    expect(log.query({ offset: 4, limit: 2 })).toEqual({ entries: [grant], total: 5 });
  });

  it("query_unknownParty_returnsNothing", () => {
    expect(index().query({ actor: bob })).toEqual({ entries: [], total: 0 });
  });
});

describe("LogIndex.query paging and action groups", () => {
  it("query_actionGroup_returnsOnlyThatGroupsActions", () => {
    expect(index().query({ actionGroup: "reads" }).entries).toEqual([secondRead, read]);
    expect(index().query({ actionGroup: "admin" }).entries).toEqual([paused]);
  });

  it("query_actionGroupAndActions_returnsTheActionsInBoth", () => {
    expect(index().query({ actionGroup: "records", actions: ["record-added", "record-read"] }).entries).toEqual([added]);
    expect(index().query({ actionGroup: "access", actions: ["record-read"] })).toEqual({ entries: [], total: 0 });
  });

  it("query_negativeOrFractionalPaging_throwsRangeError", () => {
    expect(() => index().query({ offset: -1 })).toThrow(RangeError);
    expect(() => index().query({ limit: 1.5 })).toThrow(RangeError);
  });

  it("query_limitZero_countsWithoutEntries", () => {
    expect(index().query({ actor: doctor, limit: 0 })).toEqual({ entries: [], total: 3 });
  });
});

describe("queryNewestFirst", () => {
  function split(): [LogIndex, LogIndex] {
    const older = new LogIndex();
    older.append([grant, read, added]);
    const newer = new LogIndex();
    newer.append([paused, secondRead]);
    return [older, newer];
  }

  it("queryNewestFirst_pagesAcrossBothLogs_equalToOneLogWithEverything", () => {
    const [older, newer] = split();
    for (const [offset, limit] of [[0, 1], [1, 2], [2, 2], [0, 10], [4, 3], [5, 1]] as const) {
      expect(queryNewestFirst(older, newer, { offset, limit })).toEqual(index().query({ offset, limit }));
    }
  });

  it("queryNewestFirst_filtered_countsMatchesInBoth", () => {
    const [older, newer] = split();
    expect(queryNewestFirst(older, newer, { patient: alice, limit: 2 })).toEqual({ entries: [secondRead, read], total: 3 });
    expect(queryNewestFirst(older, newer, { patient: alice, offset: 1, limit: 5 })).toEqual({ entries: [read, grant], total: 3 });
  });
});

describe("LogIndex.truncateFrom", () => {
  it("truncateFrom_aBlock_dropsThatBlockAndLaterAndKeepsTheIndexesRight", () => {
    const log = index();
    log.truncateFrom(3n);
    expect(log.entries).toEqual([grant, read]);
    expect(log.query({ actor: doctor }).entries).toEqual([read]);
    expect(log.query({ patient: bob }).total).toBe(0);
  });
});
