import { describe, it } from "vitest";
import { expect } from "chai";

import { Kind, Status } from "../../helpers/fixture.js";
import type { Signer } from "../../helpers/fixture.js";
import { PROFILE } from "../../helpers/world.js";
import { expectNoEvents, mined, plain } from "../../helpers/events.js";
import { useWorld } from "../../helpers/sharedWorld.js";

const NEW_PROFILE = "0x" + "22".repeat(32);
const FEE = 10n ** 15n;
const UINT96_MAX = (1n << 96n) - 1n;

describe("ParticipantRegistry", () => {
  const world = useWorld();

  /** A wallet the world never registered (the fixture keeps ten of the twenty accounts). */
  const newcomer = async (index = 0): Promise<Signer> => {
    const signer = (await world().ethers.getSigners())[10 + index];
    if (signer === undefined) throw new Error("not enough accounts");
    return signer;
  };
  const snapshotOf = async (account: string) => plain(await world().ledger.participant(account));
  const latestTimestamp = () => world().connection.networkHelpers.time.latest();

  describe("registerParticipant", () => {
    it("registerParticipant_byAdmin_storesParticipantAndEmitsParticipantRegistered", async () => {
      const { ledger, personas: { admin }, key, commitment } = world();
      const insurer = await newcomer();
      await expect(ledger.connect(admin).registerParticipant(
        insurer.address, Kind.Insurer, world().ethers.ZeroAddress, key(insurer), commitment(insurer), PROFILE))
        .to.emit(ledger, "ParticipantRegistered")
        .withArgs(insurer.address, Kind.Insurer, world().ethers.ZeroAddress, admin.address, key(insurer),
          commitment(insurer), PROFILE);
      expect(await snapshotOf(insurer.address)).to.deep.equal([
        BigInt(Kind.Insurer), BigInt(Status.Active), BigInt(await latestTimestamp()), world().ethers.ZeroAddress,
        key(insurer), PROFILE]);
      expect(await ledger.kindOf(insurer.address)).to.equal(BigInt(Kind.Insurer));
      expect(await ledger.isActive(insurer.address)).to.equal(true);
    });

    it("registerParticipant_byAdminWithActiveHospitalAffiliation_recordsAffiliation", async () => {
      const { ledger, personas: { admin, hospital }, key, commitment } = world();
      const lab = await newcomer();
      await expect(ledger.connect(admin).registerParticipant(
        lab.address, Kind.Lab, hospital.address, key(lab), commitment(lab), PROFILE))
        .to.emit(ledger, "ParticipantRegistered")
        .withArgs(lab.address, Kind.Lab, hospital.address, admin.address, key(lab), commitment(lab), PROFILE);
      expect((await ledger.participant(lab.address)).affiliation).to.equal(hospital.address);
    });

    it("registerParticipant_byHospitalForOwnDoctorAndLab_recordsHospitalAsRegistrarAndAffiliation", async () => {
      const { ledger, personas: { hospital }, key, commitment } = world();
      const doctor = await newcomer(0);
      const lab = await newcomer(1);
      await expect(ledger.connect(hospital).registerParticipant(
        doctor.address, Kind.Doctor, hospital.address, key(doctor), commitment(doctor), PROFILE))
        .to.emit(ledger, "ParticipantRegistered")
        .withArgs(doctor.address, Kind.Doctor, hospital.address, hospital.address, key(doctor), commitment(doctor),
          PROFILE);
      await expect(ledger.connect(hospital).registerParticipant(
        lab.address, Kind.Lab, hospital.address, key(lab), commitment(lab), PROFILE))
        .to.emit(ledger, "ParticipantRegistered")
        .withArgs(lab.address, Kind.Lab, hospital.address, hospital.address, key(lab), commitment(lab), PROFILE);
      expect((await ledger.participant(doctor.address)).affiliation).to.equal(hospital.address);
      expect((await ledger.participant(lab.address)).affiliation).to.equal(hospital.address);
    });

    it("registerParticipant_withZeroEncryptionKey_registersWithoutKey", async () => {
      const { ledger, ethers, personas: { admin }, commitment } = world();
      const auditor = await newcomer();
      await expect(ledger.connect(admin).registerParticipant(
        auditor.address, Kind.Auditor, ethers.ZeroAddress, ethers.ZeroHash, commitment(auditor), ethers.ZeroHash))
        .to.emit(ledger, "ParticipantRegistered")
        .withArgs(auditor.address, Kind.Auditor, ethers.ZeroAddress, admin.address, ethers.ZeroHash,
          commitment(auditor), ethers.ZeroHash);
      expect((await ledger.participant(auditor.address)).encryptionKey).to.equal(ethers.ZeroHash);
    });

    it("registerParticipant_whenAlreadyRegistered_revertsAndKeepsTheFirstRegistration", async () => {
      const { ledger, ethers, personas: { admin, doctor }, key, commitment } = world();
      const before = await snapshotOf(doctor.address);
      await expect(ledger.connect(admin).registerParticipant(
        doctor.address, Kind.Insurer, ethers.ZeroAddress, key(doctor), commitment(doctor), PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryAlreadyRegistered").withArgs(doctor.address);
      expect(await snapshotOf(doctor.address)).to.deep.equal(before);
    });

    it("registerParticipant_whenAccountIsZero_reverts", async () => {
      const { ledger, ethers, personas: { admin } } = world();
      await expect(ledger.connect(admin).registerParticipant(
        ethers.ZeroAddress, Kind.Insurer, ethers.ZeroAddress, ethers.ZeroHash, ethers.id("c"), PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryZeroAccount").withArgs();
    });

    it("registerParticipant_whenKindIsNone_reverts", async () => {
      const { ledger, ethers, personas: { admin }, commitment } = world();
      const account = await newcomer();
      await expect(ledger.connect(admin).registerParticipant(
        account.address, Kind.None, ethers.ZeroAddress, ethers.ZeroHash, commitment(account), ethers.ZeroHash))
        .to.be.revertedWithCustomError(ledger, "RegistryInvalidKind").withArgs(Kind.None);
    });

    it("registerParticipant_whenAccountIsTheAdmin_reverts", async () => {
      const { ledger, ethers, personas: { admin }, commitment } = world();
      await expect(ledger.connect(admin).registerParticipant(
        admin.address, Kind.Insurer, ethers.ZeroAddress, ethers.ZeroHash, commitment(admin), PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryAdminCannotParticipate").withArgs(admin.address);
      expect(await ledger.kindOf(admin.address)).to.equal(BigInt(Kind.None));
    });

    it("registerParticipant_whenIdentityCommitmentIsZero_reverts", async () => {
      const { ledger, ethers, personas: { admin } } = world();
      const account = await newcomer();
      await expect(ledger.connect(admin).registerParticipant(
        account.address, Kind.Insurer, ethers.ZeroAddress, ethers.ZeroHash, ethers.ZeroHash, PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryMissingIdentityCommitment").withArgs();
    });

    it("registerParticipant_providerWithoutProfile_reverts", async () => {
      const { ledger, ethers, personas: { admin }, commitment } = world();
      const account = await newcomer();
      for (const kind of [Kind.Doctor, Kind.Hospital, Kind.Insurer, Kind.Lab]) {
        await expect(ledger.connect(admin).registerParticipant(
          account.address, kind, ethers.ZeroAddress, ethers.ZeroHash, commitment(account), ethers.ZeroHash))
          .to.be.revertedWithCustomError(ledger, "RegistryMissingProfile").withArgs(kind);
      }
    });

    it("registerParticipant_patientOrAuditorWithProfile_reverts", async () => {
      const { ledger, ethers, personas: { admin }, commitment } = world();
      const account = await newcomer();
      for (const kind of [Kind.Patient, Kind.Auditor]) {
        await expect(ledger.connect(admin).registerParticipant(
          account.address, kind, ethers.ZeroAddress, ethers.ZeroHash, commitment(account), PROFILE))
          .to.be.revertedWithCustomError(ledger, "RegistryProfileNotAllowed").withArgs(kind);
      }
    });

    it("registerParticipant_kindWithoutAffiliationWithHospital_reverts", async () => {
      const { ledger, personas: { admin, hospital }, commitment } = world();
      const account = await newcomer();
      for (const kind of [Kind.Patient, Kind.Hospital, Kind.Insurer, Kind.Auditor]) {
        const profile = kind === Kind.Patient || kind === Kind.Auditor ? world().ethers.ZeroHash : PROFILE;
        await expect(ledger.connect(admin).registerParticipant(
          account.address, kind, hospital.address, world().ethers.ZeroHash, commitment(account), profile))
          .to.be.revertedWithCustomError(ledger, "RegistryInvalidAffiliation").withArgs(kind, hospital.address);
      }
    });

    it("registerParticipant_affiliatedWithANonHospital_reverts", async () => {
      const { ledger, ethers, personas: { admin, insurer }, commitment } = world();
      const account = await newcomer();
      await expect(ledger.connect(admin).registerParticipant(
        account.address, Kind.Lab, insurer.address, ethers.ZeroHash, commitment(account), PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryInvalidAffiliation").withArgs(Kind.Lab, insurer.address);
    });

    it("registerParticipant_affiliatedWithASuspendedHospital_reverts", async () => {
      const { ledger, ethers, personas: { admin, hospital }, commitment } = world();
      const account = await newcomer();
      await mined(ledger.connect(admin).suspend(hospital.address));
      await expect(ledger.connect(admin).registerParticipant(
        account.address, Kind.Doctor, hospital.address, ethers.ZeroHash, commitment(account), PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryInvalidAffiliation").withArgs(Kind.Doctor, hospital.address);
    });

    it("registerParticipant_byHospitalWithAnotherAffiliation_reverts", async () => {
      const { ledger, ethers, personas: { admin, hospital }, commitment, key } = world();
      const otherHospital = await newcomer(0);
      const account = await newcomer(1);
      await mined(ledger.connect(admin).registerParticipant(
        otherHospital.address, Kind.Hospital, ethers.ZeroAddress, key(otherHospital), commitment(otherHospital),
        PROFILE));
      for (const affiliation of [otherHospital.address, ethers.ZeroAddress]) {
        await expect(ledger.connect(hospital).registerParticipant(
          account.address, Kind.Doctor, affiliation, ethers.ZeroHash, commitment(account), PROFILE))
          .to.be.revertedWithCustomError(ledger, "RegistryInvalidAffiliation").withArgs(Kind.Doctor, affiliation);
      }
    });

    it("registerParticipant_bySuspendedHospitalForOwnDoctor_reverts", async () => {
      const { ledger, ethers, personas: { admin, hospital }, commitment } = world();
      const account = await newcomer();
      await mined(ledger.connect(admin).suspend(hospital.address));
      await expect(ledger.connect(hospital).registerParticipant(
        account.address, Kind.Doctor, hospital.address, ethers.ZeroHash, commitment(account), PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryInactiveParticipant").withArgs(hospital.address);
      expect(await ledger.kindOf(account.address)).to.equal(BigInt(Kind.None));
    });
  });

  describe("signUp", () => {
    it("signUp_withExactFee_registersPatientAndKeepsTheFee", async () => {
      const { ledger, ethers, personas: { admin }, key, commitment } = world();
      const patient = await newcomer();
      await mined(ledger.connect(admin).setSignUpFee(FEE));
      const tx = ledger.connect(patient).signUp(key(patient), commitment(patient), { value: FEE });
      await expect(tx).to.emit(ledger, "ParticipantRegistered")
        .withArgs(patient.address, Kind.Patient, ethers.ZeroAddress, patient.address, key(patient),
          commitment(patient), ethers.ZeroHash);
      await expect(tx).to.changeEtherBalances(ethers, [ledger, patient], [FEE, -FEE]);
      expect(await snapshotOf(patient.address)).to.deep.equal([
        BigInt(Kind.Patient), BigInt(Status.Active), BigInt(await latestTimestamp()), ethers.ZeroAddress,
        key(patient), ethers.ZeroHash]);
    });

    it("signUp_whenFeeIsZeroAndNothingPaid_registersPatient", async () => {
      const { ledger, personas: { stranger }, key, commitment } = world();
      await expect(ledger.connect(stranger).signUp(key(stranger), commitment(stranger)))
        .to.emit(ledger, "ParticipantRegistered");
      expect(await ledger.kindOf(stranger.address)).to.equal(BigInt(Kind.Patient));
    });

    it("signUp_withWrongAmount_revertsWithRequiredAndPaid", async () => {
      const { ledger, personas: { admin }, key, commitment } = world();
      const patient = await newcomer();
      await mined(ledger.connect(admin).setSignUpFee(FEE));
      for (const paid of [0n, FEE - 1n, FEE + 1n]) {
        await expect(ledger.connect(patient).signUp(key(patient), commitment(patient), { value: paid }))
          .to.be.revertedWithCustomError(ledger, "RegistryIncorrectFee").withArgs(FEE, paid);
      }
      await mined(ledger.connect(admin).setSignUpFee(0));
      await expect(ledger.connect(patient).signUp(key(patient), commitment(patient), { value: 1n }))
        .to.be.revertedWithCustomError(ledger, "RegistryIncorrectFee").withArgs(0n, 1n);
      expect(await ledger.kindOf(patient.address)).to.equal(BigInt(Kind.None));
    });

    it("signUp_withZeroEncryptionKey_reverts", async () => {
      const { ledger, ethers, personas: { stranger }, commitment } = world();
      await expect(ledger.connect(stranger).signUp(ethers.ZeroHash, commitment(stranger)))
        .to.be.revertedWithCustomError(ledger, "RegistryZeroEncryptionKey").withArgs();
    });

    it("signUp_withZeroIdentityCommitment_reverts", async () => {
      const { ledger, ethers, personas: { stranger }, key } = world();
      await expect(ledger.connect(stranger).signUp(key(stranger), ethers.ZeroHash))
        .to.be.revertedWithCustomError(ledger, "RegistryMissingIdentityCommitment").withArgs();
    });

    it("signUp_byRegisteredProvider_revertsAlreadyRegistered", async () => {
      const { ledger, personas: { doctor }, key, commitment } = world();
      await expect(ledger.connect(doctor).signUp(key(doctor), commitment(doctor)))
        .to.be.revertedWithCustomError(ledger, "RegistryAlreadyRegistered").withArgs(doctor.address);
      expect(await ledger.kindOf(doctor.address)).to.equal(BigInt(Kind.Doctor));
    });

    it("signUp_byTheAdmin_reverts", async () => {
      const { ledger, personas: { admin }, key, commitment } = world();
      await expect(ledger.connect(admin).signUp(key(admin), commitment(admin)))
        .to.be.revertedWithCustomError(ledger, "RegistryAdminCannotParticipate").withArgs(admin.address);
    });
  });

  describe("setEncryptionKey", () => {
    it("setEncryptionKey_withNewKey_storesItAndEmitsEncryptionKeyChanged", async () => {
      const { ledger, ethers, personas: { patient } } = world();
      const newKey = ethers.id("rotated x25519 key");
      await expect(ledger.connect(patient).setEncryptionKey(newKey))
        .to.emit(ledger, "EncryptionKeyChanged").withArgs(patient.address, newKey);
      expect((await ledger.participant(patient.address)).encryptionKey).to.equal(newKey);
    });

    it("setEncryptionKey_whenRegisteredWithoutKey_setsTheFirstKey", async () => {
      const { ledger, ethers, personas: { admin }, commitment } = world();
      const auditor = await newcomer();
      await mined(ledger.connect(admin).registerParticipant(
        auditor.address, Kind.Auditor, ethers.ZeroAddress, ethers.ZeroHash, commitment(auditor), ethers.ZeroHash));
      const firstKey = ethers.id("first key");
      await expect(ledger.connect(auditor).setEncryptionKey(firstKey))
        .to.emit(ledger, "EncryptionKeyChanged").withArgs(auditor.address, firstKey);
    });

    it("setEncryptionKey_withCurrentKey_isNoOp", async () => {
      const { ledger, personas: { patient }, key } = world();
      const before = await snapshotOf(patient.address);
      await expectNoEvents(ledger.connect(patient).setEncryptionKey(key(patient)));
      expect(await snapshotOf(patient.address)).to.deep.equal(before);
    });

    it("setEncryptionKey_withZeroKey_reverts", async () => {
      const { ledger, ethers, personas: { patient } } = world();
      await expect(ledger.connect(patient).setEncryptionKey(ethers.ZeroHash))
        .to.be.revertedWithCustomError(ledger, "RegistryZeroEncryptionKey").withArgs();
    });

    it("setEncryptionKey_whenSuspended_reverts", async () => {
      const { ledger, ethers, personas: { admin, patient } } = world();
      await mined(ledger.connect(admin).suspend(patient.address));
      await expect(ledger.connect(patient).setEncryptionKey(ethers.id("k")))
        .to.be.revertedWithCustomError(ledger, "RegistryInactiveParticipant").withArgs(patient.address);
    });
  });

  describe("setProfileDigest", () => {
    it("setProfileDigest_byProviderWithNewDigest_storesItAndEmitsProfileChanged", async () => {
      const { ledger, personas: { doctor, hospital, insurer, lab } } = world();
      for (const provider of [doctor, hospital, insurer, lab]) {
        await expect(ledger.connect(provider).setProfileDigest(NEW_PROFILE))
          .to.emit(ledger, "ProfileChanged").withArgs(provider.address, NEW_PROFILE);
        expect((await ledger.participant(provider.address)).profileDigest).to.equal(NEW_PROFILE);
      }
    });

    it("setProfileDigest_withCurrentDigest_isNoOp", async () => {
      const { ledger, personas: { doctor } } = world();
      const before = await snapshotOf(doctor.address);
      await expectNoEvents(ledger.connect(doctor).setProfileDigest(PROFILE));
      expect(await snapshotOf(doctor.address)).to.deep.equal(before);
    });

    it("setProfileDigest_withZeroDigest_reverts", async () => {
      const { ledger, ethers, personas: { doctor } } = world();
      await expect(ledger.connect(doctor).setProfileDigest(ethers.ZeroHash))
        .to.be.revertedWithCustomError(ledger, "RegistryMissingProfile").withArgs(Kind.Doctor);
    });

    it("setProfileDigest_byPatientOrAuditor_reverts", async () => {
      const { ledger, personas: { patient, auditor } } = world();
      await expect(ledger.connect(patient).setProfileDigest(NEW_PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryProfileNotAllowed").withArgs(Kind.Patient);
      await expect(ledger.connect(auditor).setProfileDigest(NEW_PROFILE))
        .to.be.revertedWithCustomError(ledger, "RegistryProfileNotAllowed").withArgs(Kind.Auditor);
    });
  });

  describe("suspend and reactivate", () => {
    it("suspend_byAdmin_marksSuspendedAndEmitsParticipantSuspended", async () => {
      const { ledger, personas: { admin, insurer } } = world();
      await expect(ledger.connect(admin).suspend(insurer.address))
        .to.emit(ledger, "ParticipantSuspended").withArgs(insurer.address, admin.address);
      expect((await ledger.participant(insurer.address)).status).to.equal(BigInt(Status.Suspended));
      expect(await ledger.isActive(insurer.address)).to.equal(false);
    });

    it("suspend_byHospitalOfOwnStaff_emitsParticipantSuspendedByHospital", async () => {
      const { ledger, personas: { hospital, doctor, lab } } = world();
      for (const staff of [doctor, lab]) {
        await expect(ledger.connect(hospital).suspend(staff.address))
          .to.emit(ledger, "ParticipantSuspended").withArgs(staff.address, hospital.address);
        expect(await ledger.isActive(staff.address)).to.equal(false);
      }
    });

    it("suspend_twice_isNoOp", async () => {
      const { ledger, personas: { admin, hospital, doctor } } = world();
      await mined(ledger.connect(admin).suspend(doctor.address));
      const before = await snapshotOf(doctor.address);
      await expectNoEvents(ledger.connect(admin).suspend(doctor.address));
      await expectNoEvents(ledger.connect(hospital).suspend(doctor.address));
      expect(await snapshotOf(doctor.address)).to.deep.equal(before);
    });

    it("suspend_unregisteredAccount_reverts", async () => {
      const { ledger, personas: { admin, stranger } } = world();
      await expect(ledger.connect(admin).suspend(stranger.address))
        .to.be.revertedWithCustomError(ledger, "RegistryNotRegistered").withArgs(stranger.address);
    });

    it("suspend_bySuspendedHospitalOfOwnStaff_reverts", async () => {
      const { ledger, personas: { admin, hospital, doctor } } = world();
      await mined(ledger.connect(admin).suspend(hospital.address));
      await expect(ledger.connect(hospital).suspend(doctor.address))
        .to.be.revertedWithCustomError(ledger, "RegistryInactiveParticipant").withArgs(hospital.address);
      expect(await ledger.isActive(doctor.address)).to.equal(true);
    });

    it("suspend_ofHospital_keepsItsStaffAffiliatedAndActive", async () => {
      const { ledger, personas: { admin, hospital, doctor } } = world();
      await mined(ledger.connect(admin).suspend(hospital.address));
      const staff = await ledger.participant(doctor.address);
      expect(staff.affiliation).to.equal(hospital.address);
      expect(staff.status).to.equal(BigInt(Status.Active));
    });

    it("reactivate_ofSuspended_marksActiveAndEmitsParticipantReactivated", async () => {
      const { ledger, personas: { admin, patient } } = world();
      await mined(ledger.connect(admin).suspend(patient.address));
      await expect(ledger.connect(admin).reactivate(patient.address))
        .to.emit(ledger, "ParticipantReactivated").withArgs(patient.address, admin.address);
      expect(await ledger.isActive(patient.address)).to.equal(true);
    });

    it("reactivate_twiceOrOfActive_isNoOp", async () => {
      const { ledger, personas: { admin, patient, doctor } } = world();
      await mined(ledger.connect(admin).suspend(patient.address));
      await mined(ledger.connect(admin).reactivate(patient.address));
      const before = await snapshotOf(patient.address);
      await expectNoEvents(ledger.connect(admin).reactivate(patient.address));
      expect(await snapshotOf(patient.address)).to.deep.equal(before);
      await expectNoEvents(ledger.connect(admin).reactivate(doctor.address));
    });

    it("reactivate_unregisteredAccount_reverts", async () => {
      const { ledger, personas: { admin, stranger } } = world();
      await expect(ledger.connect(admin).reactivate(stranger.address))
        .to.be.revertedWithCustomError(ledger, "RegistryNotRegistered").withArgs(stranger.address);
    });
  });

  describe("setSignUpFee", () => {
    it("setSignUpFee_withNewFee_storesItAndEmitsSignUpFeeChanged", async () => {
      const { ledger, personas: { admin } } = world();
      await expect(ledger.connect(admin).setSignUpFee(FEE)).to.emit(ledger, "SignUpFeeChanged").withArgs(0n, FEE);
      await expect(ledger.connect(admin).setSignUpFee(UINT96_MAX))
        .to.emit(ledger, "SignUpFeeChanged").withArgs(FEE, UINT96_MAX);
      expect(await ledger.signUpFee()).to.equal(UINT96_MAX);
    });

    it("setSignUpFee_withCurrentFee_isNoOp", async () => {
      const { ledger, personas: { admin } } = world();
      await mined(ledger.connect(admin).setSignUpFee(FEE));
      await expectNoEvents(ledger.connect(admin).setSignUpFee(FEE));
      expect(await ledger.signUpFee()).to.equal(FEE);
    });

    it("setSignUpFee_aboveUint96_reverts", async () => {
      const { ledger, personas: { admin } } = world();
      await expect(ledger.connect(admin).setSignUpFee(UINT96_MAX + 1n))
        .to.be.revertedWithCustomError(ledger, "RegistryFeeTooLarge").withArgs(UINT96_MAX + 1n);
      expect(await ledger.signUpFee()).to.equal(0n);
    });
  });

  describe("withdrawFees", () => {
    const collectTwoFees = async () => {
      const { ledger, personas: { admin }, key, commitment } = world();
      await mined(ledger.connect(admin).setSignUpFee(FEE));
      for (const index of [0, 1]) {
        const patient = await newcomer(index);
        await mined(ledger.connect(patient).signUp(key(patient), commitment(patient), { value: FEE }));
      }
      return 2n * FEE;
    };

    it("withdrawFees_withCollectedFees_movesTheWholeBalanceToTreasury", async () => {
      const { ledger, ethers, personas: { admin } } = world();
      const collected = await collectTwoFees();
      const treasury = await newcomer(5);
      const tx = ledger.connect(admin).withdrawFees(treasury.address);
      await expect(tx).to.emit(ledger, "FeesWithdrawn").withArgs(treasury.address, collected);
      await expect(tx).to.changeEtherBalances(ethers, [ledger, treasury], [-collected, collected]);
      expect(await ethers.provider.getBalance(ledger.target)).to.equal(0n);
    });

    it("withdrawFees_withNothingCollected_isNoOp", async () => {
      const { ledger, ethers, personas: { admin } } = world();
      const treasury = await newcomer(5);
      const before = await ethers.provider.getBalance(treasury.address);
      await expectNoEvents(ledger.connect(admin).withdrawFees(treasury.address));
      expect(await ethers.provider.getBalance(treasury.address)).to.equal(before);
    });

    it("withdrawFees_toZeroTreasury_revertsAndKeepsTheFees", async () => {
      const { ledger, ethers, personas: { admin } } = world();
      const collected = await collectTwoFees();
      await expect(ledger.connect(admin).withdrawFees(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(ledger, "RegistryZeroTreasury").withArgs();
      expect(await ethers.provider.getBalance(ledger.target)).to.equal(collected);
    });

    it("withdrawFees_toTreasuryRejectingEther_revertsFailedCallAndKeepsTheFees", async () => {
      const { ledger, ethers, personas: { admin } } = world();
      const collected = await collectTwoFees();
      // The ledger has neither receive nor fallback, so it refuses the transfer to itself.
      await expect(ledger.connect(admin).withdrawFees(ledger.target.toString()))
        .to.be.revertedWithCustomError(ledger, "FailedCall").withArgs();
      expect(await ethers.provider.getBalance(ledger.target)).to.equal(collected);
    });
  });

  describe("pause and unpause", () => {
    it("pause_byAdmin_emitsPausedAndStopsParticipantActions", async () => {
      const { ledger, personas: { admin, stranger, patient }, key, commitment } = world();
      await expect(ledger.connect(admin).pause()).to.emit(ledger, "Paused").withArgs(admin.address);
      expect(await ledger.paused()).to.equal(true);
      await expect(ledger.connect(stranger).signUp(key(stranger), commitment(stranger)))
        .to.be.revertedWithCustomError(ledger, "EnforcedPause").withArgs();
      await expect(ledger.connect(patient).setEncryptionKey(world().ethers.id("k")))
        .to.be.revertedWithCustomError(ledger, "EnforcedPause").withArgs();
    });

    it("unpause_afterPause_emitsUnpausedAndResumesParticipantActions", async () => {
      const { ledger, personas: { admin, stranger }, key, commitment } = world();
      await mined(ledger.connect(admin).pause());
      await expect(ledger.connect(admin).unpause()).to.emit(ledger, "Unpaused").withArgs(admin.address);
      expect(await ledger.paused()).to.equal(false);
      await expect(ledger.connect(stranger).signUp(key(stranger), commitment(stranger)))
        .to.emit(ledger, "ParticipantRegistered");
    });

    it("pause_whenPaused_revertsAndUnpauseWhenNotPaused_reverts", async () => {
      const { ledger, personas: { admin } } = world();
      await expect(ledger.connect(admin).unpause())
        .to.be.revertedWithCustomError(ledger, "ExpectedPause").withArgs();
      await mined(ledger.connect(admin).pause());
      await expect(ledger.connect(admin).pause())
        .to.be.revertedWithCustomError(ledger, "EnforcedPause").withArgs();
    });

    it("suspend_byHospitalWhilePaused_revertsButAdminStillSuspends", async () => {
      const { ledger, personas: { admin, hospital, doctor } } = world();
      await mined(ledger.connect(admin).pause());
      await expect(ledger.connect(hospital).suspend(doctor.address))
        .to.be.revertedWithCustomError(ledger, "EnforcedPause").withArgs();
      await expect(ledger.connect(admin).suspend(doctor.address))
        .to.emit(ledger, "ParticipantSuspended").withArgs(doctor.address, admin.address);
    });
  });
});
