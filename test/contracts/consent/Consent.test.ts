import { describe, it } from "vitest";
import { expect } from "chai";

import { Category, bit, fakeWrap } from "../../helpers/fixture.js";
import { eventArgs, eventNames, expectNoEvents, mined, plain } from "../../helpers/events.js";
import { categoriesOf } from "../../helpers/keyBook.js";
import { useWorld } from "../../helpers/sharedWorld.js";
import type { World } from "../../helpers/world.js";

const { GeneralNotes, LabResults, Imaging, Prescriptions, MentalHealth } = Category;
const NOTES_AND_LABS = bit(GeneralNotes) | bit(LabResults);
const INITIALISED = [GeneralNotes, LabResults, Imaging, Prescriptions];
const DAY = 24 * 60 * 60;

/** The patient owns a key (epoch 1) for notes, lab results, imaging and prescriptions. */
async function initialiseKeys(world: World) {
  for (const category of INITIALISED) await world.initScopeKey(world.personas.patient, category);
}

/** One grant input with a distinct fake wrap per readable category. */
function input(grantee: string, readScope: number, writeScope = 0, expiresAt = 0, wrapCount?: number) {
  const categories = categoriesOf(readScope | writeScope);
  const count = wrapCount ?? categories.length;
  const scopeKeyWraps = Array.from({ length: count }, (_, i) => fakeWrap(0x80 + (categories[i] ?? i)));
  return { grantee, readScope, writeScope, expiresAt, scopeKeyWraps };
}

