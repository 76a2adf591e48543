import { describe, expect, it } from "vitest";

import { GrantIndex } from "../../../../../web/src/core/audit/grant-periods.js";
import { concernOf, underGrant } from "../../../../../web/src/core/audit/under-grant.js";
import { Category } from "../../../../helpers/fixture.js";
import { alice, bob, doctor, hospital, insurer, LogBuilder, START } from "./support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;

/** The basis and, for a grant or a grant that fell short, the period's id. */
function answer(grants: GrantIndex, entry: Parameters<typeof underGrant>[1]) {
  const under = underGrant(grants, entry);
  if (under === undefined) return undefined;
  const period = under.basis === "own-data" ? undefined : under.period?.id;
  return { basis: under.basis, ...(under.basis === "uncovered" ? { reason: under.reason } : {}), period };
}

describe("underGrant", () => {
  it("underGrant_providerReadWithinAGrant_namesTheGrantStandingThen", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    const read = log.read(doctor, alice, 1n, NOTES, 0);
    const grants = GrantIndex.of(log.entries);
    expect(underGrant(grants, read)).toEqual({ party: doctor, need: "read", category: NOTES, basis: "grant", period: grants.periods[0] });
  });

  it("underGrant_readsAroundARegrant_eachNameTheGrantOfItsTime", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    const before = log.read(doctor, alice, 1n, NOTES);
    log.grant(alice, doctor, [NOTES, LABS]);
    const after = log.read(doctor, alice, 2n, LABS);
    const grants = GrantIndex.of(log.entries);
    expect([answer(grants, before), answer(grants, after)]).toEqual([{ basis: "grant", period: 0 }, { basis: "grant", period: 1 }]);
  });

  it("underGrant_readAfterRevoke_isUncoveredWithNoGrant", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    log.revoke(alice, doctor, [NOTES]);
    const read = log.read(doctor, alice, 1n, NOTES);
    expect(answer(GrantIndex.of(log.entries), read)).toEqual({ basis: "uncovered", reason: "no-grant", period: undefined });
  });

  it("underGrant_readOfAnotherCategory_isUncoveredOutOfScopeWithTheGrantThatFellShort", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    const read = log.read(doctor, alice, 1n, LABS);
    expect(answer(GrantIndex.of(log.entries), read)).toEqual({ basis: "uncovered", reason: "out-of-scope", period: 0 });
  });

  it("underGrant_readAtTheExpirySecond_isUncoveredExpired", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [], START + 5_000);
    const justBefore = log.at(START + 4_999).read(doctor, alice, 1n, NOTES);
    const atExpiry = log.at(START + 5_000).read(doctor, alice, 1n, NOTES);
    const grants = GrantIndex.of(log.entries);
    expect([answer(grants, justBefore), answer(grants, atExpiry)]).toEqual([
      { basis: "grant", period: 0 },
      { basis: "uncovered", reason: "expired", period: 0 },
    ]);
  });

  it("underGrant_writeUnderAReadOnlyGrant_isUncoveredOutOfScope", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    const added = log.add(doctor, alice, 1n, NOTES);
    const under = underGrant(GrantIndex.of(log.entries), added);
    expect(under).toMatchObject({ party: doctor, need: "write", basis: "uncovered", reason: "out-of-scope" });
  });

  it("underGrant_writesAmendmentsRetractionsAndRotationsByAWriter_needWriteAndNameItsGrant", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES], [NOTES]);
    const entries = [log.add(doctor, alice, 1n, NOTES), log.add(doctor, alice, 2n, NOTES, { supersedes: 1n }), log.retract(doctor, alice, 2n, NOTES), log.rotate(doctor, alice, NOTES)];
    const grants = GrantIndex.of(log.entries);
    expect(entries.map((entry) => underGrant(grants, entry)).map((under) => [under?.need, under?.basis])).toEqual(Array(4).fill(["write", "grant"]));
  });

  it("underGrant_readWhileTheReaderWasSuspendedOrTheLedgerPaused_isUncovered", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    log.suspend(doctor);
    const whileSuspended = log.read(doctor, alice, 1n, NOTES);
    log.reactivate(doctor);
    log.pause();
    const whilePaused = log.read(doctor, alice, 1n, NOTES);
    log.unpause();
    const afterwards = log.read(doctor, alice, 1n, NOTES);
    const grants = GrantIndex.of(log.entries);
    expect([whileSuspended, whilePaused, afterwards].map((entry) => answer(grants, entry))).toEqual([
      { basis: "uncovered", reason: "grantee-inactive", period: 0 },
      { basis: "uncovered", reason: "paused", period: 0 },
      { basis: "grant", period: 0 },
    ]);
  });

  it("underGrant_readInTheSameBlockBeforeTheGrant_isUncovered", () => {
    const log = LogBuilder.withParticipants();
    const read = log.read(doctor, alice, 1n, NOTES);
    log.grant(alice, doctor, [NOTES], [], undefined, true);
    expect(answer(GrantIndex.of(log.entries), read)).toEqual({ basis: "uncovered", reason: "no-grant", period: undefined });
  });

  it("underGrant_patientOnTheirOwnData_isOwnData", () => {
    const log = LogBuilder.withParticipants();
    const entries = [log.add(alice, alice, 1n, NOTES), log.read(alice, alice, 1n, NOTES), log.rotate(alice, alice, LABS)];
    const grants = GrantIndex.of(log.entries);
    expect(entries.map((entry) => underGrant(grants, entry))).toEqual([
      { party: alice, need: "write", category: NOTES, basis: "own-data" },
      { party: alice, need: "read", category: NOTES, basis: "own-data" },
      { party: alice, need: "write", category: LABS, basis: "own-data" },
    ]);
  });

  it("underGrant_keyWrap_judgesTheRecipientsReadAccess", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [NOTES]);
    const toDoctor = log.wrap(alice, alice, doctor, NOTES);
    const rotation = log.rotate(alice, alice, NOTES);
    const toPatient = log.wrap(alice, alice, alice, NOTES);
    const toInsurer = log.wrap(alice, alice, insurer, NOTES);
    const grants = GrantIndex.of(log.entries);
    expect(underGrant(grants, rotation)?.basis).toBe("own-data");
    expect([toDoctor, toPatient, toInsurer].map((entry) => [underGrant(grants, entry)?.party, answer(grants, entry)])).toEqual([
      [doctor, { basis: "grant", period: 0 }],
      [alice, { basis: "own-data", period: undefined }],
      [insurer, { basis: "uncovered", reason: "no-grant", period: undefined }],
    ]);
  });

  it("underGrant_actionsThatNeedNoAccess_areUndefined", () => {
    const log = LogBuilder.withParticipants();
    const entries = [log.grant(alice, doctor, [NOTES]), log.revoke(alice, doctor, [NOTES]), log.suspend(hospital), log.pause()];
    const grants = GrantIndex.of(log.entries);
    expect(entries.map((entry) => underGrant(grants, entry))).toEqual([undefined, undefined, undefined, undefined]);
    expect(log.entries.filter((entry) => entry.action === "participant-registered").map(concernOf)).toEqual(Array(5).fill(undefined));
  });

  it("underGrant_anotherPatientsGrant_doesNotCoverIt", () => {
    const log = LogBuilder.withParticipants();
    log.grant(bob, doctor, [NOTES]);
    const read = log.read(doctor, alice, 1n, NOTES);
    expect(answer(GrantIndex.of(log.entries), read)).toEqual({ basis: "uncovered", reason: "no-grant", period: undefined });
  });
});
