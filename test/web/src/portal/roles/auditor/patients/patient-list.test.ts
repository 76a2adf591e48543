import { describe, expect, it } from "vitest";

import { GrantIndex } from "../../../../../../../web/src/core/audit/grant-periods.js";
import { patientSummaries, searchPatients } from "../../../../../../../web/src/portal/roles/auditor/patients/patient-list.js";
import { alice, bob, doctor, insurer, LogBuilder } from "../../../../core/audit/support.js";

describe("patientSummaries", () => {
  it("patientSummaries_history_countsRecordsReadsByOthersAndGrantsInForce", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [0], [0]);
    log.grant(alice, insurer, [4], [], log.time + 50);
    log.add(alice, alice, 1n, 0);
    log.add(doctor, alice, 2n, 0, { supersedes: 1n });
    log.read(doctor, alice, 2n, 0);
    log.read(alice, alice, 2n, 0);
    log.add(bob, bob, 1n, 7);
    const entries = log.entries;
    const summaries = patientSummaries(entries, GrantIndex.of(entries), log.time + 100);
    expect(summaries).toEqual([
      { patient: alice, signedUpAt: entries[0]?.timestamp, records: 2, readsByOthers: 1, standingGrants: 1 },
      { patient: bob, signedUpAt: entries[1]?.timestamp, records: 1, readsByOthers: 0, standingGrants: 0 },
    ]);
  });
});

describe("searchPatients", () => {
  it("searchPatients_partOfAnAddressInAnyCase_findsThatPatient", () => {
    const log = LogBuilder.withParticipants();
    const summaries = patientSummaries(log.entries, GrantIndex.of(log.entries), log.time);
    expect(searchPatients(summaries, " a11CE ").map((summary) => summary.patient)).toEqual([alice]);
    expect(searchPatients(summaries, "")).toHaveLength(2);
    expect(searchPatients(summaries, "ffff")).toEqual([]);
  });
});
