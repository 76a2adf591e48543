/**
 * The patient's sharing stories in Chromium against the real stack: grant a doctor chosen from the
 * directory (no address typed), see it with its time left, revoke it with the key rotation in the
 * same flow, deny an access request, and read "who accessed my data". What is not the patient's job
 * here (providers registered with public profiles and keys, the patient's sign-up, a record, a
 * doctor's read receipt and request) is set up through the client core in Node.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { readGrantOf, readLedgerView, readRotationRequired, readScopeKeyState } from "../../web/src/core/chain/views.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { formatTimeLeft } from "../../web/src/core/consent/time-left.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { endOfDay, localDateInput } from "../../web/src/portal/roles/patient/sharing/grant-form.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectAndUnlock, KIND, registerProvider, signUpPatient, stepTimer } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const DOCTOR_NAME = "Dr. Amara Okafor";
const REQUESTER_NAME = "Dr. Lucas Meyer";
const NOTES = CATEGORY.notes;
const LABS = CATEGORY.labs;
const NOT_MY_PROVIDER = 1;
const TREATMENT = 0;

/** The hospital and its two doctors, each with a public profile and an encryption key. */
async function registerProviders(stack: E2EStack, ipfs: IpfsStore): Promise<void> {
  await registerProvider(stack, ipfs, { registrar: "admin", persona: "hospital", kind: KIND.hospital, profile: { name: HOSPITAL_NAME, specialty: "General hospital" }, withKey: true });
  const hospital = stack.account("hospital").address;
  await registerProvider(stack, ipfs, { registrar: "hospital", persona: "doctor1", kind: KIND.doctor, affiliation: hospital, profile: { name: DOCTOR_NAME, specialty: "Cardiology" }, withKey: true });
  await registerProvider(stack, ipfs, { registrar: "hospital", persona: "doctor2", kind: KIND.doctor, affiliation: hospital, profile: { name: REQUESTER_NAME, specialty: "General practice" }, withKey: true });
}

/** The patient signs up with a key and adds one general note of their own. */
async function patientWithARecord(stack: E2EStack, ipfs: IpfsStore): Promise<void> {
  const services = await signUpPatient(stack, "patient1", ipfs);
  await addRecord(services, {
    patient: stack.account("patient1").address,
    category: NOTES,
    resource: { resourceType: "Observation", status: "final", code: { text: "Symptom diary" }, note: [{ text: "Headache since Monday." }] },
  });
}

function step(page: Page, text: RegExp): Locator {
  return page.getByRole("status").filter({ hasText: text });
}

