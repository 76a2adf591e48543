/**
 * The hospital's stories in Chromium against the real stack: set up its key, register a doctor and
 * a laboratory of its own, suspend one (and see it cannot reactivate), and see the record its doctor
 * added in the provenance table. What is not the hospital's job (its own registration, the patient,
 * the grant and the record) is set up through the client core in Node.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { shortAddress } from "../../web/src/core/chain/address.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { readParticipant } from "../../web/src/core/chain/views.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectWallet, KIND, registerProvider, servicesOf, signUpPatient } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const DOCTOR_NAME = "Dr. Amara Okafor";
const LAB_NAME = "St. Mary's Clinical Laboratory";
const GENERAL_NOTES = CATEGORY.notes;

/** Registered without a key: its first sign-in sets it up. */
async function registerHospital(stack: E2EStack, ipfs: IpfsStore): Promise<void> {
  await registerProvider(stack, ipfs, { registrar: "admin", persona: "hospital", kind: KIND.hospital, profile: { name: HOSPITAL_NAME, specialty: "General hospital" }, withKey: false });
}

/** The patient signs up, gives the doctor write access to notes, and the doctor adds a note. */
async function doctorAddsANote(stack: E2EStack, ipfs: IpfsStore): Promise<void> {
  const patient = stack.account("patient1").address;
  const asPatient = await signUpPatient(stack, "patient1", ipfs);
  const asDoctor = await servicesOf(stack, "doctor1", ipfs);
  await sendLedgerTransaction(asDoctor.connection, "setEncryptionKey", [asDoctor.identity.publicKeyHex]);
  const notes = 1 << GENERAL_NOTES;
  await grantAccess(asPatient.connection, asPatient.keyring, [{ grantee: stack.account("doctor1").address, readScope: notes, writeScope: notes, expiresAt: 0 }]);
  await addRecord(asDoctor, {
    patient,
    category: GENERAL_NOTES,
    resource: { resourceType: "Observation", status: "final", code: { text: "Clinical note" }, note: [{ text: "Follow-up in two weeks." }] },
  });
}

async function registerThroughForm(page: Page, kind: "Doctor" | "Laboratory", account: string, name: string, specialty: string): Promise<void> {
  await page.getByRole("link", { name: "Register doctor or lab" }).click();
  const form = page.getByRole("form", { name: "Register a participant" });
  await form.getByLabel("Kind").selectOption({ label: kind });
  await form.getByLabel("Wallet address").fill(account);
  await form.getByLabel("National ID").fill(`${kind}-${account.slice(2, 8)}`);
  await form.getByLabel("Public name").fill(name);
  await form.getByLabel("Specialty").fill(specialty);
  await form.getByRole("button", { name: "Register participant" }).click();
  await page.getByText(/Registration: confirmed/).waitFor();
}

function staffRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

describe("hospital area", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let ipfs: IpfsStore;
  let hospital: PersonaSession;

  beforeAll(async () => {
    stack = await startE2EStack();
    ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
    await registerHospital(stack, ipfs);
    hospital = await chromium.open(stack, "hospital");
    const { page } = hospital;
    await connectWallet(page, stack);
    // Registered without a key: the first sign-in sets it up.
    await page.getByRole("button", { name: "Set up my key" }).click();
    await page.getByRole("heading", { name: "Our staff" }).waitFor();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("registerForm_hospital_offersOnlyDoctorsAndLabsAffiliatedWithItself", async () => {
    const { page } = hospital;
    await page.getByRole("link", { name: "Register doctor or lab" }).click();
    const form = page.getByRole("form", { name: "Register a participant" });
    expect(await form.getByLabel("Kind").locator("option").allTextContents()).toEqual(["Doctor", "Laboratory"]);
    await form.getByText(`Affiliation: ${HOSPITAL_NAME}`).waitFor();
    await screenshot(page, "hospital-register");
  });

  it("registerForm_doctorAndLab_joinTheHospitalOnChain", async () => {
    const { page } = hospital;
    const doctor = stack.account("doctor1").address;
    const lab = stack.account("lab").address;
    await registerThroughForm(page, "Doctor", doctor, DOCTOR_NAME, "Cardiology");
    await page.getByRole("button", { name: "Register another participant" }).click();
    await registerThroughForm(page, "Laboratory", lab, LAB_NAME, "Clinical chemistry");

    const connection = stack.connection("hospital");
    const [doctorOnChain, labOnChain] = await Promise.all([readParticipant(connection, doctor), readParticipant(connection, lab)]);
    expect([doctorOnChain.kind, doctorOnChain.affiliation]).toEqual([2, stack.account("hospital").address]);
    expect([labOnChain.kind, labOnChain.affiliation]).toEqual([5, stack.account("hospital").address]);
  });

  it("staff_suspendLab_isSuspendedAndOnlyTheAdminMayReactivate", async () => {
    const { page } = hospital;
    await page.getByRole("link", { name: "Our staff" }).click();
    const labRow = staffRow(page, `${LAB_NAME} (${HOSPITAL_NAME})`);
    await labRow.waitFor();
    await staffRow(page, `${DOCTOR_NAME} (${HOSPITAL_NAME})`).waitFor();

    await labRow.getByRole("button", { name: "Suspend" }).click();
    await labRow.getByRole("button", { name: "Yes, suspend" }).click();
    await labRow.getByRole("cell", { name: "Suspended" }).waitFor();
    await labRow.getByText("Only the administrator can reactivate.").waitFor();
    expect(await labRow.getByRole("button", { name: "Reactivate" }).count()).toBe(0);
    expect((await readParticipant(stack.connection("hospital"), stack.account("lab").address)).status).toBe(1);
    await screenshot(page, "hospital-staff");
  });

  it("provenance_afterItsDoctorAddsARecord_listsItWithoutContent", async () => {
    const { page } = hospital;
    await page.getByRole("link", { name: "Provenance" }).click();
    await page.getByText("No records yet").waitFor();

    await doctorAddsANote(stack, ipfs);
    await page.getByRole("button", { name: "Check again" }).click();
    const row = page.getByRole("row").filter({ hasText: shortAddress(stack.account("patient1").address) });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(1)).toEqual([shortAddress(stack.account("patient1").address), "#1", "general notes", `${DOCTOR_NAME} (${HOSPITAL_NAME})`, "Active"]);
    expect(await page.getByText("Follow-up in two weeks.").count()).toBe(0);
    await screenshot(page, "hospital-provenance");
  });
});
