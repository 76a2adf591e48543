/**
 * The laboratory's and the insurer's stories in Chromium against the real stack. The lab sees the
 * patients who share lab results with it, adds a lab result for one who let it add them, and is told
 * up front that it cannot for one who only lets it read. The insurer sees only what patients share
 * in billing and claims, logs its read receipts for payment, and is offered nothing to add. Everything
 * that is not theirs to do (registrations, sign-ups, grants, records) is set up through the client
 * core in Node; chain state and events are asserted after each step.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { shortAddress } from "../../web/src/core/chain/address.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { readLedgerView } from "../../web/src/core/chain/views.js";
import { buildBillingClaim, buildClinicalNote, buildLabResult } from "../../web/src/core/clinical/index.js";
import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import type { Address } from "../../web/src/core/ledger-context.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectAndUnlock, KIND, registerProvider, signUpPatient, stepTimer } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const TREATMENT = 0;
const PAYMENT_AND_CLAIMS = 2;
const bit = (category: number) => 1 << category;

async function timelineEntries(page: Page): Promise<string[]> {
  const items = page.getByRole("list", { name: "Records, newest first" }).getByRole("listitem").filter({ has: page.getByRole("button", { name: /^(Open|Close) record #/ }) });
  return await items.evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label") ?? ""));
}

describe("lab and insurer", () => {
  const chromium = useE2EBrowser();
  const { timings, timed } = stepTimer();
  let stack: E2EStack;
  let writer: Address;
  let reader: Address;
  let lab: Address;
  let insurer: Address;

  beforeAll(async () => {
    await timed("setup", async () => {
      stack = await startE2EStack();
      const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
      const hospital = stack.account("hospital").address;
      [lab, insurer] = [stack.account("lab").address, stack.account("insurer").address];
      await registerProvider(stack, ipfs, { registrar: "admin", persona: "hospital", kind: KIND.hospital, profile: { name: HOSPITAL_NAME, specialty: "General hospital" }, withKey: true });
      await registerProvider(stack, ipfs, { registrar: "hospital", persona: "lab", kind: KIND.lab, affiliation: hospital, profile: { name: "St. Mary's Clinical Laboratory", specialty: "Clinical chemistry" }, withKey: true });
      await registerProvider(stack, ipfs, { registrar: "admin", persona: "insurer", kind: KIND.insurer, profile: { name: "Northwind Health Insurance", specialty: "Health insurer" }, withKey: true });

      // The first patient lets the lab add lab results, and shares billing (and notes) with the insurer.
      const alice = await signUpPatient(stack, "patient1", ipfs);
      writer = alice.identity.account;
      await addRecord(alice, { patient: writer, category: CATEGORY.notes, resource: buildClinicalNote({ title: "My diary", text: "Tired after meals." }) });
      await addRecord(alice, { patient: writer, category: CATEGORY.labs, resource: buildLabResult({ test: "Fasting glucose", value: "7.2", unit: "mmol/L", date: "2030-01-10" }) });
      await addRecord(alice, { patient: writer, category: CATEGORY.billing, resource: buildBillingClaim({ service: "Glucose test", amount: "45.00", currency: "EUR" }) });
      await grantAccess(alice.connection, alice.keyring, [
        { grantee: lab, readScope: bit(CATEGORY.labs), writeScope: bit(CATEGORY.labs), expiresAt: 0 },
        { grantee: insurer, readScope: bit(CATEGORY.billing) | bit(CATEGORY.notes), writeScope: 0, expiresAt: 0 },
      ]);
      // The second only lets the lab read lab results.
      const ben = await signUpPatient(stack, "patient2", ipfs);
      reader = ben.identity.account;
      await grantAccess(ben.connection, ben.keyring, [{ grantee: lab, readScope: bit(CATEGORY.labs), writeScope: 0, expiresAt: 0 }]);
    });
  });
  afterAll(async () => {
    console.info(`lab-insurer E2E timings (ms): ${JSON.stringify(timings)}`);
    await stack?.stop();
  });

  it("lab_patientWhoLetsItAddLabResults_getsANewLabResultOnChain", async () => {
    await timed("lab-adds", async () => {
      const { page }: PersonaSession = await chromium.open(stack, "lab");
      await connectAndUnlock(page, stack, "/lab");
      await page.getByRole("heading", { name: "My patients" }).waitFor();
      const rows = page.getByRole("list", { name: "Patients with access" }).getByRole("listitem");
      await rows.filter({ hasText: shortAddress(writer) }).getByText("May read and add lab results").waitFor();
      await rows.filter({ hasText: shortAddress(reader) }).getByText("May read lab results").waitFor();
      await screenshot(page, "lab");

      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(writer)}` }).click();
      // The patient's note is not the lab's business: only lab results are listed.
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #2, Lab results"]);
      await page.getByRole("button", { name: "Add a record" }).click();
      // One kind only: no choice to make.
      expect(await page.getByLabel("Kind of record").count()).toBe(0);
      await page.getByLabel("Test", { exact: true }).fill("HbA1c");
      await page.getByLabel("LOINC code").fill("4548-4");
      await page.getByLabel("Result", { exact: true }).fill("6.4");
      await page.getByLabel("Unit").fill("%");
      await page.getByLabel("Interpretation").selectOption({ label: "High" });
      await page.getByRole("button", { name: "Add record" }).click();
      await page.getByRole("heading", { name: "Record #4 added" }).waitFor();

      const connection = stack.connection("lab");
      const [added] = await readLedgerEvents(connection, "RecordAdded", { patient: writer, recordId: 4n });
      expect([added?.args.author, added?.args.category, added?.args.facility, added?.args.supersedes]).toEqual([lab, CATEGORY.labs, stack.account("hospital").address, 0n]);
      expect(await readLedgerView(connection, "recordCount", [writer])).toBe(4n);
      await page.getByRole("button", { name: "Close the form" }).click();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #4, Lab results", "Record #2, Lab results"]);
      await page.getByRole("button", { name: "Open record #4" }).click();
      await page.getByText(/Read receipt for record #4: confirmed/).waitFor();
      await page.getByRole("article", { name: /Lab result: HbA1c/ }).getByText("High", { exact: true }).first().waitFor();
      await screenshot(page, "lab-chart");
    });
  });

  it("lab_patientWhoOnlyLetsItRead_isToldUpFrontItCannotAdd", async () => {
    await timed("lab-read-only", async () => {
      const lab = await chromium.open(stack, "lab");
      const { page } = lab;
      await connectAndUnlock(page, stack, "/lab");
      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(reader)}` }).click();
      await page.getByRole("note").getByText(/has not given you permission to add records/).waitFor();
      expect(await page.getByRole("button", { name: "Add a record" }).count()).toBe(0);
      expect(await readLedgerView(stack.connection("lab"), "recordCount", [reader])).toBe(0n);
      await lab.close();
    });
  });

  it("insurer_sharedBillingAndNotes_seesOnlyBillingReadsItForPaymentAndCannotAdd", async () => {
    await timed("insurer", async () => {
      const { page } = await chromium.open(stack, "insurer");
      await connectAndUnlock(page, stack, "/insurer");
      await page.getByRole("heading", { name: "Shared with us" }).waitFor();
      const rows = page.getByRole("list", { name: "Patients with access" }).getByRole("listitem");
      // The grant also covers notes; an insurer's pages look at billing and claims alone.
      await rows.filter({ hasText: shortAddress(writer) }).getByText("May read billing and claims", { exact: true }).waitFor();
      expect(await rows.count()).toBe(1);
      await screenshot(page, "insurer");

      await page.getByRole("link", { name: `Open the chart of patient ${shortAddress(writer)}` }).click();
      await expect.poll(() => timelineEntries(page)).toEqual(["Record #3, Billing and claims"]);
      await page.getByText(/adding records is for their doctors, hospitals and laboratories/).waitFor();
      expect(await page.getByRole("button", { name: "Add a record" }).count()).toBe(0);

      await page.getByRole("button", { name: "Open record #3" }).click();
      await page.getByText(/Read receipt for record #3: confirmed/).waitFor();
      await page.getByRole("article").getByText("Glucose test").first().waitFor();
      expect(await page.getByRole("button", { name: /^(Amend|Retract) record/ }).count()).toBe(0);
      const receipts = await readLedgerEvents(stack.connection("insurer"), "RecordAccessed", { patient: writer, reader: insurer });
      expect(receipts.map(({ args }) => [args.recordId, args.purposeCode])).toEqual([[3n, PAYMENT_AND_CLAIMS]]);
      const labReceipts = await readLedgerEvents(stack.connection("insurer"), "RecordAccessed", { patient: writer, reader: lab });
      expect(labReceipts.map(({ args }) => [args.recordId, args.purposeCode])).toEqual([[4n, TREATMENT]]);
      await screenshot(page, "insurer-chart");
    });
  });
});
