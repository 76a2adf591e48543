/**
 * The whole story in Chromium against the real stack, one persona per browser context, each step
 * done in the portal the way its user would: the admin registers a hospital, the hospital registers
 * a doctor, a patient signs up (paying the fee) and adds a record with a photo, grants the doctor,
 * the doctor opens it (read receipt) and adds an imaging report with an X-ray, the patient decrypts
 * that, then revokes (keys rotated in the same flow); the doctor's chart closes and a record added
 * afterwards cannot be opened with the doctor's keys; the auditor sees every step in the log. Chain
 * state and events are checked after each step; only the auditor's registration is set up in Node.
 */
import type { Page } from "playwright-core";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { grayscalePng } from "../../scripts/demo-world/png.js";
import { shortAddress } from "../../web/src/core/chain/address.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { readGrantOf, readLedgerView, readParticipant, readRotationRequired, readScopeKeyState, ZERO_KEY } from "../../web/src/core/chain/views.js";
import { identityCommitment } from "../../web/src/core/identity/commitment.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import { openRecord } from "../../web/src/core/records/open-record.js";
import { NoScopeKeyError } from "../../web/src/core/scope-keys/errors.js";
import { readAllBytes } from "../../web/src/core/streams.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectWallet, identityOf, KIND, NO_AFFILIATION, registerProvider, servicesOf, stepTimer } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const HOSPITAL_ID = "SMGH-2026-0042";
const DOCTOR_NAME = "Dr. Amara Okafor";
const DOCTOR_ID = "DOC-77";
/** How the directory names an affiliated doctor. */
const DOCTOR_LABEL = `${DOCTOR_NAME} (${HOSPITAL_NAME})`;
const PATIENT_ID = "FR-1987 0412 5531";
const SIGN_UP_FEE = parseEther("0.01");
const SYMPTOMS = "Chest tightness when climbing stairs, for two weeks";
const PHOTO_NAME = "ecg-strip.png";
const PHOTO = grayscalePng(300, 300, (x, y) => (x * 7 + y * 13) % 256);
const CONCLUSION = "No acute cardiopulmonary findings.";
const XRAY_NAME = "chest-xray.png";
// Hashed pixels do not compress: a real upload of a few hundred KB.
const XRAY = grayscalePng(600, 600, (x, y) => Math.imul((x * 73_856_093) ^ (y * 19_349_663), 2_654_435_761) >>> 24);
const LATER_SYMPTOMS = "Palpitations at rest since yesterday";
const TREATMENT = 0;
const bit = (category: number) => 1 << category;

/** The row of a participants or staff table whose first cell is `name`. */
function tableRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/** A step of the patient's sharing flows ("Grant access: confirmed"). */
function sharingStep(page: Page, text: RegExp) {
  return page.getByRole("status").filter({ hasText: text });
}