describe("patient sharing", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let patient: PersonaSession;
  const { timings, timed } = stepTimer();

  beforeAll(async () => {
    await timed("setup", async () => {
      stack = await startE2EStack();
      const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
      await registerProviders(stack, ipfs);
      await patientWithARecord(stack, ipfs);
      patient = await chromium.open(stack, "patient1");
      const { page } = patient;
      await connectAndUnlock(page, stack, "/patient/sharing");
      await page.getByRole("heading", { name: "Who can see my records" }).waitFor();
    });
  });
  afterAll(async () => {
    console.info(`patient-sharing E2E timings (ms): ${JSON.stringify(timings)}`);
    await stack?.stop();
  });

  it("grant_doctorChosenFromTheDirectory_getsTheScopeOnChainAndShowsWithTimeLeft", async () => {
    await timed("grant", async () => {
      const { page } = patient;
      await page.getByText("Nobody has access to your records right now.").waitFor();
      await page.getByRole("main").getByRole("link", { name: "Share with a provider" }).click();

      const who = page.getByRole("group", { name: "Who" });
      await who.getByLabel("Search providers").fill("cardio");
      await who.getByRole("checkbox", { name: DOCTOR_NAME }).check();
      expect(await who.getByRole("checkbox", { name: REQUESTER_NAME }).count()).toBe(0);
      await page.getByRole("group", { name: "May read" }).getByLabel("Lab results").check();
      await page.getByRole("group", { name: "May add records" }).getByLabel("General notes").check();
      expect(await page.getByRole("group", { name: "May read" }).getByLabel("General notes").isChecked()).toBe(true);
      await page.getByLabel("Until a date").check();
      const lastDay = localDateInput(Math.floor(Date.now() / 1000) + 10 * 86_400);
      await page.getByLabel("Last day of access").fill(lastDay);
      await screenshot(page, "patient-sharing-grant");
      await page.getByRole("button", { name: "Grant access" }).click();

      await page.getByRole("heading", { name: "Access granted" }).waitFor();
      await page.getByText(new RegExp(`^${DOCTOR_NAME} may read lab results; may read and add general notes until the end of `)).waitFor();
      // Lab results had no key yet: its creation was a step of its own, before the grant.
      await step(page, /Create the key for lab results: confirmed/).waitFor();
      await step(page, /Grant access: confirmed/).waitFor();

      const connection = stack.connection("patient1");
      const grant = await readGrantOf(connection, stack.account("patient1").address, stack.account("doctor1").address);
      expect({ read: grant.readScope, write: grant.writeScope, expiresAt: grant.expiresAt }).toEqual({
        read: (1 << NOTES) | (1 << LABS),
        write: 1 << NOTES,
        expiresAt: endOfDay(lastDay),
      });

      await page.getByRole("link", { name: "See who has access" }).click();
      const active = page.getByRole("list", { name: "Active grants" }).getByRole("listitem").filter({ hasText: DOCTOR_NAME });
      await active.waitFor();
      await active.getByText(HOSPITAL_NAME).waitFor();
      const now = Number((await stack.publicClient.getBlock()).timestamp);
      const left = formatTimeLeft(grant.expiresAt - now);
      expect(left).toMatch(/^(9|10) days/);
      await active.getByText(new RegExp(`${left.split(" ").slice(0, 2).join(" ")}.* left`)).waitFor();
      await screenshot(page, "patient-sharing");
    });
  });

  it("revoke_afterConfirming_endsTheGrantAndRotatesEveryKeyItCouldRead", async () => {
    await timed("revoke", async () => {
      const { page } = patient;
      const patientAddress = stack.account("patient1").address;
      // The doctor opens the patient's note while the grant holds: a read receipt for the activity page.
      await sendLedgerTransaction(stack.connection("doctor1"), "logAccess", [patientAddress, 1n, TREATMENT]);

      await page.getByRole("button", { name: `Revoke access for ${DOCTOR_NAME}` }).click();
      const confirm = page.getByRole("group", { name: `Confirm revoking ${DOCTOR_NAME}` });
      await confirm.getByText("They keep what they already opened.").waitFor();
      await confirm.getByText(/Your keys are rotated in the same step/).waitFor();
      await confirm.getByRole("button", { name: "Revoke and replace keys" }).click();

      await page.getByText(`${DOCTOR_NAME} no longer has access.`, { exact: false }).waitFor();
      for (const label of [/Revoke access: confirmed/, /Replace the key for general notes: confirmed/, /Replace the key for lab results: confirmed/]) {
        await step(page, label).waitFor();
      }
      await page.getByRole("list", { name: "Revoked grants" }).getByRole("listitem").filter({ hasText: DOCTOR_NAME }).waitFor();
      expect(await page.getByRole("list", { name: "Active grants" }).count()).toBe(0);

      const connection = stack.connection("patient1");
      expect((await readGrantOf(connection, patientAddress, stack.account("doctor1").address)).readScope).toBe(0);
      for (const category of [NOTES, LABS]) {
        expect((await readScopeKeyState(connection, patientAddress, category)).epoch).toBe(2);
        expect(await readRotationRequired(connection, patientAddress, category)).toBe(false);
      }
    });
  });

  it("requests_denyWithAReason_clearsTheRequestOnChain", async () => {
    await timed("deny", async () => {
      const { page } = patient;
      const patientAddress = stack.account("patient1").address;
      const requester = stack.account("doctor2").address;
      await sendLedgerTransaction(stack.connection("doctor2"), "requestAccess", [patientAddress, 1 << NOTES, 0, TREATMENT]);

      await page.reload();
      await page.getByRole("button", { name: "Unlock" }).click();
      await page.getByRole("main").getByRole("link", { name: "Access requests (1 waiting)" }).click();
      const request = page.getByRole("listitem").filter({ hasText: REQUESTER_NAME });
      await request.getByText("may read general notes").waitFor();
      await request.getByText("Treatment").waitFor();
      await screenshot(page, "patient-sharing-requests");
      await request.getByRole("button", { name: `Deny the request from ${REQUESTER_NAME}` }).click();
      await request.getByLabel("Reason").selectOption({ label: "Not my provider" });
      await request.getByRole("button", { name: "Deny request" }).click();

      await page.getByText(`You declined the request from ${REQUESTER_NAME}.`).waitFor();
      await page.getByText(/Denial: confirmed/).waitFor();
      await page.getByText("No provider is waiting for an answer.").waitFor();

      const connection = stack.connection("patient1");
      expect(await readLedgerView(connection, "requestedAt", [patientAddress, requester])).toBe(0);
      const denials = await readLedgerEvents(connection, "AccessRequestDenied", { patient: patientAddress });
      expect(denials.map((event) => [event.args.requester, event.args.reasonCode])).toEqual([[requester, NOT_MY_PROVIDER]]);
    });
  });

  it("requests_approve_opensTheGrantFormWithTheRequestedScopeAndGrantsIt", async () => {
    await timed("approve", async () => {
      const { page } = patient;
      const patientAddress = stack.account("patient1").address;
      const requester = stack.account("doctor2").address;
      await sendLedgerTransaction(stack.connection("doctor2"), "requestAccess", [patientAddress, 1 << LABS, 0, TREATMENT]);

      await page.getByRole("button", { name: "Check for new requests" }).click();
      const request = page.getByRole("listitem").filter({ hasText: REQUESTER_NAME });
      await request.getByText("may read lab results").waitFor();
      await request.getByRole("button", { name: `Approve the request from ${REQUESTER_NAME}` }).click();

      await page.getByRole("heading", { name: "Share your records" }).waitFor();
      await page.getByRole("group", { name: "Chosen providers" }).getByText(REQUESTER_NAME).waitFor();
      expect(await page.getByRole("group", { name: "May read" }).getByLabel("Lab results").isChecked()).toBe(true);
      expect(await page.getByRole("group", { name: "May read" }).getByLabel("General notes").isChecked()).toBe(false);
      await page.getByRole("button", { name: "Grant access" }).click();
      await page.getByText(new RegExp(`^${REQUESTER_NAME} may read lab results, with no end date`)).waitFor();

      const grant = await readGrantOf(stack.connection("patient1"), patientAddress, requester);
      expect([grant.readScope, grant.writeScope, grant.expiresAt]).toEqual([1 << LABS, 0, 0]);
      await page.getByRole("link", { name: "See who has access" }).click();
    });
  });

  it("activity_inPlainLanguage_listsGrantsRecordsAndReadsAndFiltersByKind", async () => {
    await timed("activity", async () => {
      const { page } = patient;
      await page.getByRole("main").getByRole("link", { name: "Who accessed my data" }).click();
      await page.getByRole("heading", { name: "Who accessed my data" }).waitFor();
      const doctor = `${DOCTOR_NAME} (${HOSPITAL_NAME})`;
      const requester = `${REQUESTER_NAME} (${HOSPITAL_NAME})`;
      const lines = [
        "You added record #1 (general notes)",
        `You granted ${doctor} read access to lab results and read and write access to general notes until `,
        `${doctor} opened record #1 (general notes) for treatment`,
        `You withdrew access to general notes and lab results from ${doctor}`,
        `${requester} asked you for read access to general notes for treatment`,
        `You declined the access request from ${requester} (not my provider)`,
      ];
      const entries = page.getByRole("main").getByRole("listitem");
      for (const line of lines) await entries.filter({ hasText: line }).first().waitFor();
      expect(await page.getByText(/patient you|of patient/).count()).toBe(0);
      await screenshot(page, "patient-activity");
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, "patient-activity-phone");
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByLabel("Show").selectOption({ label: "Records opened (read receipts)" });
      await entries.filter({ hasText: `${doctor} opened record #1` }).waitFor();
      expect(await entries.count()).toBe(1);
    });
  });
});
