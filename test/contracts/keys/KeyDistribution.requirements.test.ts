/**
 * The key-distribution requirements, checked against the contract alone:
 * R1 a reader gets every key it may use; R2 a removed reader gets no key that protects new records;
 * R3 the patient always holds every key; R4 consent costs do not grow with the record count;
 * R5 keys never appear on chain in clear and every wrap is bound to what it opens.
 */
import { describe, it } from "vitest";
import { expect } from "chai";
import { getBytes } from "ethers";
import type { ContractTransactionResponse } from "ethers";

import { Category, bit } from "../../helpers/fixture.js";
import type { Signer } from "../../helpers/fixture.js";
import { eventArgs, eventNames, ledgerEvents, mined } from "../../helpers/events.js";
import { KeyBook, openPreviousKey, openScopeKey } from "../../helpers/keyBook.js";
import { useWorld } from "../../helpers/sharedWorld.js";
import type { World } from "../../helpers/world.js";

const { GeneralNotes, LabResults, Imaging } = Category;
const NOTES = bit(GeneralNotes);
const LABS = bit(LabResults);
const DAY = 24 * 60 * 60;

/** The patient's browser creates epoch 1 of notes and lab results. */
async function notesAndLabsKeys(world: World) {
  const { ledger, personas: { patient } } = world;
  const book = new KeyBook(patient.address);
  for (const category of [GeneralNotes, LabResults]) {
    await (await ledger.connect(patient).rotateScopeKey(...book.rotation(category, 0, [patient.address]))).wait();
  }
}

