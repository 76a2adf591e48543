import { describe, it } from "vitest";
import { expect } from "chai";
import { toBeHex } from "ethers";
import type { Interface } from "ethers";

import { Category, RecordStatus, bit, fakeWrap } from "../helpers/fixture.js";
import { eventArgs, eventNames, mined, plain } from "../helpers/events.js";
import { useWorld } from "../helpers/sharedWorld.js";
import type { World } from "../helpers/world.js";
import {
  IConsent__factory,
  IParticipantRegistry__factory,
  IRecordLog__factory,
  IScopeKeys__factory,
} from "../../types/ethers-contracts/index.js";

const { GeneralNotes, Imaging } = Category;
const LINK = fakeWrap(0xee);

/** ERC-165 id of an interface: the XOR of its own function selectors. */
function interfaceId(abi: Interface): string {
  let id = 0n;
  abi.forEachFunction((fn) => {
    id ^= BigInt(fn.selector);
  });
  return toBeHex(id, 4);
}

/** Notes have epoch 1, written by the doctor and read by the insurer; imaging has no key yet. */
async function notesTeam(world: World) {
  const { personas: { patient, doctor, insurer } } = world;
  await world.initScopeKey(patient, GeneralNotes);
  await (await world.grantAccess(patient, doctor.address, bit(GeneralNotes), bit(GeneralNotes))).wait();
  await (await world.grantAccess(patient, insurer.address, bit(GeneralNotes))).wait();
}

describe("EHRLedger", () => {
  const world = useWorld(notesTeam);
  const keyState = async (category: number) =>
    plain(await world().ledger.scopeKeyState(world().personas.patient.address, category));

  describe("supportsInterface", () => {
    it("supportsInterface_ofEachModuleAndInheritedStandard_isTrue", async () => {
      const { ledger } = world();
      const ids = [
        interfaceId(IParticipantRegistry__factory.createInterface()),
        interfaceId(IConsent__factory.createInterface()),
        interfaceId(IScopeKeys__factory.createInterface()),
        interfaceId(IRecordLog__factory.createInterface()),
        "0x01ffc9a7", // IERC165
        "0x7965db0b", // IAccessControl
        "0x31498786", // IAccessControlDefaultAdminRules
      ];
      expect(new Set(ids).size).to.equal(ids.length);
      for (const id of ids) expect(await ledger.supportsInterface(id), id).to.equal(true);
    });

    it("supportsInterface_ofUnknownOrInvalidId_isFalse", async () => {
      const { ledger } = world();
      for (const id of ["0xffffffff", "0x00000000", "0x12345678"]) {
        expect(await ledger.supportsInterface(id), id).to.equal(false);
      }
    });
  });

  describe("multicall", () => {
    it("multicall_rotateThenGrant_createsTheKeyAndSharesItInOneTransaction", async () => {
      const { ledger, personas: { patient, caregiver } } = world();
      const calls = [
        ledger.interface.encodeFunctionData("rotateScopeKey", [patient.address, Imaging, 0, "0x", [
          { recipient: patient.address, wrap: fakeWrap(1) }]]),
        ledger.interface.encodeFunctionData("grant", [[{ grantee: caregiver.address, readScope: bit(Imaging),
          writeScope: 0, expiresAt: 0, scopeKeyWraps: [fakeWrap(2)] }]]),
      ];
      const receipt = await mined(ledger.connect(patient).multicall(calls));
      expect(eventNames(ledger, receipt)).to.deep.equal(
        ["ScopeKeyRotated", "ScopeKeyWrapped", "AccessGranted", "ScopeKeyWrapped"]);
      expect(eventArgs(ledger, receipt, "ScopeKeyRotated")).to.deep.equal(
        [[patient.address, BigInt(Imaging), patient.address, 1n, "0x"]]);
      expect(eventArgs(ledger, receipt, "ScopeKeyWrapped")).to.deep.equal([
        [patient.address, patient.address, BigInt(Imaging), 1n, fakeWrap(1)],
        [patient.address, caregiver.address, BigInt(Imaging), 1n, fakeWrap(2)],
      ]);
      expect(eventArgs(ledger, receipt, "AccessGranted")).to.deep.equal(
        [[patient.address, caregiver.address, BigInt(bit(Imaging)), 0n, 0n]]);
      expect(await ledger.hasAccess(patient.address, caregiver.address, Imaging, false)).to.equal(true);
    });

    it("multicall_rotateThenAddRecord_afterRevoke_writesUnderTheNewEpochInOneTransaction", async () => {
      const { ledger, personas: { patient, doctor, insurer, hospital } } = world();
      await mined(ledger.connect(patient).revoke(insurer.address));
      const digest = world().ethers.id("note after revoke");
      // A writer may rotate too: the doctor heals the pending category and writes in one go.
      const calls = [
        ledger.interface.encodeFunctionData("rotateScopeKey", [patient.address, GeneralNotes, 1, LINK, [
          { recipient: patient.address, wrap: fakeWrap(1) }, { recipient: doctor.address, wrap: fakeWrap(2) }]]),
        ledger.interface.encodeFunctionData("addRecord", [patient.address, GeneralNotes, 2, digest]),
      ];
      const receipt = await mined(ledger.connect(doctor).multicall(calls));
      expect(eventNames(ledger, receipt)).to.deep.equal(
        ["ScopeKeyRotated", "ScopeKeyWrapped", "ScopeKeyWrapped", "RecordAdded"]);
      expect(eventArgs(ledger, receipt, "ScopeKeyRotated")).to.deep.equal(
        [[patient.address, BigInt(GeneralNotes), doctor.address, 2n, LINK]]);
      expect(eventArgs(ledger, receipt, "RecordAdded")).to.deep.equal(
        [[patient.address, 1n, doctor.address, BigInt(GeneralNotes), 2n, digest, hospital.address, 0n]]);
      expect((await ledger.record(patient.address, 1)).status).to.equal(BigInt(RecordStatus.Active));
      expect(await keyState(GeneralNotes)).to.deep.equal([2n, false, 0n]);
    });

    it("multicall_whenALaterCallFails_revertsEverythingWithThatCallsError", async () => {
      const { ledger, personas: { patient } } = world();
      await mined(ledger.connect(patient).revoke(world().personas.insurer.address));
      const calls = [
        ledger.interface.encodeFunctionData("rotateScopeKey", [patient.address, GeneralNotes, 1, LINK, [
          { recipient: patient.address, wrap: fakeWrap(1) }]]),
        // The stale epoch: the record must not be written under the key the insurer still knows.
        ledger.interface.encodeFunctionData("addRecord", [patient.address, GeneralNotes, 1, world().ethers.id("x")]),
      ];
      await expect(ledger.connect(patient).multicall(calls))
        .to.be.revertedWithCustomError(ledger, "ScopeKeysEpochMismatch").withArgs(patient.address, GeneralNotes, 1, 2);
      expect(await keyState(GeneralNotes)).to.deep.equal([1n, true, 0n]);
      expect(await ledger.recordCount(patient.address)).to.equal(0n);
    });
  });
});
