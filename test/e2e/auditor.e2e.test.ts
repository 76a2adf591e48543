/**
 * The auditor's access log in Chromium against the real stack: a small history is made through the
 * client core in Node (registrations, a patient's own record, a grant, a doctor opening the record),
 * then the auditor narrows the table by patient, action and time, as a compliance review would.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { shortAddress } from "../../web/src/core/chain/address.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { ZERO_KEY } from "../../web/src/core/chain/views.js";
import { publishProviderProfile } from "../../web/src/core/directory/publish.js";
import { identityCommitment, randomIdentitySalt } from "../../web/src/core/identity/commitment.js";
import { enrollIdentity } from "../../web/src/core/identity/enrollment.js";
import { walletClientSigner } from "../../web/src/core/identity/signer.js";
import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { ScopeKeyring } from "../../web/src/core/scope-keys/keyring.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { E2E_WALLET_NAME } from "./support/injected-wallet.js";
import { startE2EStack, type E2EStack, type PersonaId } from "./support/stack.js";

const DOCTOR_NAME = "Dr. Lucas Meyer";
const PATIENT_REPORTED = 7;
const TREATMENT = 0;
const NO_AFFILIATION = `0x${"00".repeat(20)}` as const;

/** The history the auditor reviews; each step is a participant's own transaction. */
async function makeHistory(stack: E2EStack): Promise<void> {
  const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
  const ledger = { chainId: stack.chainId, contract: stack.ledgerAddress };
  const enroll = async (persona: PersonaId) => {
    const { walletClient } = stack.connection(persona);
    if (walletClient === undefined) throw new Error(`${persona} has no wallet`);
    return await enrollIdentity(walletClientSigner(walletClient), ledger);
  };
  const admin = stack.connection("admin");
  const doctor = stack.account("doctor2").address;
  const patient = stack.account("patient2").address;

  await sendLedgerTransaction(admin, "registerParticipant", [stack.account("auditor").address, 6, NO_AFFILIATION, ZERO_KEY, identityCommitment("AUD-1", randomIdentitySalt()), ZERO_KEY]);
  const profile = await publishProviderProfile(ipfs, { name: DOCTOR_NAME, specialty: "General practice" });
  await sendLedgerTransaction(admin, "registerParticipant", [doctor, 2, NO_AFFILIATION, ZERO_KEY, identityCommitment("DOC-2", randomIdentitySalt()), profile]);
  const doctorIdentity = await enroll("doctor2");
  await sendLedgerTransaction(stack.connection("doctor2"), "setEncryptionKey", [doctorIdentity.publicKeyHex]);

  const patientIdentity = await enroll("patient2");
  await sendLedgerTransaction(stack.connection("patient2"), "signUp", [patientIdentity.publicKeyHex, identityCommitment("PAT-2", randomIdentitySalt())]);
  const patientKeys = new ScopeKeyring(patientIdentity);
  const services = { connection: stack.connection("patient2"), identity: patientIdentity, keyring: patientKeys, ipfs };
  const { recordId } = await addRecord(services, { patient, category: PATIENT_REPORTED, resource: { resourceType: "Observation", status: "final", code: { text: "Symptom diary" } } });
  await grantAccess(services.connection, patientKeys, [{ grantee: doctor, readScope: 1 << PATIENT_REPORTED, writeScope: 0, expiresAt: 0 }]);
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
    await auditor.page.goto(stack.portalUrl);
    await auditor.page.getByRole("button", { name: new RegExp(`connect.*${E2E_WALLET_NAME}`, "i") }).click();
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

    await page.getByLabel("Action").selectOption({ label: "Records opened" });
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
