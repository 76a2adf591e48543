import { describe, it } from "vitest";
import { expect } from "chai";

import { Category, bit } from "../helpers/fixture.js";
import { deployWorld } from "../helpers/world.js";

describe("EHRLedger world fixture", () => {
  it("addRecord_byGranteeWithWrite_emitsRecordAddedWithFacility", async () => {
    const { ledger, personas, initScopeKey, grantAccess, ethers } = await deployWorld();
    const { patient, doctor, hospital } = personas;
    await initScopeKey(patient, Category.GeneralNotes);
    await (await grantAccess(patient, doctor.address, bit(Category.GeneralNotes), bit(Category.GeneralNotes))).wait();
    const digest = ethers.id("note");
    await expect(ledger.connect(doctor).addRecord(patient.address, Category.GeneralNotes, 1, digest))
      .to.emit(ledger, "RecordAdded")
      .withArgs(patient.address, 1n, doctor.address, Category.GeneralNotes, 1n, digest, hospital.address, 0n);
  });
});
