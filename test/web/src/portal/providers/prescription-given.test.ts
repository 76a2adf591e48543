import { describe, expect, it } from "vitest";

import { buildClinicalNote, buildPrescription, ClinicalInputError } from "../../../../../web/src/core/clinical/index.js";
import { addRecord } from "../../../../../web/src/core/records/add-record.js";
import { openRecord } from "../../../../../web/src/core/records/open-record.js";
import { recordHistory } from "../../../../../web/src/core/records/record-history.js";
import { listPatientRecords } from "../../../../../web/src/core/records/record-list.js";
import { grantAccess } from "../../../../../web/src/core/scope-keys/grants.js";
import { givenVersionOf, isPendingPrescription } from "../../../../../web/src/portal/providers/prescription-given.js";
import { Category } from "../../../../helpers/fixture.js";
import { useRecordWorld } from "../../../../helpers/recordWorld.js";

const PRESCRIPTIONS = 1 << Category.Prescriptions;

describe("isPendingPrescription", () => {
  it("isPendingPrescription is true for a new prescription only", () => {
    const pending = buildPrescription({ medication: "Metformin 500 mg tablet", dosage: "1 tablet twice daily" });
    expect(isPendingPrescription(pending)).toBe(true);
    expect(isPendingPrescription({ ...pending, status: "completed" })).toBe(false);
    expect(isPendingPrescription(buildClinicalNote({ title: "t", text: "x" }))).toBe(false);
  });
});

describe("givenVersionOf", () => {
  const world = useRecordWorld();

  async function prescribed() {
    const patient = world.services("patient");
    await grantAccess(patient.connection, patient.keyring, [{ grantee: world.services("doctor").identity.account, readScope: PRESCRIPTIONS, writeScope: PRESCRIPTIONS, expiresAt: 0 }]);
    const doctor = world.services("doctor");
    const resource = buildPrescription({ medication: "Amoxicillin 500 mg capsule", dosage: "1 capsule three times daily" });
    const added = await addRecord(doctor, { patient: patient.identity.account, category: Category.Prescriptions, resource });
    return { patient, doctor, added };
  }

  it("givenVersionOf, once added, files the completed prescription as the next version, so the history holds both", async () => {
    const { patient, doctor, added } = await prescribed();
    const opened = await openRecord(doctor, patient.identity.account, added.recordId);
    const givenAt = new Date("2030-01-02T03:04:05Z");
    const given = await addRecord(doctor, givenVersionOf(opened, givenAt));
    opened.close();

    const latest = await openRecord(world.services("patient"), patient.identity.account, given.recordId);
    expect(latest.document.resource).toMatchObject({ resourceType: "MedicationRequest", status: "completed", medicationCodeableConcept: { text: "Amoxicillin 500 mg capsule" } });
    expect(JSON.stringify(latest.document.resource)).toContain("2030-01-02T03:04:05.000Z");
    const history = recordHistory(await listPatientRecords(patient.connection, patient.identity.account), given.recordId);
    expect(history.map((version) => [version.recordId, version.status])).toEqual([[added.recordId, "superseded"], [given.recordId, "active"]]);
  });

  it("givenVersionOf of a prescription already given throws ClinicalInputError, so nothing is sent", async () => {
    const { patient, doctor, added } = await prescribed();
    const first = await openRecord(doctor, patient.identity.account, added.recordId);
    const given = await addRecord(doctor, givenVersionOf(first, new Date()));
    const reopened = await openRecord(doctor, patient.identity.account, given.recordId);
    expect(() => givenVersionOf(reopened, new Date())).toThrow(ClinicalInputError);
    expect((await listPatientRecords(patient.connection, patient.identity.account)).length).toBe(2);
  });
});