describe("the whole story", () => {
  const chromium = useE2EBrowser();
  const { timings, timed } = stepTimer();
  let stack: E2EStack;
  let ipfs: IpfsStore;

  beforeAll(async () => {
    await timed("00 setup: stack, auditor registered in Node", async () => {
      stack = await startE2EStack();
      ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
      await registerProvider(stack, ipfs, { registrar: "admin", persona: "auditor", kind: KIND.auditor, withKey: false });
    });
  });
  afterAll(async () => {
    console.info("story E2E step timings (ms):");
    console.table(Object.entries(timings).map(([step, ms]) => ({ step, ms })));
    await stack?.stop();
  });

  it("wholeStory_fromRegistrationToRevocation_worksInTheBrowserAndTheAuditorSeesEveryStep", async () => {
    const hospital = stack.account("hospital").address;
    const doctor = stack.account("doctor1").address;
    const patient = stack.account("patient1").address;
    const adminAddress = stack.account("admin").address;
    let admin: PersonaSession;
    let hospitalSession: PersonaSession;
    let patientSession: PersonaSession;
    let doctorSession: PersonaSession;

    await timed("01 admin registers the hospital and sets the sign-up fee", async () => {
      admin = await chromium.open(stack, "admin");
      const { page } = admin;
      await connectWallet(page, stack);
      await page.getByLabel(`Signed in as ${adminAddress}`).waitFor();
      await page.getByRole("link", { name: "Register participant" }).first().click();
      const form = page.getByRole("form", { name: "Register a participant" });
      await form.getByLabel("Kind").selectOption({ label: "Hospital" });
      await form.getByLabel("Wallet address").fill(hospital);
      await form.getByLabel("National ID").fill(HOSPITAL_ID);
      await form.getByLabel("Public name").fill(HOSPITAL_NAME);
      await form.getByLabel("Specialty").fill("General hospital");
      const salt = await form.getByLabel("Identity salt").inputValue();
      await form.getByRole("button", { name: "Register participant" }).click();
      await page.getByText(/Registration: confirmed/).waitFor();

      const connection = stack.connection("admin");
      const [registered] = await readLedgerEvents(connection, "ParticipantRegistered", { account: hospital });
      expect([registered?.args.kind, registered?.args.affiliation, registered?.args.registeredBy, registered?.args.encryptionKey]).toEqual([KIND.hospital, NO_AFFILIATION, adminAddress, ZERO_KEY]);
      expect(registered?.args.identityCommitment).toBe(identityCommitment(HOSPITAL_ID, salt));

      await page.getByRole("link", { name: "Settings" }).click();
      await page.getByLabel("New sign-up fee (ETH)").fill("0.01");
      await page.getByRole("button", { name: "Set fee" }).click();
      await expect.poll(() => page.getByTestId("current-fee").textContent()).toBe("0.01 ETH");
      const fees = await readLedgerEvents(connection, "SignUpFeeChanged");
      expect(fees.map(({ args }) => [args.previousFee, args.newFee])).toEqual([[0n, SIGN_UP_FEE]]);

      await page.getByRole("link", { name: "Participants" }).click();
      await tableRow(page, HOSPITAL_NAME).getByRole("cell", { name: "Active" }).waitFor();
      await screenshot(page, "story-01-admin");
    });

    await timed("02 hospital sets up its key and registers the doctor", async () => {
      hospitalSession = await chromium.open(stack, "hospital");
      const { page } = hospitalSession;
      await connectWallet(page, stack);
      // Registered without a key: the first sign-in sets it up.
      await page.getByRole("button", { name: "Set up my key" }).click();
      await page.getByRole("heading", { name: "Our staff" }).waitFor();
      expect((await readParticipant(stack.connection("hospital"), hospital)).encryptionKey).toBe((await identityOf(stack, "hospital")).publicKeyHex);

      await page.getByRole("link", { name: "Register doctor or lab" }).click();
      const form = page.getByRole("form", { name: "Register a participant" });
      await form.getByLabel("Kind").selectOption({ label: "Doctor" });
      await form.getByLabel("Wallet address").fill(doctor);
      await form.getByLabel("National ID").fill(DOCTOR_ID);
      await form.getByLabel("Public name").fill(DOCTOR_NAME);
      await form.getByLabel("Specialty").fill("Cardiology");
      await form.getByRole("button", { name: "Register participant" }).click();
      await page.getByText(/Registration: confirmed/).waitFor();

      const [registered] = await readLedgerEvents(stack.connection("hospital"), "ParticipantRegistered", { account: doctor });
      expect([registered?.args.kind, registered?.args.affiliation, registered?.args.registeredBy]).toEqual([KIND.doctor, hospital, hospital]);
      await page.getByRole("link", { name: "Our staff" }).click();
      await tableRow(page, DOCTOR_LABEL).waitFor();
      await screenshot(page, "story-02-hospital");
    });

    await timed("03 doctor signs in and sets up the key", async () => {
      doctorSession = await chromium.open(stack, "doctor1");
      const { page } = doctorSession;
      // The page's clock is Playwright's: the chart's 15-second re-check of the grant can be brought forward later.
      await page.clock.install();
      await connectWallet(page, stack);
      // Registered by the hospital without a key: the first sign-in publishes it, so patients can choose the doctor.
      await page.getByRole("button", { name: "Set up my key" }).click();
      await page.getByRole("heading", { name: "My patients" }).waitFor();
      await page.getByText("No patient has given you access yet.").waitFor();
      expect((await readParticipant(stack.connection("doctor1"), doctor)).encryptionKey).toBe((await identityOf(stack, "doctor1")).publicKeyHex);
      const [keyChanged] = await readLedgerEvents(stack.connection("doctor1"), "EncryptionKeyChanged", { account: doctor });
      expect(keyChanged?.args.encryptionKey).toBe((await identityOf(stack, "doctor1")).publicKeyHex);
      await screenshot(page, "story-03-doctor");
    });

    await timed("04 patient signs up, pays the fee and sets up the key", async () => {
      patientSession = await chromium.open(stack, "patient1");
      const { page } = patientSession;
      await connectWallet(page, stack);
      await page.getByRole("heading", { name: "Sign up as a patient" }).waitFor();
      await page.getByText("Sign-up fee: 0.01 ETH").waitFor();
      await page.getByLabel("National ID").fill(PATIENT_ID);
      const salt = (await page.getByLabel("Your identity salt").textContent())?.trim() ?? "";
      await page.getByLabel("I have saved my salt").check();
      await screenshot(page, "story-04-patient-signup");
      await page.getByRole("button", { name: "Sign up and set up my key" }).click();
      await page.getByRole("heading", { name: "Your records" }).waitFor();

      const participant = await readParticipant(stack.connection("patient1"), patient);
      expect([participant.kind, participant.encryptionKey]).toEqual([KIND.patient, (await identityOf(stack, "patient1")).publicKeyHex]);
      const [registered] = await readLedgerEvents(stack.connection("patient1"), "ParticipantRegistered", { account: patient });
      expect([registered?.args.registeredBy, registered?.args.identityCommitment]).toEqual([patient, identityCommitment(PATIENT_ID, salt)]);
      expect(await stack.publicClient.getBalance({ address: stack.ledgerAddress })).toBe(SIGN_UP_FEE);
    });

    await timed("05 patient adds a symptom report with a photo", async () => {
      const { page } = patientSession;
      await page.getByRole("navigation").getByRole("link", { name: "Add record" }).click();
      await page.getByLabel("Symptoms").fill(SYMPTOMS);
      await page.getByLabel("Files (optional)").setInputFiles({ name: PHOTO_NAME, mimeType: "image/png", buffer: Buffer.from(PHOTO) });
      await page.getByRole("list", { name: "Chosen files" }).getByText(PHOTO_NAME).waitFor();
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #1 added" }).waitFor();
      await page.getByText(/Record: confirmed/).waitFor();

      const [added] = await readLedgerEvents(stack.connection("patient1"), "RecordAdded", { patient, recordId: 1n });
      expect([added?.args.author, added?.args.category, added?.args.epoch, added?.args.facility, added?.args.supersedes]).toEqual([patient, CATEGORY.patientReported, 1, NO_AFFILIATION, 0n]);
      await screenshot(page, "story-05-patient-record-added");
    });

    await timed("06 patient grants the doctor, chosen from the directory", async () => {
      const { page } = patientSession;
      await page.getByRole("navigation").getByRole("link", { name: "Sharing" }).click();
      await page.getByRole("main").getByRole("link", { name: "Share with a provider" }).click();
      const who = page.getByRole("group", { name: "Who" });
      await who.getByLabel("Search providers").fill("cardio");
      await who.getByRole("checkbox", { name: DOCTOR_NAME }).check();
      await page.getByRole("group", { name: "May read" }).getByLabel("Patient-reported data").check();
      await page.getByRole("group", { name: "May add records" }).getByLabel("Imaging").check();
      await page.getByRole("button", { name: "Grant access" }).click();
      await page.getByRole("heading", { name: "Access granted" }).waitFor();
      await page.getByText(new RegExp(`^${DOCTOR_NAME} may read patient-reported data; may read and add imaging, with no end date`)).waitFor();
      await sharingStep(page, /Grant access: confirmed/).waitFor();

      const connection = stack.connection("patient1");
      const grants = await readLedgerEvents(connection, "AccessGranted", { patient, grantee: doctor });
      expect(grants.map(({ args }) => [args.readScope, args.writeScope, args.expiresAt])).toEqual([[bit(CATEGORY.patientReported) | bit(CATEGORY.imaging), bit(CATEGORY.imaging), 0]]);
      // The doctor was sealed the key of each category it may read.
      const wraps = await readLedgerEvents(connection, "ScopeKeyWrapped", { patient, recipient: doctor });
      expect(wraps.map(({ args }) => [args.category, args.epoch]).sort()).toEqual([[CATEGORY.imaging, 1], [CATEGORY.patientReported, 1]].sort());

      await page.getByRole("link", { name: "See who has access" }).click();
      await page.getByRole("list", { name: "Active grants" }).getByRole("listitem").filter({ hasText: DOCTOR_NAME }).waitFor();
      await screenshot(page, "story-06-patient-sharing");
    });

    await timed("07 doctor opens the record (read receipt) and sees the photo", async () => {
      const { page } = doctorSession;
      // My patients asks the chain again every 15 seconds: bring that forward rather than wait.
      await page.clock.fastForward(16_000);
      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(patient)}` }).click();
      await page.getByRole("heading", { name: `Patient ${shortAddress(patient)}` }).waitFor();
      await page.getByRole("button", { name: "Open record #1" }).click();
      await page.getByText(/Read receipt for record #1: confirmed/).waitFor();
      const report = page.getByRole("article").filter({ hasText: SYMPTOMS });
      await report.waitFor();
      await report.getByRole("button", { name: `Preview ${PHOTO_NAME}` }).click();
      const preview = report.getByRole("img", { name: `Preview of ${PHOTO_NAME}` });
      await expect.poll(() => preview.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))).toBe(300);

      const receipts = await readLedgerEvents(stack.connection("doctor1"), "RecordAccessed", { patient });
      expect(receipts.map(({ args }) => [args.recordId, args.reader, args.purposeCode])).toEqual([[1n, doctor, TREATMENT]]);
      await screenshot(page, "story-07-doctor-chart");
      await page.getByRole("button", { name: "Close record #1" }).click();
    });

    await timed("08 doctor adds an imaging report with an X-ray", async () => {
      const { page } = doctorSession;
      await page.getByRole("button", { name: "Add a record" }).click();
      // The grant lets the doctor add imaging only: the form offers that one kind, without a choice.
      await page.getByRole("form", { name: "New record" }).getByText("Imaging report", { exact: true }).waitFor();
      expect(await page.getByLabel("Kind of record").count()).toBe(0);
      await page.getByLabel("Modality").fill("X-ray");
      await page.getByLabel("Body site").fill("chest");
      await page.getByLabel("Conclusion").fill(CONCLUSION);
      await page.getByLabel("Files (optional)").setInputFiles({ name: XRAY_NAME, mimeType: "image/png", buffer: Buffer.from(XRAY) });
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #2 added" }).waitFor();
      const bar = page.getByRole("progressbar", { name: "Encrypting and uploading" });
      const [value, max] = await bar.evaluate((element: HTMLProgressElement) => [element.value, element.max]);
      expect(max).toBeGreaterThan(XRAY.length);
      expect(value).toBe(max);

      const [added] = await readLedgerEvents(stack.connection("doctor1"), "RecordAdded", { patient, recordId: 2n });
      expect([added?.args.author, added?.args.category, added?.args.epoch, added?.args.facility, added?.args.supersedes]).toEqual([doctor, CATEGORY.imaging, 1, hospital, 0n]);
      await page.getByRole("button", { name: "Close the form" }).click();
    });

    await timed("09 patient sees the doctor's report and decrypts it with the X-ray", async () => {
      const { page } = patientSession;
      await page.getByRole("navigation").getByRole("link", { name: "Records" }).click();
      await page.getByRole("heading", { name: "Your records" }).waitFor();
      await page.getByRole("button", { name: "Open record #2" }).click();
      const report = page.getByRole("article").filter({ hasText: CONCLUSION });
      await report.waitFor();
      await report.getByText(DOCTOR_NAME).first().waitFor();
      await report.getByRole("button", { name: `Preview ${XRAY_NAME}` }).click();
      const preview = report.getByRole("img", { name: `Preview of ${XRAY_NAME}` });
      await expect.poll(() => preview.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0))).toBe(600);
      await screenshot(page, "story-08-patient-records");
      await page.getByRole("button", { name: "Close record #2" }).click();
    });

    await timed("10 patient revokes the doctor, keys rotated in the same flow", async () => {
      const { page } = patientSession;
      await page.getByRole("navigation").getByRole("link", { name: "Sharing" }).click();
      await page.getByRole("button", { name: `Revoke access for ${DOCTOR_NAME}` }).click();
      const confirm = page.getByRole("group", { name: `Confirm revoking ${DOCTOR_NAME}` });
      await confirm.getByRole("button", { name: "Revoke and replace keys" }).click();
      await page.getByText(`${DOCTOR_NAME} no longer has access.`, { exact: false }).waitFor();
      for (const label of [/Revoke access: confirmed/, /Replace the key for imaging: confirmed/, /Replace the key for patient-reported data: confirmed/]) {
        await sharingStep(page, label).waitFor();
      }
      await page.getByRole("list", { name: "Revoked grants" }).getByRole("listitem").filter({ hasText: DOCTOR_NAME }).waitFor();
      await screenshot(page, "story-09-patient-revoked");

      const connection = stack.connection("patient1");
      expect((await readGrantOf(connection, patient, doctor)).readScope).toBe(0);
      const [revoked] = await readLedgerEvents(connection, "AccessRevoked", { patient, grantee: doctor });
      expect(revoked?.args.readScope).toBe(bit(CATEGORY.patientReported) | bit(CATEGORY.imaging));
      for (const category of [CATEGORY.patientReported, CATEGORY.imaging]) {
        expect((await readScopeKeyState(connection, patient, category)).epoch).toBe(2);
        expect(await readRotationRequired(connection, patient, category)).toBe(false);
        expect(await readLedgerView(connection, "hasAccess", [patient, doctor, category, false])).toBe(false);
      }
      // No key of the new epochs went to the doctor.
      const wraps = await readLedgerEvents(connection, "ScopeKeyWrapped", { patient, recipient: doctor });
      expect(wraps.every(({ args }) => args.epoch === 1)).toBe(true);
    });

    await timed("11 doctor loses the chart", async () => {
      const { page } = doctorSession;
      await page.clock.fastForward(16_000);
      await page.getByText("Your access to this patient's records has ended").waitFor();
      expect(await page.getByRole("button", { name: /^Open record #/ }).count()).toBe(0);
      expect(await page.getByText(SYMPTOMS).count()).toBe(0);
      await screenshot(page, "story-10-doctor-access-ended");
      await page.getByRole("link", { name: "Back to your patients" }).click();
      await page.getByRole("heading", { name: "My patients" }).waitFor();
      expect(await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(patient)}` }).count()).toBe(0);
    });

    await timed("12 a record added after the revocation cannot be opened with the doctor's keys", async () => {
      const { page } = patientSession;
      await page.getByRole("navigation").getByRole("link", { name: "Add record" }).click();
      await page.getByLabel("Symptoms").fill(LATER_SYMPTOMS);
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #3 added" }).waitFor();
      const [added] = await readLedgerEvents(stack.connection("patient1"), "RecordAdded", { patient, recordId: 3n });
      expect([added?.args.author, added?.args.category, added?.args.epoch]).toEqual([patient, CATEGORY.patientReported, 2]);

      // In Node, through the core, with the doctor's own identity and a keyring built from the chain:
      // what the doctor was given before the revocation still opens, the new record does not.
      const asDoctor = await servicesOf(stack, "doctor1", ipfs);
      const before = await openRecord(asDoctor, patient, 1n);
      try {
        expect(before.document.resource).toMatchObject({ valueString: SYMPTOMS });
        expect(await readAllBytes(before.openAttachment(1))).toEqual(PHOTO);
      } finally {
        before.close();
      }
      const after = openRecord(asDoctor, patient, 3n);
      await expect(after).rejects.toBeInstanceOf(NoScopeKeyError);
      await expect(after).rejects.toThrow(`This identity holds no key for epoch 2 of ${patient}'s patient-reported data`);
      // The patient still opens it.
      const asPatient = await servicesOf(stack, "patient1", ipfs);
      const own = await openRecord(asPatient, patient, 3n);
      own.close();
      expect(own.document.resource).toMatchObject({ valueString: LATER_SYMPTOMS });
    });

    await timed("13 auditor sees every step in the access log", async () => {
      const auditor = await chromium.open(stack, "auditor");
      const { page } = auditor;
      await connectWallet(page, stack);
      await page.getByRole("heading", { name: "Access log" }).waitFor();
      await page.locator("tbody tr").first().waitFor();
      const patientLabel = shortAddress(patient);
      /** Each step of the story as the log says it, oldest first: [actor, action, patient, record] cells. */
      const lines: Array<[string, string, string, string]> = [
        ["The administrator", `The administrator registered ${HOSPITAL_NAME} as a hospital`, "—", "—"],
        ["The administrator", "The administrator changed the sign-up fee from 0 ETH to 0.01 ETH", "—", "—"],
        [HOSPITAL_NAME, `${HOSPITAL_NAME} set a new encryption key`, "—", "—"],
        [HOSPITAL_NAME, `${HOSPITAL_NAME} registered ${DOCTOR_LABEL} as a doctor of ${HOSPITAL_NAME}`, "—", "—"],
        [DOCTOR_LABEL, `${DOCTOR_LABEL} set a new encryption key`, "—", "—"],
        [patientLabel, "The patient signed up", patientLabel, "—"],
        [patientLabel, "The patient created the patient-reported data key (epoch 1)", patientLabel, "—"],
        [patientLabel, "The patient added record #1 (patient-reported data)", patientLabel, "#1"],
        [patientLabel, "The patient created the imaging key (epoch 1)", patientLabel, "—"],
        [patientLabel, `The patient granted ${DOCTOR_LABEL} read access to patient-reported data and read and write access to imaging`, patientLabel, "—"],
        [patientLabel, `The patient sealed the imaging key (epoch 1) for ${DOCTOR_LABEL}`, patientLabel, "—"],
        [patientLabel, `The patient sealed the patient-reported data key (epoch 1) for ${DOCTOR_LABEL}`, patientLabel, "—"],
        [DOCTOR_LABEL, `${DOCTOR_LABEL} opened record #1 (patient-reported data) of patient ${patientLabel} for treatment`, patientLabel, "#1"],
        [DOCTOR_LABEL, `${DOCTOR_LABEL} added record #2 (imaging) for patient ${patientLabel}`, patientLabel, "#2"],
        [patientLabel, `The patient withdrew access to imaging and patient-reported data from ${DOCTOR_LABEL}`, patientLabel, "—"],
        [patientLabel, "The patient rotated the imaging key (epoch 2)", patientLabel, "—"],
        [patientLabel, "The patient rotated the patient-reported data key (epoch 2)", patientLabel, "—"],
        [patientLabel, "The patient added record #3 (patient-reported data)", patientLabel, "#3"],
      ];
      const body = page.locator("tbody tr");
      for (const [actor, action, patientCell, recordCell] of lines) {
        const row = body.filter({ has: page.getByRole("cell", { name: action, exact: true }) });
        await row.waitFor();
        const cells = await row.getByRole("cell").allTextContents();
        expect(cells.slice(1, 5), action).toEqual([actor, action, patientCell, recordCell]);
      }
      // After the revocation nothing more was sealed for the doctor.
      const actions = await page.locator("tbody tr td:nth-child(3)").allTextContents();
      expect(actions.filter((action) => action.includes("(epoch 2) for Dr."))).toEqual([]);
      // Newest first: the story reads bottom-up in the table.
      const positions = lines.map(([, action]) => actions.indexOf(action));
      expect(positions).toEqual([...positions].sort((a, b) => b - a));
      // Nothing decrypted is in the log, and the auditor never unlocked anything.
      expect(await page.getByText(SYMPTOMS).count()).toBe(0);
      expect(auditor.wallet.requests).not.toContain("eth_signTypedData_v4");
      await screenshot(page, "story-11-auditor");
    });
  });
});
