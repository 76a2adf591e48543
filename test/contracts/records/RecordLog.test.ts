import { describe, it } from "vitest";
import { expect } from "chai";

import { Category, RecordStatus, bit, fakeWrap } from "../../helpers/fixture.js";
import type { Signer } from "../../helpers/fixture.js";
import { eventArgs, expectNoEvents, mined, plain } from "../../helpers/events.js";
import { useWorld } from "../../helpers/sharedWorld.js";
import type { World } from "../../helpers/world.js";

const { GeneralNotes, LabResults, Imaging } = Category;
const NOTES_AND_LABS = bit(GeneralNotes) | bit(LabResults);

/**
 * Notes and lab results have epoch 1. Writers: the affiliated doctor (both), the hospital (notes),
 * the affiliated lab (lab results), the independent doctor2 (notes). Readers: insurer and caregiver (notes).
 */
async function careTeam(world: World) {
  const { personas: { patient, doctor, hospital, lab, doctor2, insurer, caregiver } } = world;
  await world.initScopeKey(patient, GeneralNotes);
  await world.initScopeKey(patient, LabResults);
  const grants: [Signer, number, number][] = [
    [doctor, NOTES_AND_LABS, NOTES_AND_LABS],
    [hospital, bit(GeneralNotes), bit(GeneralNotes)],
    [lab, bit(LabResults), bit(LabResults)],
    [doctor2, bit(GeneralNotes), bit(GeneralNotes)],
    [insurer, bit(GeneralNotes), 0],
    [caregiver, bit(GeneralNotes), 0],
  ];
  for (const [grantee, read, write] of grants) {
    await (await world.grantAccess(patient, grantee.address, read, write)).wait();
  }
}

