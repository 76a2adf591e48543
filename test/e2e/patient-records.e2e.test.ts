/**
 * The patient's record stories in Chromium against the real stack: sign up in the browser (the
 * National ID turned into a commitment there, the fee paid, the key set up), add a symptom report
 * with a photo while the steps and the upload progress show, share it with two hospitals in one
 * transaction, then find it in the timeline, open it as readable text, preview the photo, and filter
 * by category and facility. What is not the patient's job (providers with public profiles, a
 * doctor's note from a hospital) is set up through the client core in Node.
 */
import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { grayscalePng } from "../../scripts/demo-world/png.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { readGrantOf, readLedgerView, readParticipant, ZERO_KEY } from "../../web/src/core/chain/views.js";
import { buildClinicalNote } from "../../web/src/core/clinical/index.js";
import { identityCommitment } from "../../web/src/core/identity/commitment.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectWallet, identityOf, KIND, registerProvider, servicesOf, stepTimer } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const SECOND_HOSPITAL_NAME = "Riverside Clinic";
const DOCTOR_NAME = "Dr. Amara Okafor";
const NATIONAL_ID = "FR-1987 0412 5531";
const SIGN_UP_FEE = parseEther("0.01");
const NOTES = CATEGORY.notes;
const PATIENT_REPORTED = CATEGORY.patientReported;
const SYMPTOMS = "Sharp pain in the left knee when climbing stairs";
const DOCTOR_NOTE = "Knee examined; no swelling. Physiotherapy twice a week.";
const PHOTO_NAME = "knee-photo.png";
// Hashed pixels do not compress: the photo is about 800 KB, a real upload rather than a few bytes.
const PHOTO = grayscalePng(900, 900, (x, y) => Math.imul((x * 73_856_093) ^ (y * 19_349_663), 2_654_435_761) >>> 24);

/**
 * Two hospitals and a doctor of the first, each with a public profile and a key; the sign-up fee.
 * The second hospital uses the insurer persona's account: this fresh chain has no other free one.
 */
async function setUpProviders(stack: E2EStack, ipfs: IpfsStore): Promise<void> {
  await sendLedgerTransaction(stack.connection("admin"), "setSignUpFee", [SIGN_UP_FEE]);
  await registerProvider(stack, ipfs, { registrar: "admin", persona: "hospital", kind: KIND.hospital, profile: { name: HOSPITAL_NAME, specialty: "General hospital" }, withKey: true });
  await registerProvider(stack, ipfs, { registrar: "admin", persona: "insurer", kind: KIND.hospital, profile: { name: SECOND_HOSPITAL_NAME, specialty: "Orthopaedics" }, withKey: true });
  await registerProvider(stack, ipfs, {
    registrar: "hospital",
    persona: "doctor1",
    kind: KIND.doctor,
    affiliation: stack.account("hospital").address,
    profile: { name: DOCTOR_NAME, specialty: "Orthopaedics" },
    withKey: true,
  });
}

