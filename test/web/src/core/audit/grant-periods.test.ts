import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { EntriesOutOfOrderError, positionOf } from "../../../../../web/src/core/audit/chain-order.js";
import { GrantIndex, grantEnd } from "../../../../../web/src/core/audit/grant-periods.js";
import { Category } from "../../../../helpers/fixture.js";
import { alice, bob, doctor, hospital, insurer, LogBuilder, START } from "./support.js";

const { GeneralNotes: NOTES, LabResults: LABS, Imaging: IMAGING } = Category;
const LATER = START + 100_000;

describe("GrantIndex.of", () => {
  it("of_grantThenRegrant_replacesScopesAndExpiryInsteadOfMerging", () => {
    const log = LogBuilder.withParticipants();
    const first = log.grant(alice, doctor, [NOTES, LABS], [NOTES], START + 50_000);
    const second = log.grant(alice, doctor, [IMAGING]);
    const grants = GrantIndex.of(log.entries);

    expect(grants.grantOf(alice, doctor)).toEqual({ readScope: 0b100, writeScope: 0, expiresAt: 0, grantedAt: second.timestamp });
    const [replaced, standing] = grants.periodsOf(alice, doctor);
    expect(replaced).toEqual({
      id: 0, patient: alice, grantee: doctor, readScope: 0b11, writeScope: 0b1, readCategories: [NOTES, LABS], writeCategories: [NOTES],
      grantedAt: first.timestamp, expiresAt: START + 50_000, granted: positionOf(first),
      closedBy: { how: "replaced", at: second.timestamp, entry: positionOf(second), by: 1 },
    });
    expect(standing?.closedBy).toBeUndefined();
    expect(grants.hasAccess(alice, doctor, NOTES, false, LATER)).toBe(false);
    expect(grants.hasAccess(alice, doctor, IMAGING, false, LATER)).toBe(true);
  });

  it("of_revoke_closesThePeriodAndGrantOfReturnsZeros", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [NOTES]);
    const revoked = log.revoke(alice, doctor, [NOTES]);
    const grants = GrantIndex.of(log.entries);

    expect(grants.grantOf(alice, doctor)).toEqual({ readScope: 0, writeScope: 0, expiresAt: 0, grantedAt: 0 });
    expect(grants.periodsOf(alice, doctor)[0]?.closedBy).toEqual({ how: "revoked", at: revoked.timestamp, entry: positionOf(revoked) });
    expect(grants.hasAccess(alice, doctor, NOTES, false, revoked.timestamp)).toBe(false);
  });

  it("of_writeCategoryMissingFromReadCategories_isReadableAsTheContractStoresIt", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [LABS]);
    const grants = GrantIndex.of(log.entries);
    expect(grants.grantOf(alice, doctor)).toMatchObject({ readScope: 0b11, writeScope: 0b10 });
    expect(grants.hasAccess(alice, doctor, LABS, false, LATER)).toBe(true);
  });

  it("of_revokeWithoutAGrant_changesNothing", () => {
    const log = LogBuilder.withParticipants();
    log.revoke(alice, doctor, [NOTES]);
    const grant = log.grant(alice, doctor, [NOTES]);
    const grants = GrantIndex.of(log.entries);
    expect(grants.periods.map((period) => period.closedBy)).toEqual([undefined]);
    expect(grants.grantOf(alice, doctor)).toEqual({ readScope: 1, writeScope: 0, expiresAt: 0, grantedAt: grant.timestamp });
  });

  it("of_unorderedEntries_throwsEntriesOutOfOrder", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    const entries = [...log.entries];
    entries.reverse();
    expect(() => GrantIndex.of(entries)).toThrow(EntriesOutOfOrderError);
  });

  it("of_emptyLog_hasNoGrantsAndNoAccess", () => {
    const grants = GrantIndex.of([]);
    expect(grants.periods).toEqual([]);
    expect(grants.asOf).toBeUndefined();
    expect(grants.grantOf(alice, doctor)).toEqual({ readScope: 0, writeScope: 0, expiresAt: 0, grantedAt: 0 });
    expect(grants.hasAccess(alice, alice, NOTES, false, START)).toBe(false);
  });
});

describe("GrantIndex lookups", () => {
  const log = LogBuilder.withParticipants();
  log.grant(alice, doctor, [NOTES]);
  log.grant(bob, doctor, [LABS]);
  log.grant(alice, insurer, [LABS]);
  log.grant(alice, doctor, [IMAGING]);
  const grants = GrantIndex.of(log.entries);

  it("periodsOf_anyLetterCase_findsThePairsGrantsOldestFirst", () => {
    expect(grants.periodsOf(alice.toLowerCase() as Address, doctor.toUpperCase().replace("0X", "0x") as Address).map((period) => period.id)).toEqual([0, 3]);
    expect(grants.periodsOf(bob, insurer)).toEqual([]);
  });

  it("periodsOfPatientAndGrantee_giveEachSidesGrantsInChainOrder", () => {
    expect(grants.periodsOfPatient(alice).map((period) => period.id)).toEqual([0, 2, 3]);
    expect(grants.periodsOfGrantee(doctor).map((period) => period.id)).toEqual([0, 1, 3]);
    expect(grants.periodsOfGrantee(hospital)).toEqual([]);
  });

  it("pairs_everyPairOnce_inTheOrderOfItsFirstGrant", () => {
    expect(grants.pairs()).toEqual([{ patient: alice, grantee: doctor }, { patient: bob, grantee: doctor }, { patient: alice, grantee: insurer }]);
  });

  it("storedAt_aPosition_isTheGrantStoredJustBeforeIt", () => {
    const [first, , , second] = grants.periods;
    expect(grants.storedAt(alice, doctor, first?.granted)).toBeUndefined();
    expect(grants.storedAt(alice, doctor, second?.granted)).toBe(first);
    expect(grants.storedAt(alice, doctor)).toBe(second);
  });
});