describe("Consent", () => {
  const world = useWorld(initialiseKeys);
  const time = () => world().connection.networkHelpers.time;
  const grantOf = async (grantee: string) => plain(await world().ledger.grantOf(world().personas.patient.address, grantee));
  const keyState = async (category: number) =>
    plain(await world().ledger.scopeKeyState(world().personas.patient.address, category));

  describe("grant", () => {
    it("grant_toOneGrantee_storesGrantAndEmitsAccessGrantedThenOneWrapPerCategory", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      const expiresAt = (await time().latest()) + DAY;
      const receipt = await mined(ledger.connect(patient).grant([
        input(doctor.address, NOTES_AND_LABS, bit(GeneralNotes), expiresAt)]));
      expect(eventNames(ledger, receipt)).to.deep.equal(["AccessGranted", "ScopeKeyWrapped", "ScopeKeyWrapped"]);
      expect(eventArgs(ledger, receipt, "AccessGranted")).to.deep.equal([
        [patient.address, doctor.address, BigInt(NOTES_AND_LABS), BigInt(bit(GeneralNotes)), BigInt(expiresAt)]]);
      expect(eventArgs(ledger, receipt, "ScopeKeyWrapped")).to.deep.equal([
        [patient.address, doctor.address, BigInt(GeneralNotes), 1n, fakeWrap(0x80 + GeneralNotes)],
        [patient.address, doctor.address, BigInt(LabResults), 1n, fakeWrap(0x80 + LabResults)],
      ]);
      expect(await grantOf(doctor.address)).to.deep.equal([
        BigInt(NOTES_AND_LABS), BigInt(bit(GeneralNotes)), BigInt(expiresAt), BigInt(await time().latest())]);
    });

    it("grant_toSeveralGranteesInOneTransaction_storesEachAndEmitsInInputOrder", async () => {
      const { ledger, personas: { patient, doctor, insurer, caregiver } } = world();
      const receipt = await mined(ledger.connect(patient).grant([
        input(doctor.address, 0, bit(Prescriptions)),
        input(insurer.address, bit(Imaging)),
        input(caregiver.address, NOTES_AND_LABS),
      ]));
      expect(eventNames(ledger, receipt)).to.deep.equal([
        "AccessGranted", "ScopeKeyWrapped",
        "AccessGranted", "ScopeKeyWrapped",
        "AccessGranted", "ScopeKeyWrapped", "ScopeKeyWrapped",
      ]);
      expect(eventArgs(ledger, receipt, "AccessGranted")).to.deep.equal([
        [patient.address, doctor.address, BigInt(bit(Prescriptions)), BigInt(bit(Prescriptions)), 0n],
        [patient.address, insurer.address, BigInt(bit(Imaging)), 0n, 0n],
        [patient.address, caregiver.address, BigInt(NOTES_AND_LABS), 0n, 0n],
      ]);
      expect(eventArgs(ledger, receipt, "ScopeKeyWrapped").map(([, recipient, category]) => [recipient, category]))
        .to.deep.equal([
          [doctor.address, BigInt(Prescriptions)],
          [insurer.address, BigInt(Imaging)],
          [caregiver.address, BigInt(GeneralNotes)],
          [caregiver.address, BigInt(LabResults)],
        ]);
      const now = BigInt(await time().latest());
      expect(await grantOf(doctor.address)).to.deep.equal([8n, 8n, 0n, now]);
      expect(await grantOf(insurer.address)).to.deep.equal([4n, 0n, 0n, now]);
      expect(await grantOf(caregiver.address)).to.deep.equal([3n, 0n, 0n, now]);
    });

    it("grant_withWriteOnlyScope_storesWriteAsReadToo", async () => {
      const { ledger, personas: { patient, lab } } = world();
      await expect(ledger.connect(patient).grant([input(lab.address, 0, bit(LabResults))]))
        .to.emit(ledger, "AccessGranted")
        .withArgs(patient.address, lab.address, bit(LabResults), bit(LabResults), 0);
      expect((await grantOf(lab.address))).to.deep.equal(
        [BigInt(bit(LabResults)), BigInt(bit(LabResults)), 0n, BigInt(await time().latest())]);
      expect(await world().ledger.hasAccess(patient.address, lab.address, LabResults, false)).to.equal(true);
    });

    it("grant_writeToEachWriterKind_succeeds", async () => {
      const { ledger, personas: { patient, doctor, doctor2, hospital, lab } } = world();
      const writers = [doctor, doctor2, hospital, lab];
      const receipt = await mined(ledger.connect(patient).grant(
        writers.map((writer) => input(writer.address, 0, bit(GeneralNotes)))));
      expect(eventArgs(ledger, receipt, "AccessGranted").map(([, grantee, , write]) => [grantee, write]))
        .to.deep.equal(writers.map((writer) => [writer.address, BigInt(bit(GeneralNotes))]));
    });

    it("grant_againToSameGrantee_updatesInPlaceIncludingGrantedAt", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes))]));
      const firstGrantedAt = await time().latest();
      await time().increase(DAY);
      const expiresAt = (await time().latest()) + 7 * DAY;
      const receipt = await mined(ledger.connect(patient).grant([
        input(doctor.address, NOTES_AND_LABS, bit(LabResults), expiresAt)]));
      expect(eventNames(ledger, receipt)).to.deep.equal(["AccessGranted", "ScopeKeyWrapped", "ScopeKeyWrapped"]);
      expect(eventArgs(ledger, receipt, "AccessGranted")).to.deep.equal([
        [patient.address, doctor.address, BigInt(NOTES_AND_LABS), BigInt(bit(LabResults)), BigInt(expiresAt)]]);
      const grantedAt = await time().latest();
      expect(grantedAt).to.be.greaterThan(firstGrantedAt);
      expect(await grantOf(doctor.address)).to.deep.equal(
        [BigInt(NOTES_AND_LABS), BigInt(bit(LabResults)), BigInt(expiresAt), BigInt(grantedAt)]);
    });

    it("grant_againDroppingACategory_marksOnlyTheDroppedCategoryPendingRotation", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, NOTES_AND_LABS | bit(Imaging))]));
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes) | bit(Imaging))]));
      expect(await keyState(LabResults)).to.deep.equal([1n, true, 0n]);
      expect(await ledger.rotationRequired(patient.address, LabResults)).to.equal(true);
      for (const kept of [GeneralNotes, Imaging]) {
        expect(await keyState(kept)).to.deep.equal([1n, false, 0n]);
        expect(await ledger.rotationRequired(patient.address, kept)).to.equal(false);
      }
    });

    it("grant_againWithWiderScope_marksNothingPending", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes), bit(GeneralNotes))]));
      // Losing write but keeping read does not change who knows the key.
      await mined(ledger.connect(patient).grant([input(doctor.address, NOTES_AND_LABS)]));
      for (const category of INITIALISED) {
        expect(await ledger.rotationRequired(patient.address, category)).to.equal(false);
      }
    });

    it("grant_withExpiry_notesTheExpiryAsRotationDueTime", async () => {
      const { ledger, personas: { patient, insurer, caregiver } } = world();
      const soon = (await time().latest()) + DAY;
      await mined(ledger.connect(patient).grant([input(insurer.address, bit(Imaging), 0, soon + DAY)]));
      expect(await keyState(Imaging)).to.deep.equal([1n, false, BigInt(soon + DAY)]);
      // The due time is the earliest expiry among all expiring holders.
      await mined(ledger.connect(patient).grant([input(caregiver.address, bit(Prescriptions), 0, soon)]));
      expect(await keyState(Imaging)).to.deep.equal([1n, false, BigInt(soon)]);
      expect(await keyState(Prescriptions)).to.deep.equal([1n, false, BigInt(soon)]);
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, false, 0n]);
    });

    it("grant_writeToNonWriterKind_reverts", async () => {
      const { ledger, personas: { patient, insurer, caregiver } } = world();
      for (const reader of [insurer, caregiver]) {
        await expect(ledger.connect(patient).grant([input(reader.address, bit(GeneralNotes), bit(GeneralNotes))]))
          .to.be.revertedWithCustomError(ledger, "ConsentWriteNotAllowed").withArgs(reader.address);
      }
    });

    it("grant_withWrongNumberOfWraps_revertsWithExpectedAndActual", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      for (const actual of [0, 1, 3]) {
        await expect(ledger.connect(patient).grant([input(doctor.address, NOTES_AND_LABS, 0, 0, actual)]))
          .to.be.revertedWithCustomError(ledger, "ConsentWrapCountMismatch").withArgs(doctor.address, 2, actual);
      }
      // Write implies read: a write-only scope still needs the read wrap.
      await expect(ledger.connect(patient).grant([
        { grantee: doctor.address, readScope: 0, writeScope: bit(LabResults), expiresAt: 0, scopeKeyWraps: [] }]))
        .to.be.revertedWithCustomError(ledger, "ConsentWrapCountMismatch").withArgs(doctor.address, 1, 0);
    });

    it("grant_ofCategoryWithoutScopeKey_revertsUninitialized", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes) | bit(MentalHealth))]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysUninitialized").withArgs(patient.address, MentalHealth);
      expect(await grantOf(doctor.address)).to.deep.equal([0n, 0n, 0n, 0n]);
    });

    it("grant_whenExpiryIsNowOrPast_revertsWithExpiryAndTimestamp", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      const next = (await time().latest()) + 10;
      for (const expiresAt of [next, next - 5]) {
        await time().setNextBlockTimestamp(next);
        await expect(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes), 0, expiresAt)]))
          .to.be.revertedWithCustomError(ledger, "ConsentExpiryInPast").withArgs(expiresAt, next);
      }
      await time().setNextBlockTimestamp(next + 1);
      await expect(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes), 0, next + 2)]))
        .to.emit(ledger, "AccessGranted").withArgs(patient.address, doctor.address, 1, 0, next + 2);
    });

    it("grant_toThePatientThemself_reverts", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(ledger.connect(patient).grant([input(patient.address, bit(GeneralNotes))]))
        .to.be.revertedWithCustomError(ledger, "ConsentSelfGrant").withArgs(patient.address);
    });

    it("grant_toAuditorAdminOrStranger_revertsInvalidGrantee", async () => {
      const { ledger, personas: { patient, auditor, admin, stranger } } = world();
      for (const grantee of [auditor, admin, stranger]) {
        await expect(ledger.connect(patient).grant([input(grantee.address, bit(GeneralNotes))]))
          .to.be.revertedWithCustomError(ledger, "ConsentInvalidGrantee").withArgs(grantee.address);
      }
    });

    it("grant_toSuspendedGrantee_reverts", async () => {
      const { ledger, personas: { admin, patient, doctor, caregiver } } = world();
      for (const grantee of [doctor, caregiver]) {
        await mined(ledger.connect(admin).suspend(grantee.address));
        await expect(ledger.connect(patient).grant([input(grantee.address, bit(GeneralNotes))]))
          .to.be.revertedWithCustomError(ledger, "RegistryInactiveParticipant").withArgs(grantee.address);
      }
    });

    it("grant_withEmptyScope_reverts", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(patient).grant([input(doctor.address, 0, 0)]))
        .to.be.revertedWithCustomError(ledger, "ConsentEmptyScope").withArgs();
    });

    it("grant_withNoInputs_reverts", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(ledger.connect(patient).grant([]))
        .to.be.revertedWithCustomError(ledger, "ConsentNoGrantees").withArgs();
    });

    it("grant_withOneInvalidInput_revertsTheWholeBatch", async () => {
      const { ledger, personas: { patient, doctor, auditor } } = world();
      await expect(ledger.connect(patient).grant([
        input(doctor.address, bit(GeneralNotes)), input(auditor.address, bit(GeneralNotes))]))
        .to.be.revertedWithCustomError(ledger, "ConsentInvalidGrantee").withArgs(auditor.address);
      expect(await grantOf(doctor.address)).to.deep.equal([0n, 0n, 0n, 0n]);
    });
  });

  describe("revoke", () => {
    it("revoke_ofGrant_deletesItEmitsAccessRevokedAndMarksEveryReadCategoryPending", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      const expiresAt = (await time().latest()) + DAY;
      await mined(ledger.connect(patient).grant([input(doctor.address, NOTES_AND_LABS, bit(GeneralNotes), expiresAt)]));
      const receipt = await mined(ledger.connect(patient).revoke(doctor.address));
      expect(eventNames(ledger, receipt)).to.deep.equal(["AccessRevoked"]);
      expect(eventArgs(ledger, receipt, "AccessRevoked")).to.deep.equal(
        [[patient.address, doctor.address, BigInt(NOTES_AND_LABS)]]);
      expect(await grantOf(doctor.address)).to.deep.equal([0n, 0n, 0n, 0n]);
      for (const category of [GeneralNotes, LabResults]) {
        expect((await keyState(category))[1]).to.equal(true);
        expect(await ledger.hasAccess(patient.address, doctor.address, category, false)).to.equal(false);
      }
      expect((await keyState(Imaging))[1]).to.equal(false);
    });

    it("revoke_twice_isNoOp", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes))]));
      await mined(ledger.connect(patient).revoke(doctor.address));
      const before = await Promise.all(INITIALISED.map(keyState));
      await expectNoEvents(ledger.connect(patient).revoke(doctor.address));
      expect(await Promise.all(INITIALISED.map(keyState))).to.deep.equal(before);
    });

    it("revoke_ofGranteeWithoutGrant_isNoOp", async () => {
      const { ledger, personas: { patient, insurer, stranger } } = world();
      for (const grantee of [insurer, stranger]) {
        await expectNoEvents(ledger.connect(patient).revoke(grantee.address));
      }
      for (const category of INITIALISED) {
        expect(await ledger.rotationRequired(patient.address, category)).to.equal(false);
      }
    });
  });

  describe("requestAccess", () => {
    it("requestAccess_byProvider_recordsTimeAndEmitsAccessRequestedWithWriteFoldedIntoRead", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(doctor).requestAccess(patient.address, bit(Imaging), bit(GeneralNotes), 8))
        .to.emit(ledger, "AccessRequested")
        .withArgs(patient.address, doctor.address, bit(Imaging) | bit(GeneralNotes), bit(GeneralNotes), 8);
      expect(await ledger.requestedAt(patient.address, doctor.address)).to.equal(BigInt(await time().latest()));
    });

    it("requestAccess_again_replacesTheOpenRequest", async () => {
      const { ledger, personas: { patient, insurer } } = world();
      await mined(ledger.connect(insurer).requestAccess(patient.address, bit(GeneralNotes), 0, 2));
      await time().increase(DAY);
      await expect(ledger.connect(insurer).requestAccess(patient.address, bit(Imaging), 0, 3))
        .to.emit(ledger, "AccessRequested").withArgs(patient.address, insurer.address, bit(Imaging), 0, 3);
      expect(await ledger.requestedAt(patient.address, insurer.address)).to.equal(BigInt(await time().latest()));
    });

    it("requestAccess_withPurposeAboveMaximum_reverts", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(doctor).requestAccess(patient.address, bit(GeneralNotes), 0, 9))
        .to.be.revertedWithCustomError(ledger, "ConsentInvalidPurpose").withArgs(9);
    });

    it("requestAccess_withEmptyScope_reverts", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(doctor).requestAccess(patient.address, 0, 0, 0))
        .to.be.revertedWithCustomError(ledger, "ConsentEmptyScope").withArgs();
    });

    it("requestAccess_forWriteByNonWriterKind_reverts", async () => {
      const { ledger, personas: { patient, insurer } } = world();
      await expect(ledger.connect(insurer).requestAccess(patient.address, 0, bit(GeneralNotes), 2))
        .to.be.revertedWithCustomError(ledger, "ConsentWriteNotAllowed").withArgs(insurer.address);
    });

    it("requestAccess_toNonPatient_reverts", async () => {
      const { ledger, personas: { doctor, doctor2, stranger } } = world();
      for (const target of [doctor2, stranger]) {
        await expect(ledger.connect(doctor).requestAccess(target.address, bit(GeneralNotes), 0, 0))
          .to.be.revertedWithCustomError(ledger, "ConsentNotAPatient").withArgs(target.address);
      }
    });

    it("requestAccess_byCaregiverPatient_revertsRequesterNotProvider", async () => {
      const { ledger, personas: { patient, caregiver } } = world();
      await expect(ledger.connect(caregiver).requestAccess(patient.address, bit(GeneralNotes), 0, 6))
        .to.be.revertedWithCustomError(ledger, "ConsentRequesterNotProvider").withArgs(caregiver.address);
    });
  });

  describe("denyRequest", () => {
    it("denyRequest_ofOpenRequest_closesItAndEmitsAccessRequestDenied", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(doctor).requestAccess(patient.address, bit(GeneralNotes), 0, 0));
      const receipt = await mined(ledger.connect(patient).denyRequest(doctor.address, 3));
      expect(eventArgs(ledger, receipt, "AccessRequestDenied")).to.deep.equal([[patient.address, doctor.address, 3n]]);
      expect(await ledger.requestedAt(patient.address, doctor.address)).to.equal(0n);
    });

    it("denyRequest_withoutOpenRequest_isNoOpAndLeavesOtherRequestsOpen", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      await mined(ledger.connect(insurer).requestAccess(patient.address, bit(GeneralNotes), 0, 2));
      const insurerRequestedAt = await ledger.requestedAt(patient.address, insurer.address);
      await expectNoEvents(ledger.connect(patient).denyRequest(doctor.address, 1));
      expect(await ledger.requestedAt(patient.address, insurer.address)).to.equal(insurerRequestedAt);
      expect(await ledger.requestedAt(patient.address, doctor.address)).to.equal(0n);
      await mined(ledger.connect(doctor).requestAccess(patient.address, bit(GeneralNotes), 0, 0));
      await mined(ledger.connect(patient).denyRequest(doctor.address, 1));
      await expectNoEvents(ledger.connect(patient).denyRequest(doctor.address, 1));
    });

    it("denyRequest_withReasonAboveMaximum_revertsAndKeepsTheRequest", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(doctor).requestAccess(patient.address, bit(GeneralNotes), 0, 0));
      const requestedAt = await ledger.requestedAt(patient.address, doctor.address);
      await expect(ledger.connect(patient).denyRequest(doctor.address, 4))
        .to.be.revertedWithCustomError(ledger, "ConsentInvalidReason").withArgs(4);
      expect(await ledger.requestedAt(patient.address, doctor.address)).to.equal(requestedAt);
    });
  });

  describe("hasAccess", () => {
    const access = async (grantee: string, category: number, write: boolean) =>
      world().ledger.hasAccess(world().personas.patient.address, grantee, category, write);

    it("hasAccess_ofPatientToOwnRecords_isTrueForEveryCategoryReadAndWrite", async () => {
      const { personas: { patient } } = world();
      for (let category = 0; category < 8; category++) {
        expect(await access(patient.address, category, false)).to.equal(true);
        expect(await access(patient.address, category, true)).to.equal(true);
      }
    });

    it("hasAccess_withoutGrant_isFalse", async () => {
      const { personas: { doctor, stranger } } = world();
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(false);
      expect(await access(stranger.address, GeneralNotes, false)).to.equal(false);
    });

    it("hasAccess_withReadGrant_coversReadOfGrantedCategoriesOnly", async () => {
      const { ledger, personas: { patient, insurer } } = world();
      await mined(ledger.connect(patient).grant([input(insurer.address, NOTES_AND_LABS)]));
      expect(await access(insurer.address, GeneralNotes, false)).to.equal(true);
      expect(await access(insurer.address, LabResults, false)).to.equal(true);
      expect(await access(insurer.address, GeneralNotes, true)).to.equal(false);
      expect(await access(insurer.address, Imaging, false)).to.equal(false);
    });

    it("hasAccess_withWriteGrant_coversReadAndWrite", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(Imaging), bit(GeneralNotes))]));
      expect(await access(doctor.address, GeneralNotes, true)).to.equal(true);
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(true);
      expect(await access(doctor.address, Imaging, true)).to.equal(false);
      expect(await access(doctor.address, Imaging, false)).to.equal(true);
    });

    it("hasAccess_atExpiry_endsExactlyAtExpiresAt", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      const expiresAt = (await time().latest()) + DAY;
      await mined(ledger.connect(patient).grant([input(doctor.address, 0, bit(GeneralNotes), expiresAt)]));
      await time().increaseTo(expiresAt - 1);
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(true);
      expect(await access(doctor.address, GeneralNotes, true)).to.equal(true);
      await time().increaseTo(expiresAt);
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(false);
      expect(await access(doctor.address, GeneralNotes, true)).to.equal(false);
    });

    it("hasAccess_ofSuspendedGrantee_isFalseUntilReactivated", async () => {
      const { ledger, personas: { admin, patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes))]));
      await mined(ledger.connect(admin).suspend(doctor.address));
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(false);
      await mined(ledger.connect(admin).reactivate(doctor.address));
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(true);
    });

    it("hasAccess_whenPatientSuspended_isFalseForGranteesAndThePatient", async () => {
      const { ledger, personas: { admin, patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes))]));
      await mined(ledger.connect(admin).suspend(patient.address));
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(false);
      expect(await access(patient.address, GeneralNotes, false)).to.equal(false);
      await mined(ledger.connect(admin).reactivate(patient.address));
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(true);
    });

    it("hasAccess_whilePaused_isFalseForEveryone", async () => {
      const { ledger, personas: { admin, patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, bit(GeneralNotes))]));
      await mined(ledger.connect(admin).pause());
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(false);
      expect(await access(patient.address, GeneralNotes, false)).to.equal(false);
      await mined(ledger.connect(admin).unpause());
      expect(await access(doctor.address, GeneralNotes, false)).to.equal(true);
    });

    it("hasAccess_ofCategoryOutOfRange_isFalseEvenForThePatient", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).grant([input(doctor.address, 0x0f)]));
      for (const category of [8, 255]) {
        expect(await access(patient.address, category, false)).to.equal(false);
        expect(await access(doctor.address, category, false)).to.equal(false);
      }
    });

    it("hasAccess_ofNonPatientRecords_isFalse", async () => {
      const { ledger, personas: { doctor, hospital } } = world();
      expect(await ledger.hasAccess(doctor.address, doctor.address, GeneralNotes, false)).to.equal(false);
      expect(await ledger.hasAccess(hospital.address, doctor.address, GeneralNotes, false)).to.equal(false);
    });
  });
});