/** The timeline's entries, by their accessible names ("Record #2, Patient-reported data"). */
async function timelineEntries(page: Page): Promise<string[]> {
  const items = page.getByRole("list", { name: "Records, newest first" }).getByRole("listitem").filter({ has: page.getByRole("button", { name: /^(Open|Close) record #/ }) });
  return await items.evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label") ?? ""));
}

describe("patient records", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let ipfs: IpfsStore;
  let patient: PersonaSession;
  const { timings, timed } = stepTimer();

  beforeAll(async () => {
    await timed("setup", async () => {
      stack = await startE2EStack();
      ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
      await setUpProviders(stack, ipfs);
      patient = await chromium.open(stack, "patient1");
    });
  });
  afterAll(async () => {
    console.info(`patient-records E2E timings (ms): ${JSON.stringify(timings)}`);
    await stack?.stop();
  });

  it("signUp_unregisteredPatient_commitsTheIdInTheBrowserPaysTheFeeAndOpensTheRecords", async () => {
    await timed("sign-up", async () => {
      const { page } = patient;
      const me = stack.account("patient1").address;
      await connectWallet(page, stack);
      await page.getByRole("heading", { name: "Sign up as a patient" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/signup");
      await page.getByText("Sign-up fee: 0.01 ETH").waitFor();

      const submit = page.getByRole("button", { name: "Sign up and set up my key" });
      expect(await submit.isDisabled()).toBe(true);
      await page.getByLabel("National ID").fill(NATIONAL_ID);
      const salt = (await page.getByLabel("Your identity salt").textContent())?.trim() ?? "";
      expect(salt).toMatch(/^0x[0-9a-f]{64}$/);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download salt" }).click()]);
      const saltFile = readFileSync(await download.path(), "utf8");
      expect(saltFile).toContain(salt);
      expect(saltFile).not.toContain("04125531");
      expect(await submit.isDisabled()).toBe(true);
      await page.getByLabel("I have saved my salt").check();
      await screenshot(page, "patient-signup");
      await submit.click();

      await page.getByRole("heading", { name: "Your records" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/patient");
      await page.getByText("No records yet").waitFor();

      const participant = await readParticipant(stack.connection("patient1"), me);
      expect(participant.kind).toBe(1);
      expect(participant.encryptionKey).not.toBe(ZERO_KEY);
      expect(participant.encryptionKey).toBe((await identityOf(stack, "patient1")).publicKeyHex);
      const [registered] = await readLedgerEvents(stack.connection("patient1"), "ParticipantRegistered", { account: me });
      expect(registered?.args.identityCommitment).toBe(identityCommitment(NATIONAL_ID, salt));
      expect(await stack.publicClient.getBalance({ address: stack.ledgerAddress })).toBe(SIGN_UP_FEE);
      const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
      expect(stored).not.toContain("04125531");
      expect(stored).not.toContain(salt.slice(2));
    });
  });

  it("addRecord_symptomReportWithAPhoto_showsEveryStepAndSharesWithTwoHospitalsAtOnce", async () => {
    await timed("add-and-share", async () => {
      const { page } = patient;
      const me = stack.account("patient1").address;
      // A doctor of the first hospital writes a note too, for the facility filter: the patient lets them, in Node.
      const asPatient = await servicesOf(stack, "patient1", ipfs);
      await grantAccess(asPatient.connection, asPatient.keyring, [{ grantee: stack.account("doctor1").address, readScope: 1 << NOTES, writeScope: 1 << NOTES, expiresAt: 0 }]);
      await addRecord(await servicesOf(stack, "doctor1", ipfs), { patient: me, category: NOTES, resource: buildClinicalNote({ title: "Knee follow-up", text: DOCTOR_NOTE }) });

      await page.getByRole("navigation").getByRole("link", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Add a record" }).waitFor();
      expect(await page.getByLabel("Kind of record").inputValue()).toBe("symptom-report");
      const submit = page.getByRole("button", { name: "Add record" });
      expect(await submit.isDisabled()).toBe(true);
      await page.getByLabel("Symptoms").fill(SYMPTOMS);
      await page.getByLabel("Severity").selectOption({ label: "Moderate" });
      await page.getByLabel("Files (optional)").setInputFiles({ name: PHOTO_NAME, mimeType: "image/png", buffer: Buffer.from(PHOTO) });
      await page.getByRole("list", { name: "Chosen files" }).getByText(PHOTO_NAME).waitFor();
      await submit.click();

      await page.getByRole("heading", { name: "Record #2 added" }).waitFor();
      const steps = page.getByRole("list", { name: "Steps of adding the record" }).getByRole("listitem");
      expect(await steps.allTextContents()).toEqual([
        "Preparing the category key — done",
        "Creating the category key on the ledger — done",
        "Encrypting and uploading — done",
        "Storing the encrypted record's index — done",
        "Recording it on the ledger — done",
      ]);
      const bar = page.getByRole("progressbar", { name: "Encrypting and uploading" });
      const [value, max] = await bar.evaluate((element: HTMLProgressElement) => [element.value, element.max]);
      expect(max).toBeGreaterThan(PHOTO.length);
      expect(value).toBe(max);
      await page.getByText(/Record: confirmed/).waitFor();
      await screenshot(page, "patient-add-record");

      const hospitals = page.getByRole("group", { name: "Hospitals" });
      await hospitals.getByRole("checkbox", { name: HOSPITAL_NAME }).check();
      await hospitals.getByRole("checkbox", { name: SECOND_HOSPITAL_NAME }).check();
      expect(await hospitals.getByRole("checkbox", { name: DOCTOR_NAME }).count()).toBe(0);
      await page.getByRole("button", { name: "Share with 2 hospitals" }).click();
      await page.getByText(`Shared with ${HOSPITAL_NAME}, ${SECOND_HOSPITAL_NAME}.`).waitFor();
      await page.getByText(/Sharing: confirmed/).waitFor();

      const connection = stack.connection("patient1");
      expect(await readLedgerView(connection, "recordCount", [me])).toBe(2n);
      for (const hospital of ["hospital", "insurer"] as const) {
        const grant = await readGrantOf(connection, me, stack.account(hospital).address);
        expect({ read: grant.readScope, write: grant.writeScope, expiresAt: grant.expiresAt }).toEqual({ read: 1 << PATIENT_REPORTED, write: 0, expiresAt: 0 });
      }
      const grants = await readLedgerEvents(connection, "AccessGranted", { patient: me });
      const hospitalGrants = grants.filter((event) => event.args.grantee !== stack.account("doctor1").address);
      expect(new Set(hospitalGrants.map((event) => event.transactionHash)).size).toBe(1);
    });
  });

  it("timeline_openRecords_showsReadableTextMetadataAndThePhotoPreview", async () => {
    await timed("open-and-preview", async () => {
      const { page } = patient;
      await page.getByRole("navigation").getByRole("link", { name: "Records" }).click();
      await page.getByRole("heading", { name: "Your records" }).waitFor();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #2, Patient-reported data", "Record #1, General notes"]);

      await page.getByRole("button", { name: "Open record #2" }).click();
      const report = page.getByRole("article", { name: "Symptom report: Patient-reported symptoms" });
      await report.getByText(SYMPTOMS, { exact: true }).waitFor();
      await report.getByText("Moderate", { exact: true }).waitFor();
      await report.getByText("Final", { exact: true }).waitFor();
      await report.getByText("You", { exact: true }).waitFor();
      await report.getByText("No facility", { exact: true }).waitFor();
      await report.getByText("Active", { exact: true }).waitFor();

      await report.getByRole("button", { name: `Preview ${PHOTO_NAME}` }).click();
      const preview = report.getByRole("img", { name: `Preview of ${PHOTO_NAME}` });
      await preview.waitFor();
      await expect.poll(() => preview.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))).toBe(900);
      expect(await preview.getAttribute("src")).toMatch(/^blob:/);

      await page.getByRole("button", { name: "Open record #1" }).click();
      const note = page.getByRole("article", { name: "Clinical note: Knee follow-up" });
      await note.getByText(DOCTOR_NOTE).waitFor();
      await note.getByText(`${DOCTOR_NAME} (${HOSPITAL_NAME})`, { exact: true }).waitFor();
      await note.getByText(HOSPITAL_NAME, { exact: true }).waitFor();
      await screenshot(page, "patient-records");
      await page.setViewportSize({ width: 390, height: 844 });
      // On a phone, nothing may widen the page past the screen (the filters, a long facility name).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "patient-records-phone");
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  });

  it("timeline_filters_byCategoryAndByFacility_narrowTheListAndClearAgain", async () => {
    await timed("filters", async () => {
      const { page } = patient;
      const filters = page.getByRole("group", { name: "Filter records" });
      await filters.getByLabel("Patient-reported data").check();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #2, Patient-reported data"]);
      await filters.getByLabel("Patient-reported data").uncheck();
      await filters.getByLabel("General notes").check();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #1, General notes"]);
      await filters.getByLabel("General notes").uncheck();

      await filters.getByLabel("Facility").selectOption({ label: HOSPITAL_NAME });
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #1, General notes"]);
      await filters.getByLabel("Facility").selectOption({ label: "No facility (the patient's own, or an independent provider's)" });
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #2, Patient-reported data"]);
      await filters.getByLabel("Patient-reported data").check();
      await filters.getByLabel("Facility").selectOption({ label: HOSPITAL_NAME });
      await page.getByText("No record matches these filters").waitFor();
      await page.getByRole("button", { name: "Clear filters" }).click();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #2, Patient-reported data", "Record #1, General notes"]);
    });
  });
});