describe("RecordLog", () => {
  const world = useWorld(careTeam);
  const digest = (label: string) => world().ethers.id(`envelope ${label}`);
  const recordOf = async (recordId: number) =>
    plain(await world().ledger.record(world().personas.patient.address, recordId));
  const latest = () => world().connection.networkHelpers.time.latest();
  const add = (author: Signer, category: number = GeneralNotes, label = "note", epoch = 1) =>
    world().ledger.connect(author).addRecord(world().personas.patient.address, category, epoch, digest(label));
  /** Revokes the insurer so that notes await a rotation, then rotates them to the remaining writers. */
  const rotateNotesToEpochTwo = async () => {
    const { ledger, personas: { patient, doctor } } = world();
    await mined(ledger.connect(patient).revoke(world().personas.insurer.address));
    await mined(ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, fakeWrap(0xee), [
      { recipient: patient.address, wrap: fakeWrap(1) }, { recipient: doctor.address, wrap: fakeWrap(2) }]));
  };

  describe("addRecord", () => {
    it("addRecord_byWriter_storesRecordWithNextIdAndEmitsRecordAdded", async () => {
      const { ledger, personas: { patient, doctor, hospital } } = world();
      expect(await ledger.connect(doctor).addRecord.staticCall(patient.address, GeneralNotes, 1, digest("a")))
        .to.equal(1n);
      await expect(add(doctor, GeneralNotes, "a"))
        .to.emit(ledger, "RecordAdded")
        .withArgs(patient.address, 1, doctor.address, GeneralNotes, 1, digest("a"), hospital.address, 0);
      expect(await recordOf(1)).to.deep.equal(
        [doctor.address, BigInt(GeneralNotes), BigInt(RecordStatus.Active), 1n, BigInt(await latest())]);
      await expect(add(doctor, LabResults, "b"))
        .to.emit(ledger, "RecordAdded")
        .withArgs(patient.address, 2, doctor.address, LabResults, 1, digest("b"), hospital.address, 0);
      expect(await ledger.recordCount(patient.address)).to.equal(2n);
    });

    it("addRecord_recordsFacilityProvenanceOfEachAuthorKind", async () => {
      const { ledger, ethers, personas: { patient, doctor, hospital, lab, doctor2 } } = world();
      const cases: [Signer, number, string][] = [
        [doctor, GeneralNotes, hospital.address],
        [hospital, GeneralNotes, hospital.address],
        [lab, LabResults, hospital.address],
        [patient, GeneralNotes, ethers.ZeroAddress],
        [doctor2, GeneralNotes, ethers.ZeroAddress],
      ];
      for (const [i, [author, category, facility]] of cases.entries()) {
        const receipt = await mined(add(author, category, `r${i}`));
        expect(eventArgs(ledger, receipt, "RecordAdded")).to.deep.equal([[
          patient.address, BigInt(i + 1), author.address, BigInt(category), 1n, digest(`r${i}`), facility, 0n]]);
      }
      expect(await ledger.recordCount(patient.address)).to.equal(BigInt(cases.length));
    });

    it("addRecord_withZeroDigest_reverts", async () => {
      const { ledger, ethers, personas: { patient } } = world();
      await expect(ledger.connect(patient).addRecord(patient.address, GeneralNotes, 1, ethers.ZeroHash))
        .to.be.revertedWithCustomError(ledger, "RecordsEmptyDigest").withArgs();
    });

    it("addRecord_ofInvalidCategory_reverts", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(add(patient, 8)).to.be.revertedWithCustomError(ledger, "ScopeKeysInvalidCategory").withArgs(8);
    });

    it("addRecord_byReaderOrWriterOfAnotherCategory_revertsWriteDenied", async () => {
      const { ledger, personas: { patient, insurer, hospital, stranger } } = world();
      await expect(add(insurer, GeneralNotes))
        .to.be.revertedWithCustomError(ledger, "RecordsWriteDenied")
        .withArgs(insurer.address, patient.address, GeneralNotes);
      await expect(add(hospital, LabResults))
        .to.be.revertedWithCustomError(ledger, "RecordsWriteDenied")
        .withArgs(hospital.address, patient.address, LabResults);
      await expect(add(stranger, GeneralNotes))
        .to.be.revertedWithCustomError(ledger, "RecordsWriteDenied")
        .withArgs(stranger.address, patient.address, GeneralNotes);
      expect(await ledger.recordCount(patient.address)).to.equal(0n);
    });

    it("addRecord_underWrongEpoch_revertsEpochMismatch", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      for (const epoch of [0, 2]) {
        await expect(add(doctor, GeneralNotes, "x", epoch))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch")
          .withArgs(patient.address, GeneralNotes, epoch, 1);
      }
    });

    it("addRecord_ofCategoryWithoutKey_revertsUninitialized", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(add(patient, Imaging, "x", 0))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysUninitialized").withArgs(patient.address, Imaging);
    });

    it("addRecord_whileRotationPending_revertsRotationRequiredUntilRotated", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(ledger.connect(patient).revoke(world().personas.insurer.address));
      await expect(add(doctor))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, GeneralNotes);
      // Other categories are unaffected.
      await expect(add(doctor, LabResults)).to.emit(ledger, "RecordAdded");
    });
  });

  describe("amendRecord", () => {
    it("amendRecord_ofCurrentRecord_addsNewVersionLinkedToItAndSupersedesIt", async () => {
      const { ledger, personas: { patient, doctor, hospital } } = world();
      await mined(add(doctor, LabResults, "v1"));
      await mined(add(doctor, GeneralNotes, "other"));
      expect(await ledger.connect(doctor).amendRecord.staticCall(patient.address, 1, 1, digest("v2"))).to.equal(3n);
      const receipt = await mined(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v2")));
      expect(eventArgs(ledger, receipt, "RecordAdded")).to.deep.equal([[
        patient.address, 3n, doctor.address, BigInt(LabResults), 1n, digest("v2"), hospital.address, 1n]]);
      expect((await recordOf(1))[2]).to.equal(BigInt(RecordStatus.Superseded));
      expect(await recordOf(3)).to.deep.equal(
        [doctor.address, BigInt(LabResults), BigInt(RecordStatus.Active), 1n, BigInt(await latest())]);
    });

    it("amendRecord_byPatientOfOwnRecord_hasNoFacility", async () => {
      const { ledger, ethers, personas: { patient } } = world();
      await mined(add(patient, GeneralNotes, "v1"));
      await expect(ledger.connect(patient).amendRecord(patient.address, 1, 1, digest("v2")))
        .to.emit(ledger, "RecordAdded")
        .withArgs(patient.address, 2, patient.address, GeneralNotes, 1, digest("v2"), ethers.ZeroAddress, 1);
    });

    it("amendRecord_ofSupersededOrRetractedRecord_revertsNotCurrentWithStatus", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await mined(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v2")));
      await expect(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v3")))
        .to.be.revertedWithCustomError(ledger, "RecordsNotCurrent")
        .withArgs(patient.address, 1, RecordStatus.Superseded);
      await mined(ledger.connect(doctor).retractRecord(patient.address, 2, 0));
      await expect(ledger.connect(doctor).amendRecord(patient.address, 2, 1, digest("v3")))
        .to.be.revertedWithCustomError(ledger, "RecordsNotCurrent")
        .withArgs(patient.address, 2, RecordStatus.Retracted);
    });

    it("amendRecord_byAnotherWriter_revertsNotAuthor", async () => {
      const { ledger, personas: { patient, doctor, hospital } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      for (const other of [hospital, patient]) {
        await expect(ledger.connect(other).amendRecord(patient.address, 1, 1, digest("v2")))
          .to.be.revertedWithCustomError(ledger, "RecordsNotAuthor").withArgs(other.address, doctor.address);
      }
    });

    it("amendRecord_ofUnknownRecord_revertsNotFound", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      for (const recordId of [0, 1]) {
        await expect(ledger.connect(doctor).amendRecord(patient.address, recordId, 1, digest("v2")))
          .to.be.revertedWithCustomError(ledger, "RecordsNotFound").withArgs(patient.address, recordId);
      }
    });

    it("amendRecord_afterAuthorLostWriteAccess_revertsWriteDenied", async () => {
      const { ledger, personas: { patient, doctor2 } } = world();
      await mined(add(doctor2, GeneralNotes, "v1"));
      await mined(ledger.connect(patient).revoke(doctor2.address));
      await expect(ledger.connect(doctor2).amendRecord(patient.address, 1, 1, digest("v2")))
        .to.be.revertedWithCustomError(ledger, "RecordsWriteDenied")
        .withArgs(doctor2.address, patient.address, GeneralNotes);
    });

    it("amendRecord_withZeroDigest_reverts", async () => {
      const { ledger, ethers, personas: { patient, doctor } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await expect(ledger.connect(doctor).amendRecord(patient.address, 1, 1, ethers.ZeroHash))
        .to.be.revertedWithCustomError(ledger, "RecordsEmptyDigest").withArgs();
    });

    it("amendRecord_underStaleEpoch_revertsAndLeavesTheRecordCurrent", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await rotateNotesToEpochTwo();
      await expect(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v2")))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch").withArgs(patient.address, GeneralNotes, 1, 2);
      expect((await recordOf(1))[2]).to.equal(BigInt(RecordStatus.Active));
      await expect(ledger.connect(doctor).amendRecord(patient.address, 1, 2, digest("v2")))
        .to.emit(ledger, "RecordAdded");
      expect((await recordOf(2))[3]).to.equal(2n);
    });

    it("amendRecord_whileRotationPending_revertsRotationRequired", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await mined(ledger.connect(patient).revoke(insurer.address));
      await expect(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v2")))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, GeneralNotes);
    });
  });

  describe("retractRecord", () => {
    it("retractRecord_byAuthor_marksRetractedAndEmitsRecordRetracted", async () => {
      const { ledger, personas: { patient, lab } } = world();
      await mined(add(lab, LabResults, "wrong patient"));
      await expect(ledger.connect(lab).retractRecord(patient.address, 1, 1))
        .to.emit(ledger, "RecordRetracted").withArgs(patient.address, 1, lab.address, 1);
      expect((await recordOf(1))[2]).to.equal(BigInt(RecordStatus.Retracted));
    });

    it("retractRecord_twice_isNoOp", async () => {
      const { ledger, personas: { patient, lab } } = world();
      await mined(add(lab, LabResults, "duplicate"));
      await mined(ledger.connect(lab).retractRecord(patient.address, 1, 2));
      const before = await recordOf(1);
      await expectNoEvents(ledger.connect(lab).retractRecord(patient.address, 1, 2));
      expect(await recordOf(1)).to.deep.equal(before);
    });

    it("retractRecord_withReasonAboveMaximum_reverts", async () => {
      const { ledger, personas: { patient, lab } } = world();
      await mined(add(lab, LabResults, "x"));
      await expect(ledger.connect(lab).retractRecord(patient.address, 1, 4))
        .to.be.revertedWithCustomError(ledger, "RecordsInvalidReason").withArgs(4);
    });

    it("retractRecord_ofSupersededRecord_revertsNotCurrent", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await mined(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v2")));
      await expect(ledger.connect(doctor).retractRecord(patient.address, 1, 0))
        .to.be.revertedWithCustomError(ledger, "RecordsNotCurrent")
        .withArgs(patient.address, 1, RecordStatus.Superseded);
    });

    it("retractRecord_byNonAuthor_revertsNotAuthor", async () => {
      const { ledger, personas: { patient, doctor, hospital } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await expect(ledger.connect(hospital).retractRecord(patient.address, 1, 0))
        .to.be.revertedWithCustomError(ledger, "RecordsNotAuthor").withArgs(hospital.address, doctor.address);
    });

    it("retractRecord_ofUnknownRecord_revertsNotFound", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await expect(ledger.connect(doctor).retractRecord(patient.address, 5, 0))
        .to.be.revertedWithCustomError(ledger, "RecordsNotFound").withArgs(patient.address, 5);
    });

    it("retractRecord_afterAuthorLostWriteAccess_revertsWriteDenied", async () => {
      const { ledger, personas: { admin, patient, lab } } = world();
      await mined(add(lab, LabResults, "x"));
      await mined(ledger.connect(admin).suspend(lab.address));
      await expect(ledger.connect(lab).retractRecord(patient.address, 1, 0))
        .to.be.revertedWithCustomError(ledger, "RecordsWriteDenied").withArgs(lab.address, patient.address, LabResults);
    });
  });

  describe("logAccess", () => {
    it("logAccess_byPatientOrReader_emitsRecordAccessedAndChangesNothing", async () => {
      const { ledger, personas: { patient, doctor, insurer, caregiver } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      const before = await recordOf(1);
      for (const [reader, purpose] of [[patient, 5], [insurer, 2], [caregiver, 6], [doctor, 0]] as const) {
        const receipt = await mined(ledger.connect(reader).logAccess(patient.address, 1, purpose));
        expect(eventArgs(ledger, receipt, "RecordAccessed")).to.deep.equal(
          [[patient.address, 1n, reader.address, BigInt(purpose)]]);
        expect(receipt.logs).to.have.length(1);
      }
      expect(await recordOf(1)).to.deep.equal(before);
      expect(await ledger.recordCount(patient.address)).to.equal(1n);
    });

    it("logAccess_ofRetractedOrSupersededRecord_isAllowed", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await mined(ledger.connect(doctor).amendRecord(patient.address, 1, 1, digest("v2")));
      await mined(ledger.connect(doctor).retractRecord(patient.address, 2, 0));
      for (const recordId of [1, 2]) {
        await expect(ledger.connect(insurer).logAccess(patient.address, recordId, 8))
          .to.emit(ledger, "RecordAccessed").withArgs(patient.address, recordId, insurer.address, 8);
      }
    });

    it("logAccess_byAccountWithoutReadAccessToTheCategory_revertsReadDenied", async () => {
      const { ledger, personas: { patient, lab, insurer, stranger } } = world();
      await mined(add(lab, LabResults, "x"));
      for (const reader of [stranger, insurer]) {
        await expect(ledger.connect(reader).logAccess(patient.address, 1, 0))
          .to.be.revertedWithCustomError(ledger, "RecordsReadDenied").withArgs(reader.address, patient.address, 1);
      }
    });

    it("logAccess_afterRevoke_revertsReadDenied", async () => {
      const { ledger, personas: { patient, doctor, caregiver } } = world();
      await mined(add(doctor, GeneralNotes, "v1"));
      await mined(ledger.connect(patient).revoke(caregiver.address));
      await expect(ledger.connect(caregiver).logAccess(patient.address, 1, 6))
        .to.be.revertedWithCustomError(ledger, "RecordsReadDenied").withArgs(caregiver.address, patient.address, 1);
    });

    it("logAccess_withPurposeAboveMaximum_reverts", async () => {
      const { ledger, personas: { patient } } = world();
      await mined(add(patient, GeneralNotes, "v1"));
      await expect(ledger.connect(patient).logAccess(patient.address, 1, 9))
        .to.be.revertedWithCustomError(ledger, "RecordsInvalidPurpose").withArgs(9);
    });

    it("logAccess_ofUnknownRecord_revertsNotFound", async () => {
      const { ledger, personas: { patient } } = world();
      await expect(ledger.connect(patient).logAccess(patient.address, 1, 5))
        .to.be.revertedWithCustomError(ledger, "RecordsNotFound").withArgs(patient.address, 1);
    });
  });
});
