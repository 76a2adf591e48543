import { describe, it } from "vitest";
import { expect } from "chai";

import { Category, bit, fakeWrap } from "../../helpers/fixture.js";
import { eventArgs, eventNames, mined, plain } from "../../helpers/events.js";
import { useWorld } from "../../helpers/sharedWorld.js";
import type { World } from "../../helpers/world.js";

const { GeneralNotes, LabResults, Imaging } = Category;
const DAY = 24 * 60 * 60;
const LINK = fakeWrap(0xee);

const wrapTo = (recipient: string, tag: number, length = 80) => ({ recipient, wrap: fakeWrap(tag, length) });

/**
 * Notes have epoch 1, read by the insurer and written by the doctor; lab results have no key yet.
 * The caregiver reads lab results only once they have a key (granted in the tests that need it).
 */
async function notesSharedWithDoctorAndInsurer(world: World) {
  const { personas: { patient, doctor, insurer } } = world;
  await world.initScopeKey(patient, GeneralNotes);
  await (await world.grantAccess(patient, doctor.address, bit(GeneralNotes), bit(GeneralNotes))).wait();
  await (await world.grantAccess(patient, insurer.address, bit(GeneralNotes))).wait();
}

describe("ScopeKeys", () => {
  const world = useWorld(notesSharedWithDoctorAndInsurer);
  const time = () => world().connection.networkHelpers.time;
  const keyState = async (category: number) =>
    plain(await world().ledger.scopeKeyState(world().personas.patient.address, category));
  /** Moves notes from epoch 1 to 2, sealed to `recipients` after the patient, sent by `sender`. */
  const rotateNotes = (sender = world().personas.patient, recipients: string[] = []) => {
    const { ledger, personas: { patient } } = world();
    return ledger.connect(sender).rotateScopeKey(patient.address, GeneralNotes, 1, LINK, [
      wrapTo(patient.address, 1), ...recipients.map((recipient, i) => wrapTo(recipient, 2 + i))]);
  };

  describe("rotateScopeKey", () => {
    it("rotateScopeKey_fromEpochZero_createsEpochOneWithoutChainLink", async () => {
      const { ledger, personas: { patient } } = world();
      expect(await keyState(LabResults)).to.deep.equal([0n, false, 0n]);
      const receipt = await mined(ledger.connect(patient).rotateScopeKey(
        patient.address, LabResults, 0, "0x", [wrapTo(patient.address, 7)]));
      expect(eventNames(ledger, receipt)).to.deep.equal(["ScopeKeyRotated", "ScopeKeyWrapped"]);
      expect(eventArgs(ledger, receipt, "ScopeKeyRotated")).to.deep.equal(
        [[patient.address, BigInt(LabResults), patient.address, 1n, "0x"]]);
      expect(eventArgs(ledger, receipt, "ScopeKeyWrapped")).to.deep.equal(
        [[patient.address, patient.address, BigInt(LabResults), 1n, fakeWrap(7)]]);
      expect(await keyState(LabResults)).to.deep.equal([1n, false, 0n]);
    });

    it("rotateScopeKey_toNextEpoch_emitsRotatedWithLinkThenOneWrappedPerRecipientInOrder", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      const receipt = await mined(rotateNotes(patient, [insurer.address, doctor.address]));
      expect(eventNames(ledger, receipt)).to.deep.equal(
        ["ScopeKeyRotated", "ScopeKeyWrapped", "ScopeKeyWrapped", "ScopeKeyWrapped"]);
      expect(eventArgs(ledger, receipt, "ScopeKeyRotated")).to.deep.equal(
        [[patient.address, BigInt(GeneralNotes), patient.address, 2n, LINK]]);
      expect(eventArgs(ledger, receipt, "ScopeKeyWrapped")).to.deep.equal([
        [patient.address, patient.address, BigInt(GeneralNotes), 2n, fakeWrap(1)],
        [patient.address, insurer.address, BigInt(GeneralNotes), 2n, fakeWrap(2)],
        [patient.address, doctor.address, BigInt(GeneralNotes), 2n, fakeWrap(3)],
      ]);
      expect(await keyState(GeneralNotes)).to.deep.equal([2n, false, 0n]);
    });

    it("rotateScopeKey_byWriterOfCategory_recordsWriterAsRotator", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(rotateNotes(doctor, [doctor.address]))
        .to.emit(ledger, "ScopeKeyRotated").withArgs(patient.address, GeneralNotes, doctor.address, 2, LINK);
      expect(await keyState(GeneralNotes)).to.deep.equal([2n, false, 0n]);
    });

    it("rotateScopeKey_byReaderWithoutWrite_revertsUnauthorizedRotator", async () => {
      const { ledger, personas: { patient, insurer } } = world();
      await expect(rotateNotes(insurer))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysUnauthorizedRotator")
        .withArgs(insurer.address, patient.address, GeneralNotes);
    });

    it("rotateScopeKey_withStaleOrFutureExpectedEpoch_revertsEpochMismatchWithExpectedAndCurrent", async () => {
      const { ledger, personas: { patient } } = world();
      for (const expected of [0, 2]) {
        await expect(ledger.connect(patient).rotateScopeKey(
          patient.address, GeneralNotes, expected, expected === 0 ? "0x" : LINK, [wrapTo(patient.address, 1)]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch")
          .withArgs(patient.address, GeneralNotes, expected, 1);
      }
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, false, 0n]);
    });

    it("rotateScopeKey_secondClientWithSameExpectedEpoch_losesTheRace", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(rotateNotes(patient));
      await expect(rotateNotes(doctor))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch").withArgs(patient.address, GeneralNotes, 1, 2);
    });

    it("rotateScopeKey_withChainLinkForEpochOneOrWithoutOneLater_revertsChainLinkMismatch", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(ledger.connect(patient).rotateScopeKey(
        patient.address, LabResults, 0, LINK, [wrapTo(patient.address, 1)]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysChainLinkMismatch").withArgs(0, 80);
      await expect(ledger.connect(patient).rotateScopeKey(
        patient.address, GeneralNotes, 1, "0x", [wrapTo(patient.address, 1)]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysChainLinkMismatch").withArgs(1, 0);
    });

    it("rotateScopeKey_withChainLinkOutsideWrapBounds_reverts", async () => {
      const { ledger, personas: { patient } } = world();
      for (const length of [1, 47, 161]) {
        await expect(ledger.connect(patient).rotateScopeKey(
          patient.address, GeneralNotes, 1, fakeWrap(0xee, length), [wrapTo(patient.address, 1)]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysInvalidWrapLength").withArgs(length);
      }
    });

    it("rotateScopeKey_withWrapLengthsAtTheBounds_succeeds", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, fakeWrap(0xee, 48), [
        wrapTo(patient.address, 1, 160), wrapTo(doctor.address, 2, 48)]))
        .to.emit(ledger, "ScopeKeyWrapped")
        .withArgs(patient.address, doctor.address, GeneralNotes, 2, fakeWrap(2, 48));
    });

    it("rotateScopeKey_withAnyWrapOutsideBounds_reverts", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      for (const length of [0, 47, 161]) {
        await expect(ledger.connect(patient).rotateScopeKey(
          patient.address, GeneralNotes, 1, LINK, [wrapTo(patient.address, 1, length)]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysInvalidWrapLength").withArgs(length);
        await expect(ledger.connect(patient).rotateScopeKey(
          patient.address, GeneralNotes, 1, LINK, [wrapTo(patient.address, 1), wrapTo(doctor.address, 2, length)]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysInvalidWrapLength").withArgs(length);
      }
    });

    it("rotateScopeKey_withoutWrapsOrPatientNotFirst_revertsFirstWrapNotPatient", async () => {
      const { ledger, ethers, personas: { patient, doctor } } = world();
      await expect(ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, LINK, []))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysFirstWrapNotPatient").withArgs(ethers.ZeroAddress);
      await expect(ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, LINK, [
        wrapTo(doctor.address, 2), wrapTo(patient.address, 1)]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysFirstWrapNotPatient").withArgs(doctor.address);
    });

    it("rotateScopeKey_toRecipientWithoutReadAccess_revertsRecipientLacksAccess", async () => {
      const { ledger, personas: { admin, patient, doctor, doctor2, caregiver, stranger } } = world();
      // No grant at all, or a grant that covers another category only.
      await mined(ledger.connect(patient).rotateScopeKey(
        patient.address, LabResults, 0, "0x", [wrapTo(patient.address, 1)]));
      await (await world().grantAccess(patient, caregiver.address, bit(LabResults))).wait();
      for (const outsider of [doctor2, stranger, caregiver]) {
        await expect(rotateNotes(patient, [outsider.address]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(outsider.address);
      }
      await mined(ledger.connect(admin).suspend(doctor.address));
      await expect(rotateNotes(patient, [doctor.address]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(doctor.address);
    });

    it("rotateScopeKey_toRecipientWhoseGrantExpired_revertsRecipientLacksAccess", async () => {
      const { ledger, personas: { patient, caregiver } } = world();
      const expiresAt = (await time().latest()) + DAY;
      await (await world().grantAccess(patient, caregiver.address, bit(GeneralNotes), 0, expiresAt)).wait();
      await time().setNextBlockTimestamp(expiresAt);
      await expect(rotateNotes(patient, [caregiver.address]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(caregiver.address);
    });

    it("rotateScopeKey_ofInvalidCategory_reverts", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(ledger.connect(patient).rotateScopeKey(patient.address, 8, 0, "0x", [wrapTo(patient.address, 1)]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysInvalidCategory").withArgs(8);
    });

    it("rotateScopeKey_whilePaused_reverts", async () => {
      const { ledger, personas: { admin } } = world();
      await mined(ledger.connect(admin).pause());
      await expect(rotateNotes()).to.be.revertedWithCustomError(ledger, "EnforcedPause").withArgs();
    });

    it("rotateScopeKey_afterRevoke_clearsThePendingRotationOfThatCategoryOnly", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      await mined(ledger.connect(patient).rotateScopeKey(
        patient.address, Imaging, 0, "0x", [wrapTo(patient.address, 1)]));
      await mined(ledger.connect(patient).grant([{ grantee: insurer.address, readScope: bit(GeneralNotes) | bit(Imaging),
        writeScope: 0, expiresAt: 0, scopeKeyWraps: [fakeWrap(1), fakeWrap(2)] }]));
      await mined(ledger.connect(patient).revoke(insurer.address));
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, true, 0n]);
      expect(await ledger.rotationRequired(patient.address, GeneralNotes)).to.equal(true);
      await mined(rotateNotes(patient, [doctor.address]));
      expect(await keyState(GeneralNotes)).to.deep.equal([2n, false, 0n]);
      expect(await ledger.rotationRequired(patient.address, GeneralNotes)).to.equal(false);
      expect(await keyState(Imaging)).to.deep.equal([1n, true, 0n]);
      expect(await ledger.rotationRequired(patient.address, Imaging)).to.equal(true);
    });

    it("rotateScopeKey_toExpiringRecipients_setsDueTimeToTheEarliestExpiry", async () => {
      const { ledger, personas: { patient, doctor, caregiver } } = world();
      const now = await time().latest();
      await (await world().grantAccess(patient, caregiver.address, bit(GeneralNotes), 0, now + 2 * DAY)).wait();
      await (await world().grantAccess(patient, doctor.address, bit(GeneralNotes), bit(GeneralNotes), now + 3 * DAY))
        .wait();
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, false, BigInt(now + 2 * DAY)]);
      await mined(rotateNotes(patient, [doctor.address]));
      expect(await keyState(GeneralNotes)).to.deep.equal([2n, false, BigInt(now + 3 * DAY)]);
      await mined(ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 2, LINK, [
        wrapTo(patient.address, 1)]));
      expect(await keyState(GeneralNotes)).to.deep.equal([3n, false, 0n]);
    });
  });

  describe("rotationRequired", () => {
    it("rotationRequired_ofUninitialisedCategory_isFalse", async () => {
      const { ledger, personas: { patient } } = world();
      expect(await ledger.rotationRequired(patient.address, LabResults)).to.equal(false);
      expect(await keyState(LabResults)).to.deep.equal([0n, false, 0n]);
    });

    it("rotationRequired_withExpiringHolder_turnsTrueExactlyAtTheDueTime", async () => {
      const { ledger, personas: { patient, caregiver } } = world();
      const expiresAt = (await time().latest()) + DAY;
      await (await world().grantAccess(patient, caregiver.address, bit(GeneralNotes), 0, expiresAt)).wait();
      await time().increaseTo(expiresAt - 1);
      expect(await ledger.rotationRequired(patient.address, GeneralNotes)).to.equal(false);
      await time().increaseTo(expiresAt);
      expect(await ledger.rotationRequired(patient.address, GeneralNotes)).to.equal(true);
      // Due, not yet pending: the flag is only written by the next rotation.
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, false, BigInt(expiresAt)]);
    });

    it("rotationRequired_ofCategoryGrantedWithExpiryAfterAnotherLapsed_isFalseWhileTheLapsedOneStaysRequired", async () => {
      const { ledger, personas: { patient, caregiver, doctor2 } } = world();
      await world().initScopeKey(patient, LabResults);
      const lapsesAt = (await time().latest()) + DAY;
      await (await world().grantAccess(patient, caregiver.address, bit(GeneralNotes), 0, lapsesAt)).wait();
      await time().increaseTo(lapsesAt + 1);
      const expiresAt = lapsesAt + 30 * DAY;
      await (await world().grantAccess(patient, doctor2.address, bit(LabResults), bit(LabResults), expiresAt)).wait();
      expect(await ledger.rotationRequired(patient.address, LabResults)).to.equal(false);
      expect(await ledger.rotationRequired(patient.address, GeneralNotes)).to.equal(true);
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, true, 0n]);
      expect(await keyState(LabResults)).to.deep.equal([1n, false, BigInt(expiresAt)]);
      await expect(ledger.connect(doctor2).addRecord(patient.address, LabResults, 1, world().ethers.id("lab")))
        .to.emit(ledger, "RecordAdded");
    });
  });
});
