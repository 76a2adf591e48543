/**
 * The auditor's access log in Chromium against the real stack: a small history is made through the
 * client core in Node (registrations, a patient's own record, a grant, a doctor opening the record),
 * then the auditor narrows the table by patient, action and time, as a compliance review would.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { shortAddress } from "../../web/src/core/chain/address.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectWallet, identityOf, KIND, registerProvider, signUpPatient } from "./support/story-steps.js";

const DOCTOR_NAME = "Dr. Lucas Meyer";
const PATIENT_REPORTED = CATEGORY.patientReported;
const TREATMENT = 0;

/** The history the auditor reviews; each step is a participant's own transaction. */
async function makeHistory(stack: E2EStack): Promise<void> {
  const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
  const doctor = stack.account("doctor2").address;
  const patient = stack.account("patient2").address;

  await registerProvider(stack, ipfs, { registrar: "admin", persona: "auditor", kind: KIND.auditor, withKey: false });
  await registerProvider(stack, ipfs, { registrar: "admin", persona: "doctor2", kind: KIND.doctor, profile: { name: DOCTOR_NAME, specialty: "General practice" }, withKey: false });
  await sendLedgerTransaction(stack.connection("doctor2"), "setEncryptionKey", [(await identityOf(stack, "doctor2")).publicKeyHex]);

  const services = await signUpPatient(stack, "patient2", ipfs);
  const { recordId } = await addRecord(services, { patient, category: PATIENT_REPORTED, resource: { resourceType: "Observation", status: "final", code: { text: "Symptom diary" } } });
  await grantAccess(services.connection, services.keyring, [{ grantee: doctor, readScope: 1 << PATIENT_REPORTED, writeScope: 0, expiresAt: 0 }]);
  await sendLedgerTransaction(stack.connection("doctor2"), "logAccess", [patient, recordId, TREATMENT]);
}

/** The text of every body row's "Action" cell. */
async function actionsShown(page: Page): Promise<string[]> {
  return await page.locator("tbody tr td:nth-child(3)").allTextContents();
}

describe("auditor area", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let auditor: PersonaSession;

  beforeAll(async () => {
    stack = await startE2EStack();
    await makeHistory(stack);
    auditor = await chromium.open(stack, "auditor");
    await connectWallet(auditor.page, stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("accessLog_withoutFilters_showsEveryStepNewestFirstInPlainLanguage", async () => {
    const { page } = auditor;
    await page.getByRole("heading", { name: "Access log" }).waitFor();
    await page.locator("tbody tr").first().waitFor();
    const actions = await actionsShown(page);
    expect(actions[0]).toBe(`${DOCTOR_NAME} opened record #1 (patient-reported data) of patient ${shortAddress(stack.account("patient2").address)} for treatment`);
    expect(actions).toContain(`The administrator registered ${shortAddress(stack.account("auditor").address)} as an auditor`);
    // No unlock step: the auditor reads public events only.
    expect(auditor.wallet.requests).not.toContain("eth_signTypedData_v4");
    await screenshot(page, "auditor-access-log");
  });

  it("accessLog_filteredByPatientAndAction_keepsOnlyThatPatientsReads", async () => {
    const { page } = auditor;
    const patient = stack.account("patient2").address;
    await page.getByLabel("Patient address").fill(patient.toLowerCase());
    await expect.poll(async () => (await page.locator("tbody tr td:nth-child(4)").allTextContents()).every((cell) => cell === shortAddress(patient))).toBe(true);
    const forPatient = await actionsShown(page);
    expect(forPatient.some((action) => action.includes("granted"))).toBe(true);
    expect(forPatient.some((action) => action.includes("registered"))).toBe(false);

    await page.getByLabel("Action").selectOption({ label: "Records opened: all" });
    await expect.poll(() => actionsShown(page)).toEqual([`${DOCTOR_NAME} opened record #1 (patient-reported data) of patient ${shortAddress(patient)} for treatment`]);
    expect(await page.locator("tbody tr td:nth-child(2)").allTextContents()).toEqual([DOCTOR_NAME]);
    expect(await page.locator("tbody tr td:nth-child(5)").allTextContents()).toEqual(["#1"]);
  });

  it("accessLog_filteredByActorAndTime_narrowsOrEmptiesTheTable", async () => {
    const { page } = auditor;
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await page.getByLabel("Actor", { exact: true }).selectOption({ label: DOCTOR_NAME });
    await expect.poll(async () => (await page.locator("tbody tr td:nth-child(2)").allTextContents()).every((cell) => cell === DOCTOR_NAME)).toBe(true);

    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, "0")}-${String(tomorrow.getDate()).padStart(2, "0")}`;
    await page.getByLabel("From").fill(day);
    await page.getByText("No entry matches these filters").waitFor();

    await page.getByLabel("Patient address").fill("0x1234");
    await page.getByText("Enter a full address").waitFor();
    expect(await page.getByLabel("Patient address").getAttribute("aria-invalid")).toBe("true");
  });

  it("accessLog_onAPhone_scrollsTheTableNotThePage", async () => {
    const { page } = auditor;
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("tbody tr").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "auditor-access-log-phone");
  });
});
