/**
 * The doctor's stories in Chromium against the real stack: my patients with their scope and time
 * left; a patient's chart listing only what is in scope, trusted facilities first, a read receipt
 * signed before each record opens; a clinical note, an imaging report with an X-ray (its upload
 * progress shown), a prescription marked given, an amendment and a retraction of own records; a
 * read-only grant's notice; an access request and its answer; the chart closing when the patient
 * revokes. What is not the doctor's job (registrations, sign-ups, grants, other authors' records)
 * is set up through the client core in Node; chain state and events are asserted after each step.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { grayscalePng } from "../../scripts/demo-world/png.js";
import { shortAddress } from "../../web/src/core/chain/address.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { readLedgerView } from "../../web/src/core/chain/views.js";
import { buildClinicalNote, buildLabResult } from "../../web/src/core/clinical/index.js";
import { formatTimeLeft } from "../../web/src/core/consent/time-left.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import type { Address } from "../../web/src/core/ledger-context.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import type { RecordServices } from "../../web/src/core/records/services.js";
import { grantAccess, revokeAccess } from "../../web/src/core/scope-keys/grants.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectAndUnlock, KIND, registerProvider, servicesOf, signUpPatient, stepTimer } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const CLINIC_NAME = "Riverside Clinic";
const DOCTOR_NAME = "Dr. Amara Okafor";
const TREATMENT = 0;
const SCOPE_TOO_BROAD = 2;
const DUPLICATE = 2;
const RECORD_STATUS = { active: 1, superseded: 2, retracted: 3 } as const;
const bit = (category: number) => 1 << category;
// Hashed pixels do not compress: about 800 KB, a real upload with a progress bar that moves.
const XRAY = grayscalePng(900, 900, (x, y) => Math.imul((x * 73_856_093) ^ (y * 19_349_663), 2_654_435_761) >>> 24);
const XRAY_NAME = "chest-xray.png";

/** The chart's record entries by their accessible names ("Record #3, Lab results"), in screen order. */
async function timelineEntries(page: Page): Promise<string[]> {
  const items = page.getByRole("list", { name: "Records, newest first" }).getByRole("listitem").filter({ has: page.getByRole("button", { name: /^(Open|Close) record #/ }) });
  return await items.evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label") ?? ""));
}

describe("doctor", () => {
  const chromium = useE2EBrowser();
  const { timings, timed } = stepTimer();
  let stack: E2EStack;
  let ipfs: IpfsStore;
  let doctor: PersonaSession;
  let alice: RecordServices;
  let patient: Address;
  let readOnlyPatient: Address;
  let requestedPatient: Address;
  let me: Address;
  let grantEnds: number;

  beforeAll(async () => {
    await timed("setup", async () => {
      stack = await startE2EStack();
      ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
      const hospital = stack.account("hospital").address;
      // A second facility on the insurer persona's account: this fresh chain has no other free one.
      const clinic = stack.account("insurer").address;
      await registerProvider(stack, ipfs, { registrar: "admin", persona: "hospital", kind: KIND.hospital, profile: { name: HOSPITAL_NAME, specialty: "General hospital" }, withKey: true });
      await registerProvider(stack, ipfs, { registrar: "admin", persona: "insurer", kind: KIND.hospital, profile: { name: CLINIC_NAME, specialty: "Outpatient clinic" }, withKey: true });
      await registerProvider(stack, ipfs, { registrar: "hospital", persona: "doctor1", kind: KIND.doctor, affiliation: hospital, profile: { name: DOCTOR_NAME, specialty: "Cardiology" }, withKey: true });
      await registerProvider(stack, ipfs, { registrar: "insurer", persona: "doctor2", kind: KIND.doctor, affiliation: clinic, profile: { name: "Dr. Lucas Meyer", specialty: "General practice" }, withKey: true });
      await registerProvider(stack, ipfs, { registrar: "hospital", persona: "lab", kind: KIND.lab, affiliation: hospital, profile: { name: "St. Mary's Clinical Laboratory", specialty: "Clinical chemistry" }, withKey: true });

      alice = await signUpPatient(stack, "patient1", ipfs);
      const ben = await signUpPatient(stack, "patient2", ipfs);
      await signUpPatient(stack, "patient3", ipfs);
      [patient, readOnlyPatient, requestedPatient, me] = [alice.identity.account, ben.identity.account, stack.account("patient3").address, stack.account("doctor1").address];

      // #1 and #2: the patient's own; #2 (mental health) is outside the doctor's scope.
      await addRecord(alice, { patient, category: CATEGORY.notes, resource: buildClinicalNote({ title: "My diary", text: "Headaches most mornings." }) });
      await addRecord(alice, { patient, category: CATEGORY.mentalHealth, resource: buildClinicalNote({ title: "Therapy notes", text: "Private." }) });
      const now = Number((await stack.publicClient.getBlock()).timestamp);
      grantEnds = now + 10 * 86_400;
      await grantAccess(alice.connection, alice.keyring, [
        {
          grantee: me,
          readScope: bit(CATEGORY.notes) | bit(CATEGORY.labs) | bit(CATEGORY.imaging) | bit(CATEGORY.prescriptions),
          writeScope: bit(CATEGORY.notes) | bit(CATEGORY.imaging) | bit(CATEGORY.prescriptions),
          expiresAt: grantEnds,
        },
        { grantee: stack.account("lab").address, readScope: bit(CATEGORY.labs), writeScope: bit(CATEGORY.labs), expiresAt: 0 },
        { grantee: stack.account("doctor2").address, readScope: bit(CATEGORY.notes), writeScope: bit(CATEGORY.notes), expiresAt: 0 },
      ]);
      // #3 from the doctor's own hospital (its lab), then #4, newer, from the other clinic.
      await addRecord(await servicesOf(stack, "lab", ipfs), { patient, category: CATEGORY.labs, resource: buildLabResult({ test: "HbA1c", value: "6.1", unit: "%" }) });
      await addRecord(await servicesOf(stack, "doctor2", ipfs), { patient, category: CATEGORY.notes, resource: buildClinicalNote({ title: "Clinic visit", text: "Blood pressure 150/95." }) });
      await grantAccess(ben.connection, ben.keyring, [{ grantee: me, readScope: bit(CATEGORY.notes), writeScope: 0, expiresAt: 0 }]);

      doctor = await chromium.open(stack, "doctor1");
      await connectAndUnlock(doctor.page, stack, "/doctor");
    });
  });
  afterAll(async () => {
    console.info(`doctor E2E timings (ms): ${JSON.stringify(timings)}`);
    await stack?.stop();
  });

  it("myPatients_twoGrants_listsEachPatientWithScopeAndTimeLeft", async () => {
    await timed("my-patients", async () => {
      const { page } = doctor;
      await page.getByRole("heading", { name: "My patients" }).waitFor();
      const rows = page.getByRole("list", { name: "Patients with access" }).getByRole("listitem");
      const alicesRow = rows.filter({ hasText: shortAddress(patient) });
      await alicesRow.getByText("May read lab results; may read and add general notes, imaging and prescriptions").waitFor();
      const now = Number((await stack.publicClient.getBlock()).timestamp);
      const left = formatTimeLeft(grantEnds - now);
      expect(left).toMatch(/^(9|10) days/);
      await alicesRow.getByText(new RegExp(`${left.split(" ").slice(0, 2).join(" ")}.* left \\(access ends `)).waitFor();
      const bensRow = rows.filter({ hasText: shortAddress(readOnlyPatient) });
      await bensRow.getByText("May read general notes").waitFor();
      await bensRow.getByText("No end date").waitFor();
      // The sooner-ending grant comes first; no name, only the address, since patients have none in public.
      expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")))).toEqual([`Patient ${shortAddress(patient)}`, `Patient ${shortAddress(readOnlyPatient)}`]);
      await screenshot(page, "doctor-patients");
    });
  });

  it("chart_open_listsOnlyInScopeRecordsTrustedFacilityFirstAndLogsAReadReceiptBeforeDecrypting", async () => {
    await timed("chart-and-receipt", async () => {
      const { page } = doctor;
      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(patient)}` }).click();
      await page.getByRole("heading", { name: `Patient ${shortAddress(patient)}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/doctor/patients/${patient}`);
      // #2 (mental health) is not in the grant: never listed. #3 from the doctor's own hospital leads, though #4 is newer.
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #3, Lab results", "Record #4, General notes", "Record #1, General notes"]);

      const trusted = page.getByRole("group", { name: "Trusted facilities (their records first)" });
      expect(await trusted.getByLabel(`${HOSPITAL_NAME} (your hospital)`).isChecked()).toBe(true);
      await trusted.getByLabel(`${HOSPITAL_NAME} (your hospital)`).uncheck();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #4, General notes", "Record #3, Lab results", "Record #1, General notes"]);
      await trusted.getByLabel(CLINIC_NAME).check();
      await trusted.getByLabel(`${HOSPITAL_NAME} (your hospital)`).check();
      await trusted.getByLabel(CLINIC_NAME).uncheck();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #3, Lab results", "Record #4, General notes", "Record #1, General notes"]);

      await page.getByRole("button", { name: "Open record #4" }).click();
      await page.getByText(/Read receipt for record #4: confirmed/).waitFor();
      const note = page.getByRole("article", { name: "Clinical note: Clinic visit" });
      await note.getByText("Blood pressure 150/95.").waitFor();
      await note.getByText(CLINIC_NAME, { exact: true }).waitFor();
      const receipts = await readLedgerEvents(stack.connection("doctor1"), "RecordAccessed", { patient });
      expect(receipts.map(({ args }) => [args.recordId, args.reader, args.purposeCode])).toEqual([[4n, me, TREATMENT]]);
      await screenshot(page, "doctor");
      await page.getByRole("button", { name: "Close record #4" }).click();
    });
  });

  it("addRecords_noteAndImagingWithAnXray_showProgressLandOnChainAndDecrypt", async () => {
    await timed("add-note-and-imaging", async () => {
      const { page } = doctor;
      await page.getByRole("button", { name: "Add a record" }).click();
      const kinds = await page.getByLabel("Kind of record").locator("option").allTextContents();
      // The grant lets the doctor add notes, imaging and prescriptions, not lab results.
      expect(kinds).toEqual(["Clinical note", "Imaging report", "Prescription"]);
      await page.getByLabel("Title").fill("Cardiology review");
      await page.getByLabel("Note", { exact: true }).fill("Start lisinopril; review in four weeks.");
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #5 added" }).waitFor();
      const [noteAdded] = await readLedgerEvents(stack.connection("doctor1"), "RecordAdded", { patient, recordId: 5n });
      expect([noteAdded?.args.author, noteAdded?.args.category, noteAdded?.args.facility]).toEqual([me, CATEGORY.notes, stack.account("hospital").address]);

      await page.getByRole("button", { name: "Add another record" }).click();
      await page.getByLabel("Kind of record").selectOption({ label: "Imaging report" });
      await page.getByLabel("Modality").fill("X-ray");
      await page.getByLabel("Body site").fill("chest");
      await page.getByLabel("Conclusion").fill("Mild cardiomegaly.");
      await page.getByLabel("Files (optional)").setInputFiles({ name: XRAY_NAME, mimeType: "image/png", buffer: Buffer.from(XRAY) });
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #6 added" }).waitFor();
      const bar = page.getByRole("progressbar", { name: "Encrypting and uploading" });
      const [value, max] = await bar.evaluate((element: HTMLProgressElement) => [element.value, element.max]);
      expect(max).toBeGreaterThan(XRAY.length);
      expect(value).toBe(max);
      const [imagingAdded] = await readLedgerEvents(stack.connection("doctor1"), "RecordAdded", { patient, recordId: 6n });
      expect([imagingAdded?.args.author, imagingAdded?.args.category]).toEqual([me, CATEGORY.imaging]);
      await page.getByRole("button", { name: "Close the form" }).click();

      await page.getByRole("button", { name: "Open record #6" }).click();
      await page.getByText(/Read receipt for record #6: confirmed/).waitFor();
      const report = page.getByRole("article").filter({ hasText: "Mild cardiomegaly." });
      await report.getByRole("button", { name: `Preview ${XRAY_NAME}` }).click();
      const preview = report.getByRole("img", { name: `Preview of ${XRAY_NAME}` });
      await expect.poll(() => preview.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))).toBe(900);
      await page.getByRole("button", { name: "Close record #6" }).click();
    });
  });

  it("prescription_addedPending_markedGivenAsANewVersionWithBothInItsHistory", async () => {
    await timed("prescription", async () => {
      const { page } = doctor;
      await page.getByRole("button", { name: "Add a record" }).click();
      await page.getByLabel("Kind of record").selectOption({ label: "Prescription" });
      await page.getByLabel("Medication").fill("Lisinopril 10 mg tablet");
      await page.getByLabel("Dosage instructions").fill("1 tablet once daily");
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #7 added" }).waitFor();
      await page.getByRole("button", { name: "Close the form" }).click();

      await page.getByRole("button", { name: "Open record #7" }).click();
      await page.getByRole("article", { name: /Prescription: Lisinopril 10 mg tablet/ }).getByText("Pending", { exact: true }).first().waitFor();
      await page.getByRole("button", { name: "Close record #7" }).click();

      await page.getByRole("button", { name: "Mark prescription #7 given" }).click();
      const panel = page.getByRole("region", { name: "Mark prescription #7 given" });
      await panel.getByRole("button", { name: "Mark given now" }).click();
      await panel.getByText(/is marked given: record #8 is its new version/).waitFor();

      const connection = stack.connection("doctor1");
      const [given] = await readLedgerEvents(connection, "RecordAdded", { patient, recordId: 8n });
      expect([given?.args.supersedes, given?.args.category, given?.args.author]).toEqual([7n, CATEGORY.prescriptions, me]);
      expect((await readLedgerView(connection, "record", [patient, 7n])).status).toBe(RECORD_STATUS.superseded);
      await panel.getByRole("button", { name: "Close" }).click();

      const current = page.getByRole("listitem", { name: "Record #8, Prescriptions" });
      await current.getByRole("button", { name: "Open record #8" }).click();
      await current.getByRole("article", { name: /Prescription: Lisinopril 10 mg tablet/ }).getByText("Given", { exact: true }).first().waitFor();
      await current.getByRole("button", { name: "Close record #8" }).click();
      await current.getByRole("button", { name: /^Open version #7 of / }).click();
      await current.getByRole("article", { name: /Prescription: Lisinopril 10 mg tablet/ }).getByText("Pending", { exact: true }).first().waitFor();
      await current.getByRole("button", { name: /^Close version #7 of / }).click();
    });
  });

  it("amendAndRetract_ownRecords_fileANewVersionAndARetractionWithItsReason", async () => {
    await timed("amend-and-retract", async () => {
      const { page } = doctor;
      // Others' records offer neither.
      expect(await page.getByRole("button", { name: "Amend record #4" }).count()).toBe(0);
      await page.getByRole("button", { name: "Amend record #5" }).click();
      const amend = page.getByRole("region", { name: "Amend record #5" });
      const text = amend.getByLabel("Note", { exact: true });
      await expect.poll(() => text.inputValue()).toBe("Start lisinopril; review in four weeks.");
      expect(await amend.getByLabel("Title").inputValue()).toBe("Cardiology review");
      await text.fill("Start lisinopril 10 mg; review in two weeks.");
      await amend.getByRole("button", { name: "Add amended version" }).click();
      await amend.getByRole("heading", { name: "Record #9 added" }).waitFor();
      const connection = stack.connection("doctor1");
      const [amended] = await readLedgerEvents(connection, "RecordAdded", { patient, recordId: 9n });
      expect([amended?.args.supersedes, amended?.args.category]).toEqual([5n, CATEGORY.notes]);
      await amend.getByRole("button", { name: "Add another record" }).click();

      const current = page.getByRole("listitem", { name: "Record #9, General notes" });
      await current.getByRole("button", { name: /^Open version #5 of / }).waitFor();

      await page.getByRole("button", { name: "Retract record #6" }).click();
      const retract = page.getByRole("region", { name: "Retract record #6?" });
      await retract.getByLabel("Reason").selectOption({ label: "Duplicate" });
      await retract.getByRole("button", { name: "Retract record #6" }).click();
      await retract.getByText(/Retraction: confirmed/).waitFor();
      const retractions = await readLedgerEvents(connection, "RecordRetracted", { patient });
      expect(retractions.map(({ args }) => [args.recordId, args.retractedBy, args.reasonCode])).toEqual([[6n, me, DUPLICATE]]);
      expect((await readLedgerView(connection, "record", [patient, 6n])).status).toBe(RECORD_STATUS.retracted);
      await page.getByRole("listitem", { name: "Record #6, Imaging" }).getByText("Retracted (entered in error)").waitFor();
      await retract.getByRole("button", { name: "Close" }).click();
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "doctor-chart-phone");
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  });

  it("chart_readOnlyGrant_saysUpFrontThatTheDoctorCannotAddRecords", async () => {
    await timed("read-only-notice", async () => {
      const { page } = doctor;
      await page.getByRole("navigation").getByRole("link", { name: "My patients" }).click();
      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(readOnlyPatient)}` }).click();
      await page.getByRole("note").getByText(/has not given you permission to add records/).waitFor();
      expect(await page.getByRole("button", { name: "Add a record" }).count()).toBe(0);
      await page.getByText("No records yet").waitFor();
    });
  });

  it("requestAccess_toAPatient_emitsTheRequestAndShowsItsAnswerInOwnRequests", async () => {
    await timed("request-access", async () => {
      const { page } = doctor;
      await page.getByRole("navigation").getByRole("link", { name: "Access requests" }).click();
      await page.getByText("You have not asked any patient for access yet.").waitFor();
      const form = page.getByRole("form", { name: "Request access from a patient" });
      await form.getByLabel("Patient's account address").fill(requestedPatient);
      await form.getByLabel("Add lab results").check();
      await form.getByLabel("Read general notes").check();
      await form.getByRole("button", { name: "Send request" }).click();
      await form.getByText(/Access request: confirmed/).waitFor();

      const requests = await readLedgerEvents(stack.connection("doctor1"), "AccessRequested", { patient: requestedPatient });
      expect(requests.map(({ args }) => [args.requester, args.readScope, args.writeScope, args.purposeCode])).toEqual([
        [me, bit(CATEGORY.notes) | bit(CATEGORY.labs), bit(CATEGORY.labs), TREATMENT],
      ]);
      const item = page.getByRole("listitem", { name: `Request to patient ${shortAddress(requestedPatient)}` });
      await item.getByText("may read general notes; may read and add lab results").waitFor();
      await item.getByText("Pending: waiting for the patient's answer").waitFor();
      await screenshot(page, "doctor-requests");

      await sendLedgerTransaction(stack.connection("patient3"), "denyRequest", [me, SCOPE_TOO_BROAD]);
      await page.getByRole("button", { name: "Check for answers" }).click();
      await item.getByText("Denied: scope too broad").waitFor();
    });
  });

  it("chart_patientRevokes_showsThatAccessEndedInsteadOfRecords", async () => {
    await timed("revoked", async () => {
      const { page } = doctor;
      await page.getByRole("navigation").getByRole("link", { name: "My patients" }).click();
      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(patient)}` }).click();
      await page.getByRole("button", { name: "Open record #1" }).click();
      await page.getByRole("article", { name: "Clinical note: My diary" }).waitFor();

      await revokeAccess(alice.connection, alice.keyring, me);
      // The chart asks the chain again every 15 seconds.
      await page.getByText("Your access to this patient's records has ended").waitFor({ timeout: 30_000 });
      expect(await page.getByRole("article").count()).toBe(0);
      expect(await page.getByText("Headaches most mornings.").count()).toBe(0);
    });
  });
});
