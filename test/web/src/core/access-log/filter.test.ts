import { describe, expect, it } from "vitest";

import { ACCESS_LOG_ACTIONS, type AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import { ACTION_GROUPS, filterAccessLog } from "../../../../../web/src/core/access-log/filter.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { Category } from "../../../../helpers/fixture.js";
import { entryOf } from "./support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;

const alice = "0xA11ce00000000000000000000000000000000001" as Address;
const bob = "0xB0b0000000000000000000000000000000000002" as Address;
const doctor = "0xD0c7000000000000000000000000000000000003" as Address;
const admin = "0xAd00000000000000000000000000000000000004" as Address;

const grant = entryOf({ action: "access-granted", actor: alice, patient: alice, subject: doctor, categories: [NOTES], readCategories: [NOTES], writeCategories: [] }, 100);
const read = entryOf({ action: "record-read", actor: doctor, patient: alice, recordId: 1n, categories: [NOTES], purpose: 0 }, 200);
const added = entryOf({ action: "record-added", actor: doctor, patient: bob, recordId: 1n, categories: [LABS], epoch: 1, contentDigest: `0x${"01".repeat(32)}` }, 300);
const paused = entryOf({ action: "paused", actor: admin }, 400);
const log: AccessLogEntry[] = [grant, read, added, paused];

describe("filterAccessLog", () => {
  it("keeps everything when no criterion is given", () => {
    expect(filterAccessLog(log, {})).toEqual(log);
  });

  it("keeps the entries of one patient, whatever the letter case", () => {
    expect(filterAccessLog(log, { patient: alice.toLowerCase() as Address })).toEqual([grant, read]);
    expect(filterAccessLog(log, { patient: bob })).toEqual([added]);
  });

  it("keeps the entries of one actor", () => {
    expect(filterAccessLog(log, { actor: doctor })).toEqual([read, added]);
    expect(filterAccessLog(log, { actor: admin })).toEqual([paused]);
  });

  it("keeps the actions asked for, and none for an empty list", () => {
    expect(filterAccessLog(log, { actions: ACTION_GROUPS.reads.actions })).toEqual([read]);
    expect(filterAccessLog(log, { actions: ["record-added", "paused"] })).toEqual([added, paused]);
    expect(filterAccessLog(log, { actions: [] })).toEqual([]);
  });

  it("keeps the entries within the time range, both ends included", () => {
    expect(filterAccessLog(log, { from: 200 })).toEqual([read, added, paused]);
    expect(filterAccessLog(log, { to: 300 })).toEqual([grant, read, added]);
    expect(filterAccessLog(log, { from: 200, to: 300 })).toEqual([read, added]);
    expect(filterAccessLog(log, { from: 201, to: 299 })).toEqual([]);
  });

  it("combines criteria", () => {
    expect(filterAccessLog(log, { patient: alice, actor: doctor, actions: ["record-read"], from: 150, to: 250 })).toEqual([read]);
    expect(filterAccessLog(log, { patient: alice, actions: ["record-added"] })).toEqual([]);
  });
});

describe("ACTION_GROUPS", () => {
  it("puts every action in exactly one group", () => {
    const grouped = Object.values(ACTION_GROUPS).flatMap((group) => [...group.actions]);
    expect([...grouped].sort()).toEqual([...ACCESS_LOG_ACTIONS].sort());
  });

  it("has the groups the portal offers, each with a label", () => {
    expect(Object.keys(ACTION_GROUPS)).toEqual(["access", "records", "reads", "registry", "keys", "admin"]);
    for (const group of Object.values(ACTION_GROUPS)) expect(group.label).not.toBe("");
  });
});
