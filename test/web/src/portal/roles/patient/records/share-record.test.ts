import { describe, expect, it } from "vitest";

import { readGrantOf } from "../../../../../../../web/src/core/chain/views.js";
import type { Address } from "../../../../../../../web/src/core/ledger-context.js";
import { addRecord } from "../../../../../../../web/src/core/records/add-record.js";
import { openRecord } from "../../../../../../../web/src/core/records/open-record.js";
import { grantAccess } from "../../../../../../../web/src/core/scope-keys/grants.js";
import { shareCategory, shareRequests } from "../../../../../../../web/src/portal/roles/patient/records/share-record.js";
import { Category } from "../../../../../../helpers/fixture.js";
import { observation, useRecordWorld } from "../../../../../../helpers/recordWorld.js";

const CITY = `0x${"c1".repeat(20)}` as Address;
const COAST = `0x${"c2".repeat(20)}` as Address;
const NOW = 1_000_000;

describe("shareRequests", () => {
  it("shareRequests grants read access to the category alone to a hospital without a grant", () => {
    expect(shareRequests([{ grantee: CITY, grant: { readScope: 0, writeScope: 0, expiresAt: 0 } }], Category.PatientReported, NOW)).toEqual([
      { grantee: CITY, readScope: 1 << Category.PatientReported, writeScope: 0, expiresAt: 0 },
    ]);
  });

  it("shareRequests widens a live grant by the category and keeps its write scope and expiry", () => {
    const grant = { readScope: 0b11, writeScope: 0b01, expiresAt: NOW + 3600 };
    expect(shareRequests([{ grantee: COAST, grant }], Category.Imaging, NOW)).toEqual([{ grantee: COAST, readScope: 0b111, writeScope: 0b01, expiresAt: NOW + 3600 }]);
  });

  it("shareRequests starts afresh from an expired grant, whose expiry the contract would refuse", () => {
    const grant = { readScope: 0b11, writeScope: 0b01, expiresAt: NOW - 1 };
    expect(shareRequests([{ grantee: COAST, grant }], Category.Imaging, NOW)).toEqual([{ grantee: COAST, readScope: 0b100, writeScope: 0, expiresAt: 0 }]);
  });

  it("shareRequests makes one request per hospital, in order", () => {
    const none = { readScope: 0, writeScope: 0, expiresAt: 0 };
    expect(shareRequests([{ grantee: CITY, grant: none }, { grantee: COAST, grant: none }], 0, NOW).map((request) => request.grantee)).toEqual([CITY, COAST]);
  });
});

describe("shareCategory", () => {
  const world = useRecordWorld();

  it("shareCategory lets every chosen provider open the record and keeps what an existing grant covered", async () => {
    const patient = world.services("patient");
    const me = patient.identity.account;
    const hospital = world.services("hospital");
    const doctor = world.services("doctor");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: doctor.identity.account, readScope: 1 << Category.GeneralNotes, writeScope: 1 << Category.GeneralNotes, expiresAt: 0 }]);
    const { recordId } = await addRecord(patient, { patient: me, category: Category.PatientReported, resource: observation("shared at once") });

    await shareCategory(patient, [hospital.identity.account, doctor.identity.account], Category.PatientReported);

    for (const reader of [hospital, doctor]) {
      const opened = await openRecord(reader, me, recordId);
      expect(opened.document.resource).toEqual(observation("shared at once"));
      opened.close();
    }
    const doctorGrant = await readGrantOf(patient.connection, me, doctor.identity.account);
    expect(doctorGrant).toMatchObject({ readScope: (1 << Category.GeneralNotes) | (1 << Category.PatientReported), writeScope: 1 << Category.GeneralNotes });
  });
});