describe("grantEnd", () => {
  it("grantEnd_expiryBeforeNow_isExpiredAtTheExpiry", () => {
    const log = LogBuilder.withParticipants();
    const grant = log.grant(alice, doctor, [NOTES], [], START + 1_000);
    const period = GrantIndex.of(log.entries).periods[0]!;
    expect(grantEnd(period, START + 999)).toBeUndefined();
    expect(grantEnd(period, START + 1_000)).toEqual({ how: "expired", at: START + 1_000 });
    expect(period.grantedAt).toBe(grant.timestamp);
  });

  it("grantEnd_revokedAfterItsExpiry_isTheExpiry", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [], START + 1_000);
    log.at(START + 2_000).revoke(alice, doctor, [NOTES]);
    const period = GrantIndex.of(log.entries).periods[0]!;
    expect(period.closedBy?.how).toBe("revoked");
    expect(grantEnd(period, LATER)).toEqual({ how: "expired", at: START + 1_000 });
  });

  it("grantEnd_revokedBeforeItsExpiry_isTheRevoke", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [], START + 1_000);
    const revoked = log.revoke(alice, doctor, [NOTES]);
    const period = GrantIndex.of(log.entries).periods[0]!;
    expect(grantEnd(period, LATER)).toEqual({ how: "revoked", at: revoked.timestamp, entry: positionOf(revoked) });
  });
});

describe("GrantIndex.hasAccess", () => {
  it("hasAccess_expiringGrant_allowsUntilTheSecondBeforeExpiry", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [], START + 1_000);
    const grants = GrantIndex.of(log.entries);
    expect(grants.hasAccess(alice, doctor, NOTES, false, START + 999)).toBe(true);
    expect(grants.hasAccess(alice, doctor, NOTES, false, START + 1_000)).toBe(false);
    // An expired grant stays in storage until revoked or replaced, as on chain.
    expect(grants.grantOf(alice, doctor).expiresAt).toBe(START + 1_000);
  });

  it("hasAccess_writeNeedsTheWriteScope_readFollowsFromIt", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES, LABS], [NOTES]);
    const grants = GrantIndex.of(log.entries);
    expect([NOTES, LABS, IMAGING].map((category) => [grants.hasAccess(alice, doctor, category, false, LATER), grants.hasAccess(alice, doctor, category, true, LATER)]))
      .toEqual([[true, true], [true, false], [false, false]]);
  });

  it("hasAccess_granteeSuspendedThenReactivated_followsTheStatusAndKeepsTheGrant", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    log.suspend(doctor);
    const suspended = GrantIndex.of(log.entries);
    log.reactivate(doctor);
    const reactivated = GrantIndex.of(log.entries);
    expect(suspended.hasAccess(alice, doctor, NOTES, false, LATER)).toBe(false);
    expect(suspended.grantOf(alice, doctor).readScope).toBe(1);
    expect(reactivated.hasAccess(alice, doctor, NOTES, false, LATER)).toBe(true);
  });

  it("hasAccess_patientSuspended_refusesEveryoneIncludingThePatient", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    log.suspend(alice);
    const grants = GrantIndex.of(log.entries);
    expect(grants.hasAccess(alice, doctor, NOTES, false, LATER)).toBe(false);
    expect(grants.hasAccess(alice, alice, NOTES, true, LATER)).toBe(false);
    expect(grants.decide(alice, doctor, NOTES, false, LATER).refusal).toBe("patient-inactive");
  });

  it("hasAccess_paused_refusesEveryoneUntilUnpaused", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    log.pause();
    const paused = GrantIndex.of(log.entries);
    log.unpause();
    const unpaused = GrantIndex.of(log.entries);
    expect([paused.hasAccess(alice, doctor, NOTES, false, LATER), paused.hasAccess(alice, alice, NOTES, false, LATER)]).toEqual([false, false]);
    expect(paused.decide(alice, doctor, NOTES, false, LATER).refusal).toBe("paused");
    expect([unpaused.hasAccess(alice, doctor, NOTES, false, LATER), unpaused.hasAccess(alice, alice, NOTES, false, LATER)]).toEqual([true, true]);
  });

  it("hasAccess_ownData_allowsAnyValidCategoryOfARegisteredPatientOnly", () => {
    const grants = GrantIndex.of(LogBuilder.withParticipants().entries);
    expect(grants.hasAccess(alice, alice, IMAGING, true, LATER)).toBe(true);
    expect(grants.hasAccess(alice, alice, 8, false, LATER)).toBe(false);
    expect(grants.hasAccess(doctor, doctor, NOTES, false, LATER)).toBe(false);
  });

  it("hasAccess_noGrant_refusesWithNoGrant", () => {
    const grants = GrantIndex.of(LogBuilder.withParticipants().entries);
    expect(grants.decide(alice, insurer, NOTES, false, LATER)).toEqual({ allowed: false, refusal: "no-grant" });
  });
});