describe("Key distribution requirements", () => {
  const world = useWorld(notesAndLabsKeys);
  const time = () => world().connection.networkHelpers.time;
  const book = () => new KeyBook(world().personas.patient.address);
  const epochOf = async (category: number) =>
    Number((await world().ledger.scopeKeyState(world().personas.patient.address, category)).epoch);

  /** Sends the next epoch of `category`, sealed to `recipients` in order (the patient first unless told). */
  const rotate = async (sender: Signer, category: number, recipients: string[]) =>
    world().ledger.connect(sender).rotateScopeKey(...book().rotation(category, await epochOf(category), recipients));

  /** The patient grants `grantee`, sealing the current key of every readable category. */
  const grant = async (grantee: string, readScope: number, writeScope = 0, expiresAt = 0) => {
    const epochs = await Promise.all(Array.from({ length: 8 }, (_, category) => epochOf(category)));
    const input = book().grantInput(grantee, readScope, writeScope, expiresAt, (category) => epochs[category] ?? 0);
    return world().ledger.connect(world().personas.patient).grant([input]);
  };

  let recordsSent = 0;
  const addRecord = async (author: Signer, category: number, epoch?: number) =>
    world().ledger.connect(author).addRecord(world().personas.patient.address, category,
      epoch ?? await epochOf(category), world().ethers.id(`record ${++recordsSent}`));

  /** Every epoch of `category` for which a `ScopeKeyWrapped` event was ever addressed to `recipient`. */
  const epochsSealedTo = async (recipient: string, category: number) => {
    const { ledger, personas: { patient } } = world();
    const events = await ledger.queryFilter(ledger.filters.ScopeKeyWrapped(patient.address, recipient));
    return events.filter((event) => Number(event.args.category) === category).map((event) => Number(event.args.epoch));
  };

  describe("R1: a reader receives the current key of every category it may read, and every later one", () => {
    it("grant_sealsToTheGranteeTheCurrentKeyOfEveryReadCategory", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(rotate(patient, GeneralNotes, [patient.address]));
      await mined(rotate(patient, Imaging, [patient.address]));
      const receipt = await mined(grant(doctor.address, NOTES | LABS | bit(Imaging), NOTES));
      const wrapped = eventArgs(ledger, receipt, "ScopeKeyWrapped");
      expect(wrapped.map(([, recipient, category, epoch]) => [recipient, Number(category), Number(epoch)]))
        .to.deep.equal([[doctor.address, GeneralNotes, 2], [doctor.address, LabResults, 1], [doctor.address, Imaging, 1]]);
      for (const [, recipient, category, epoch, wrap] of wrapped) {
        const binding = { patient: patient.address, recipient: String(recipient), category: Number(category),
          epoch: Number(epoch) };
        expect(Number(epoch)).to.equal(await epochOf(Number(category)));
        expect(openScopeKey(String(wrap), binding)).to.equal(book().key(Number(category), Number(epoch)));
      }
    });

    // The contract cannot tell whether a rotation left out a reader that still holds a valid grant:
    // including every current reader is the client's duty. What the contract guarantees, and these
    // tests check, is that only current readers can be named and that each one named gets the key.
    it("rotateScopeKey_whileGrantsAreValid_namesEveryIncludedReaderWithTheNewEpoch", async () => {
      const { ledger, personas: { patient, doctor, insurer, caregiver } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      await mined(grant(insurer.address, NOTES, 0, (await time().latest()) + 30 * DAY));
      await mined(grant(caregiver.address, NOTES));
      const readers = [doctor.address, insurer.address, caregiver.address];
      for (const rotator of [patient, doctor]) {
        const receipt = await mined(rotate(rotator, GeneralNotes, [patient.address, ...readers]));
        const epoch = await epochOf(GeneralNotes);
        expect(eventArgs(ledger, receipt, "ScopeKeyWrapped").map(([, recipient, category, wrappedEpoch, wrap]) => [
          recipient, Number(category), Number(wrappedEpoch),
          openScopeKey(String(wrap), { patient: patient.address, recipient: String(recipient), category: GeneralNotes,
            epoch })]))
          .to.deep.equal([patient.address, ...readers].map((recipient) =>
            [recipient, GeneralNotes, epoch, book().key(GeneralNotes, epoch)]));
      }
      // The grant carried epoch 1; both rotations carried the later ones: no gap in any reader's keys.
      for (const reader of readers) expect(await epochsSealedTo(reader, GeneralNotes)).to.deep.equal([1, 2, 3]);
    });

    it("rotateScopeKey_toRecipientWithoutReadAccess_isRejected", async () => {
      const { ledger, personas: { patient, doctor2, lab } } = world();
      // The lab may read lab results, not notes; doctor2 has no grant at all.
      await mined(grant(lab.address, LABS, LABS));
      for (const outsider of [doctor2.address, lab.address]) {
        await expect(rotate(patient, GeneralNotes, [patient.address, outsider]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(outsider);
      }
    });

    it("rotateScopeKey_chainsEachEpochToThePreviousSoTheLatestKeyOpensEveryEarlierRecord", async () => {
      const { ledger, personas: { patient, doctor, caregiver } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      await mined(addRecord(doctor, GeneralNotes));
      await mined(rotate(patient, GeneralNotes, [patient.address, doctor.address]));
      await mined(addRecord(doctor, GeneralNotes));
      await mined(rotate(doctor, GeneralNotes, [patient.address, doctor.address]));
      await mined(addRecord(doctor, GeneralNotes));
      // A caregiver joining now is sealed the epoch-3 key only.
      const receipt = await mined(grant(caregiver.address, NOTES));
      const [[, , , grantedEpoch, wrap]] = eventArgs(ledger, receipt, "ScopeKeyWrapped") as [unknown[]];
      expect(Number(grantedEpoch)).to.equal(3);
      let key = openScopeKey(String(wrap), { patient: patient.address, recipient: caregiver.address,
        category: GeneralNotes, epoch: 3 });

      const rotations = await ledger.queryFilter(ledger.filters.ScopeKeyRotated(patient.address, GeneralNotes));
      const links = new Map(rotations.map((event) => [Number(event.args.epoch), event.args.previousKeyWrap]));
      expect(links.get(1)).to.equal("0x");
      const keys = new Map<number, string | null>([[3, key]]);
      for (let epoch = 3; epoch > 1; epoch--) {
        const link = links.get(epoch);
        expect(link, `epoch ${epoch} carries the previous key`).to.not.equal(undefined);
        expect(getBytes(link ?? "0x").length).to.be.within(48, 160);
        key = openPreviousKey(link ?? "0x", key ?? "0x", patient.address, GeneralNotes, epoch);
        keys.set(epoch - 1, key);
      }
      for (let recordId = 1; recordId <= 3; recordId++) {
        const record = await ledger.record(patient.address, recordId);
        expect(Number(record.epoch)).to.equal(recordId);
        expect(keys.get(Number(record.epoch))).to.equal(book().key(GeneralNotes, Number(record.epoch)));
      }
    });
  });

  describe("R2: a removed reader never receives a key that protects new records", () => {
    it("addRecord_afterRevoke_underTheOldEpoch_revertsRotationRequired", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      await mined(grant(insurer.address, NOTES));
      await mined(ledger.connect(patient).revoke(insurer.address));
      for (const author of [doctor, patient]) {
        await expect(addRecord(author, GeneralNotes, 1))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, GeneralNotes);
      }
    });

    it("rotateScopeKey_afterRevoke_includingTheRevokedParty_revertsRecipientLacksAccess", async () => {
      const { ledger, personas: { patient, insurer } } = world();
      await mined(grant(insurer.address, NOTES));
      await mined(ledger.connect(patient).revoke(insurer.address));
      await expect(rotate(patient, GeneralNotes, [patient.address, insurer.address]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(insurer.address);
    });

    it("addRecord_afterRevokeAndRotation_acceptsOnlyTheNewEpochWhichTheRevokedPartyNeverReceived", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      await mined(grant(insurer.address, NOTES));
      await mined(ledger.connect(patient).revoke(insurer.address));
      await mined(rotate(doctor, GeneralNotes, [patient.address, doctor.address]));
      await expect(addRecord(doctor, GeneralNotes, 1))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch").withArgs(patient.address, GeneralNotes, 1, 2);
      await expect(addRecord(doctor, GeneralNotes, 2)).to.emit(ledger, "RecordAdded");
      expect(await epochsSealedTo(insurer.address, GeneralNotes)).to.deep.equal([1]);
    });

    it("grant_againDroppingACategory_requiresRotationOfItLikeARevoke", async () => {
      const { ledger, personas: { patient, caregiver } } = world();
      await mined(grant(caregiver.address, NOTES | LABS));
      await mined(grant(caregiver.address, NOTES));
      await expect(addRecord(patient, LabResults, 1))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, LabResults);
      await expect(rotate(patient, LabResults, [patient.address, caregiver.address]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(caregiver.address);
      await mined(rotate(patient, LabResults, [patient.address]));
      await expect(addRecord(patient, LabResults, 2)).to.emit(ledger, "RecordAdded");
      expect(await epochsSealedTo(caregiver.address, LabResults)).to.deep.equal([1]);
      // Notes, still granted, never stopped.
      await expect(addRecord(patient, GeneralNotes, 1)).to.emit(ledger, "RecordAdded");
    });

    it("addRecord_onceAReadersGrantExpires_revertsRotationRequiredUntilRotatedWithoutIt", async () => {
      const { ledger, personas: { patient, doctor, insurer } } = world();
      const expiresAt = (await time().latest()) + DAY;
      await mined(grant(doctor.address, NOTES, NOTES));
      await mined(grant(insurer.address, NOTES, 0, expiresAt));
      await time().setNextBlockTimestamp(expiresAt - 1);
      await expect(addRecord(doctor, GeneralNotes, 1)).to.emit(ledger, "RecordAdded");
      await time().setNextBlockTimestamp(expiresAt);
      await expect(addRecord(doctor, GeneralNotes, 1))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, GeneralNotes);
      await expect(rotate(doctor, GeneralNotes, [patient.address, doctor.address, insurer.address]))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRecipientLacksAccess").withArgs(insurer.address);
      await mined(rotate(doctor, GeneralNotes, [patient.address, doctor.address]));
      await expect(addRecord(doctor, GeneralNotes, 1))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch").withArgs(patient.address, GeneralNotes, 1, 2);
      await expect(addRecord(doctor, GeneralNotes, 2)).to.emit(ledger, "RecordAdded");
      expect(await epochsSealedTo(insurer.address, GeneralNotes)).to.deep.equal([1]);
    });

    it("rotateScopeKey_ofOneCategoryAfterAnExpiry_leavesTheOtherExpiredCategoryRequiringRotation", async () => {
      const { ledger, personas: { patient, doctor, caregiver } } = world();
      const now = await time().latest();
      await mined(grant(caregiver.address, NOTES | LABS, 0, now + DAY));
      // The doctor's later expiry becomes the due time of notes after their rotation: without the latch,
      // lab results would wait for it too, although the caregiver's grant has already run out.
      await mined(grant(doctor.address, NOTES, NOTES, now + 30 * DAY));
      await time().increaseTo(now + DAY);
      await mined(rotate(patient, GeneralNotes, [patient.address, doctor.address]));
      expect(await ledger.rotationRequired(patient.address, LabResults)).to.equal(true);
      expect((await ledger.scopeKeyState(patient.address, LabResults)).rotationPending).to.equal(true);
      await expect(addRecord(patient, LabResults, 1))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, LabResults);
      await expect(addRecord(doctor, GeneralNotes, 2)).to.emit(ledger, "RecordAdded");
      await mined(rotate(patient, LabResults, [patient.address]));
      await expect(addRecord(patient, LabResults, 2)).to.emit(ledger, "RecordAdded");
    });

    it("addRecord_afterTheGrantOfAWriterThatRotatedExpires_revertsRotationRequired", async () => {
      // The writer made the epoch-2 key, so it knows it whether or not it sealed a copy to itself.
      const { ledger, personas: { patient, doctor } } = world();
      const expiresAt = (await time().latest()) + DAY;
      await mined(grant(doctor.address, NOTES, NOTES, expiresAt));
      await mined(rotate(doctor, GeneralNotes, [patient.address]));
      await time().increaseTo(expiresAt);
      expect(await ledger.rotationRequired(patient.address, GeneralNotes)).to.equal(true);
      await expect(addRecord(patient, GeneralNotes, 2))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysRotationRequired").withArgs(patient.address, GeneralNotes);
    });
  });

  describe("R3: the patient holds every key of their own records", () => {
    it("rotateScopeKey_whoseFirstWrapIsNotThePatient_reverts", async () => {
      const { ledger, ethers, personas: { patient, doctor } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      for (const rotator of [patient, doctor]) {
        await expect(rotate(rotator, GeneralNotes, [doctor.address, patient.address]))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysFirstWrapNotPatient").withArgs(doctor.address);
        await expect(rotate(rotator, GeneralNotes, []))
          .to.be.revertedWithCustomError(ledger, "ScopeKeysFirstWrapNotPatient").withArgs(ethers.ZeroAddress);
      }
    });

    it("rotateScopeKey_byPatientOrWriter_alwaysSealsTheNewKeyToThePatientFirst", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      const receipts = [
        await mined(rotate(patient, GeneralNotes, [patient.address, doctor.address])),
        await mined(rotate(doctor, GeneralNotes, [patient.address])),
        await mined(rotate(patient, Imaging, [patient.address])),
      ];
      for (const receipt of receipts) {
        const [rotated, first] = ledgerEvents(ledger, receipt);
        expect(rotated?.name).to.equal("ScopeKeyRotated");
        expect(first?.name).to.equal("ScopeKeyWrapped");
        const category = Number(rotated?.args.category);
        const epoch = Number(rotated?.args.epoch);
        expect([first?.args.patient, first?.args.recipient, Number(first?.args.category), Number(first?.args.epoch)])
          .to.deep.equal([patient.address, patient.address, category, epoch]);
        expect(openScopeKey(first?.args.wrap, { patient: patient.address, recipient: patient.address, category, epoch }))
          .to.equal(book().key(category, epoch));
      }
    });

    it("hasAccess_ofActivePatientToOwnRecords_survivesEveryConsentChange", async () => {
      const { ledger, personas: { admin, patient, doctor, insurer } } = world();
      const everyCategoryIsOpen = async () => {
        for (let category = 0; category < 8; category++) {
          for (const write of [false, true]) {
            if (!await ledger.hasAccess(patient.address, patient.address, category, write)) return false;
          }
        }
        return true;
      };
      expect(await everyCategoryIsOpen()).to.equal(true);
      await mined(grant(doctor.address, NOTES, NOTES, (await time().latest()) + DAY));
      await mined(grant(insurer.address, NOTES | LABS));
      await mined(addRecord(doctor, GeneralNotes));
      await mined(ledger.connect(patient).revoke(insurer.address));
      await time().increase(2 * DAY);
      expect(await everyCategoryIsOpen()).to.equal(true);
      await expect(ledger.connect(patient).logAccess(patient.address, 1, 5))
        .to.emit(ledger, "RecordAccessed").withArgs(patient.address, 1, patient.address, 5);
      await mined(ledger.connect(admin).suspend(patient.address));
      expect(await ledger.hasAccess(patient.address, patient.address, GeneralNotes, false)).to.equal(false);
      await mined(ledger.connect(admin).reactivate(patient.address));
      expect(await everyCategoryIsOpen()).to.equal(true);
    });
  });

  describe("R4: consent costs do not depend on the number of records", () => {
    it("grantAndRevoke_gasWithOneOrTwoHundredRecords_isEqualWithinOnePercent", async () => {
      const { ledger, connection, personas: { patient, doctor, caregiver } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      const expiresAt = (await time().latest()) + 365 * DAY;
      const start = await connection.networkHelpers.takeSnapshot();

      const measure = async (records: number) => {
        await start.restore();
        const digests = Array.from({ length: records }, (_, i) => world().ethers.id(`record ${i}`));
        for (let i = 0; i < records; i += 50) {
          await mined(ledger.connect(doctor).multicall(digests.slice(i, i + 50).map((digest) =>
            ledger.interface.encodeFunctionData("addRecord", [patient.address, GeneralNotes, 1, digest]))));
        }
        expect(await ledger.recordCount(patient.address)).to.equal(BigInt(records));
        const granted = await mined(grant(caregiver.address, NOTES | LABS, 0, expiresAt));
        const revoked = await mined(ledger.connect(patient).revoke(caregiver.address));
        return { grant: granted.gasUsed, revoke: revoked.gasUsed };
      };
      const few = await measure(1);
      const many = await measure(200);
      for (const operation of ["grant", "revoke"] as const) {
        const difference = many[operation] > few[operation]
          ? many[operation] - few[operation] : few[operation] - many[operation];
        expect(difference * 100n, `${operation}: ${few[operation]} vs ${many[operation]} gas`)
          .to.be.lessThanOrEqual(few[operation]);
      }
    });
  });

  describe("R5: keys never appear in clear, and every wrap is bound and bounded", () => {
    /** A scenario touching every path that carries key material: grants, rotations, batches, expiry. */
    const keyLifecycle = async () => {
      const { ledger, personas: { patient, doctor, insurer, caregiver, lab } } = world();
      await mined(grant(doctor.address, NOTES | LABS, NOTES));
      await mined(grant(insurer.address, NOTES, 0, (await time().latest()) + DAY));
      await mined(grant(lab.address, LABS, LABS));
      await mined(addRecord(doctor, GeneralNotes));
      await mined(ledger.connect(patient).revoke(insurer.address));
      await mined(rotate(doctor, GeneralNotes, [patient.address, doctor.address]));
      await mined(ledger.connect(patient).multicall([
        ledger.interface.encodeFunctionData("rotateScopeKey", book().rotation(Imaging, 0, [patient.address])),
        ledger.interface.encodeFunctionData("grant", [[
          book().grantInput(caregiver.address, bit(Imaging) | NOTES, 0, 0, (category) => category === Imaging ? 1 : 2),
        ]]),
      ]));
      await mined(grant(lab.address, LABS));
      await mined(rotate(patient, LabResults, [patient.address, doctor.address, lab.address]));
      await mined(addRecord(patient, LabResults, 2));
    };

    /** Every plaintext key the scenario created, read back from the epochs it reached. */
    const everyKey = async () => {
      const keys: string[] = [];
      for (let category = 0; category < 8; category++) {
        for (let epoch = 1; epoch <= await epochOf(category); epoch++) keys.push(book().key(category, epoch));
      }
      return keys;
    };

    /** Every transaction input and every log topic and data field of the chain, as bytes. */
    const everyChainByte = async () => {
      const { ethers } = world();
      const chunks: Uint8Array[] = [];
      const latest = await ethers.provider.getBlockNumber();
      for (let number = 0; number <= latest; number++) {
        const block = await ethers.provider.getBlock(number, true);
        for (const tx of block?.prefetchedTransactions ?? []) {
          chunks.push(getBytes(tx.data));
          const receipt = await ethers.provider.getTransactionReceipt(tx.hash);
          for (const log of receipt?.logs ?? []) chunks.push(getBytes(log.data), ...log.topics.map((t) => getBytes(t)));
        }
      }
      return chunks;
    };

    const contains = (haystack: Uint8Array, needle: Uint8Array) =>
      Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;

    it("keyLifecycle_neverPutsAPlaintextScopeKeyInAnyTransactionInputOrLog", async () => {
      await keyLifecycle();
      const keys = (await everyKey()).map((key) => getBytes(key));
      expect(keys.length, "notes, lab results and imaging keys").to.equal(2 + 2 + 1);
      const chunks = await everyChainByte();
      for (const [i, key] of keys.entries()) {
        expect(chunks.some((chunk) => contains(chunk, key)), `key ${i} appears on chain`).to.equal(false);
      }
    });

    it("chainScan_detectsAKeyPlacedInCalldata", async () => {
      // The check above is only meaningful if the scan can see a key that is there.
      const { ledger, personas: { patient } } = world();
      const key = book().key(GeneralNotes, 1);
      const calldata = ledger.interface.encodeFunctionData("addRecord", [patient.address, GeneralNotes, 1, key]);
      expect(contains(getBytes(calldata), getBytes(key))).to.equal(true);
    });

    it("keyLifecycle_sealsEveryWrapToThePatientRecipientCategoryAndEpochItsEventNames", async () => {
      await keyLifecycle();
      const { ledger, personas: { patient } } = world();
      const wrapped = await ledger.queryFilter(ledger.filters.ScopeKeyWrapped());
      expect(wrapped.length).to.be.greaterThan(10);
      for (const { args } of wrapped) {
        const binding = { patient: args.patient, recipient: args.recipient, category: Number(args.category),
          epoch: Number(args.epoch) };
        expect(binding.patient).to.equal(patient.address);
        expect(openScopeKey(args.wrap, binding), JSON.stringify(binding))
          .to.equal(book().key(binding.category, binding.epoch));
      }
    });

    it("wrapLength_outside48To160Bytes_isRejectedInEveryPositionAndAcceptedAtTheBounds", async () => {
      const { ledger, personas: { patient, doctor } } = world();
      await mined(grant(doctor.address, NOTES, NOTES));
      const wrapOf = (length: number) => "0x" + "a5".repeat(length);
      const link = book().rotation(GeneralNotes, 1, [patient.address])[3];
      const positions: Record<string, (wrap: string) => Promise<ContractTransactionResponse>> = {
        grant: (wrap) => ledger.connect(patient).grant([
          { grantee: doctor.address, readScope: NOTES, writeScope: NOTES, expiresAt: 0, scopeKeyWraps: [wrap] }]),
        previousKeyWrap: (wrap) => ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, wrap,
          [{ recipient: patient.address, wrap: wrapOf(80) }]),
        patientWrap: (wrap) => ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, link,
          [{ recipient: patient.address, wrap }]),
        readerWrap: (wrap) => ledger.connect(patient).rotateScopeKey(patient.address, GeneralNotes, 1, link,
          [{ recipient: patient.address, wrap: wrapOf(80) }, { recipient: doctor.address, wrap }]),
      };
      for (const [position, send] of Object.entries(positions)) {
        for (const length of [1, 47, 161, 1024]) {
          await expect(send(wrapOf(length)), `${position} of ${length} bytes`)
            .to.be.revertedWithCustomError(ledger, "ScopeKeysInvalidWrapLength").withArgs(length);
        }
        for (const length of [48, 160]) {
          const snapshot = await world().connection.networkHelpers.takeSnapshot();
          const receipt = await mined(send(wrapOf(length)));
          expect(eventNames(ledger, receipt), `${position} of ${length} bytes`).to.include("ScopeKeyWrapped");
          await snapshot.restore();
        }
      }
    });
  });
});
