/**
 * The audit console in Chromium against the real stack: a hospital, its doctor and two patients make
 * a small history through the client core in Node (records on IPFS, a grant, a read receipt, a
 * doctor's record, a revoke; one record's manifest then lost from IPFS). The auditor reads who did
 * what under which grant, narrows the log to one record and exports it, reviews a patient's grants,
 * records and reads, checks integrity in bulk, looks at the charts, and comes back to a log kept in
 * the browser.
 */
import { readFileSync } from "node:fs";

import type { AuditEvent } from "@medplum/fhirtypes";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readAccessLog } from "../../web/src/core/access-log/entries.js";
import type { AccessLogEntry } from "../../web/src/core/access-log/entry.js";
import { auditEventFacts } from "../../web/src/core/access-log/export/audit-event-bundle.js";
import { parseAccessLogCsv } from "../../web/src/core/access-log/export/access-log-csv.js";
import { shortAddress } from "../../web/src/core/chain/address.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { manifestCid } from "../../web/src/core/ipfs/cid.js";
import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { grantAccess, revokeAccess } from "../../web/src/core/scope-keys/grants.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectWallet, KIND, registerHospitalAndDoctor, registerProvider, servicesOf, signUpPatient } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const DOCTOR_NAME = "Dr. Amara Okafor";
const DOCTOR_SHOWN = `${DOCTOR_NAME} (${HOSPITAL_NAME})`;
const TREATMENT = 0;

interface History {
  /** patient1's own record, read by the doctor under the grant. */
  readRecordId: bigint;
  /** Every entry, as the chain has it. */
  entries: AccessLogEntry[];
}

async function makeHistory(stack: E2EStack): Promise<History> {
  const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
  const patient1 = stack.account("patient1").address;
  const doctor = stack.account("doctor1").address;

  await registerProvider(stack, ipfs, { registrar: "admin", persona: "auditor", kind: KIND.auditor, withKey: false });
  await registerHospitalAndDoctor(stack, ipfs, { hospital: HOSPITAL_NAME, doctor: DOCTOR_NAME, specialty: "Cardiology" });

  const alice = await signUpPatient(stack, "patient1", ipfs);
  const own = await addRecord(alice, { patient: patient1, category: CATEGORY.patientReported, resource: { resourceType: "Observation", status: "final", code: { text: "Symptom diary" } } });
  await grantAccess(alice.connection, alice.keyring, [{ grantee: doctor, readScope: (1 << CATEGORY.patientReported) | (1 << CATEGORY.notes), writeScope: 1 << CATEGORY.notes, expiresAt: 0 }]);
  await sendLedgerTransaction(stack.connection("doctor1"), "logAccess", [patient1, own.recordId, TREATMENT]);
  const doctorServices = await servicesOf(stack, "doctor1", ipfs);
  await addRecord(doctorServices, { patient: patient1, category: CATEGORY.notes, resource: { resourceType: "Observation", status: "final", code: { text: "Follow-up note" } } });
  await revokeAccess(alice.connection, alice.keyring, doctor);

  const ben = await signUpPatient(stack, "patient2", ipfs);
  const lost = await addRecord(ben, { patient: ben.identity.account, category: CATEGORY.patientReported, resource: { resourceType: "Observation", status: "final", code: { text: "Sleep log" } } });
  // The node loses the manifest (unpinning collects its block): the chain's claim now points at nothing.
  await ipfs.pinRm(manifestCid(lost.contentDigest));

  return { readRecordId: own.recordId, entries: await readAccessLog(stack.connection("auditor")) };
}

/** The text of every body row's cell `column` (1-based) of the table captioned `caption`. */
async function column(page: Page, caption: string | RegExp, index: number): Promise<string[]> {
  return await page.locator("table", { has: page.locator("caption", { hasText: caption }) }).locator(`tbody tr td:nth-child(${index})`).allTextContents();
}

/** The bodies of the JSON-RPC calls the page sends to the chain, each call on its own (batches unpacked). */
function rpcCalls(page: Page, rpcUrl: string): { method: string; params: unknown[] }[] {
  const calls: { method: string; params: unknown[] }[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(rpcUrl) || request.method() !== "POST") return;
    const body = JSON.parse(request.postData() ?? "null") as { method: string; params: unknown[] } | { method: string; params: unknown[] }[];
    calls.push(...(Array.isArray(body) ? body : [body]));
  });
  return calls;
}

describe("audit console", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let history: History;
  let auditor: PersonaSession;

  beforeAll(async () => {
    stack = await startE2EStack();
    history = await makeHistory(stack);
    // A block the node does not hold is HTTP 500 from Kubo's RPC (and ours), which Chromium logs.
    auditor = await chromium.open(stack, "auditor", { allowErrors: ["Failed to load resource: the server responded with a status of 500 (Internal Server Error)"] });
    await connectWallet(auditor.page, stack, "/auditor");
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("accessLog_providerRead_namesTheDoctorWithFacilityAndTheGrantItHappenedUnder", async () => {
    const { page } = auditor;
    await page.getByRole("heading", { name: "Access log" }).waitFor();
    await page.getByText(`${history.entries.length} entries, read up to block`).waitFor();
    // The rows wait for the providers' names, which come from the synced log once it is read.
    await page.locator("table", { has: page.locator("caption", { hasText: "Access log entries, newest first" }) }).locator("tbody tr").first().waitFor();
    const patient = shortAddress(stack.account("patient1").address);
    const readLine = `${DOCTOR_SHOWN} opened record #${history.readRecordId} (patient-reported data) of patient ${patient} for treatment`;
    const caption = "Access log entries, newest first";
    const actions = await column(page, caption, 3);
    const row = actions.indexOf(readLine);
    expect(row).toBeGreaterThan(-1);
    expect((await column(page, caption, 2))[row]).toBe(DOCTOR_SHOWN);
    expect((await column(page, caption, 6))[row]).toMatch(/^Grant of .+: read patient-reported data; read and write general notes$/);
    // Registrations need no grant; the patient's own record is their own data.
    expect((await column(page, caption, 6)).filter((cell) => cell === "Own data").length).toBeGreaterThan(0);
    expect((await column(page, caption, 6)).some((cell) => cell.startsWith("No grant covered this"))).toBe(false);
    await screenshot(page, "audit-console-log");
  });

  it("accessLog_oneRecordOfOnePatient_exportsExactlyThoseEntriesAsCsvAndFhir", async () => {
    const { page } = auditor;
    const patient = stack.account("patient1").address;
    await page.getByLabel("Patient address").fill(patient);
    await page.getByLabel("Category").selectOption({ label: "Patient-reported data" });
    await page.getByLabel("Record").fill(`#${history.readRecordId}`);
    const caption = "Access log entries, newest first";
    await expect.poll(() => column(page, caption, 3)).toEqual([
      `${DOCTOR_SHOWN} opened record #1 (patient-reported data) of patient ${shortAddress(patient)} for treatment`,
      "The patient added record #1 (patient-reported data)",
    ]);
    const expected = history.entries.filter((entry) => entry.patient === patient && entry.recordId === history.readRecordId && entry.categories?.[0] === CATEGORY.patientReported);
    expect(expected.map((entry) => entry.action)).toEqual(["record-added", "record-read"]);

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(new RegExp(`^ehr-ledger-access-log-chain-1337-patient-${patient.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const rows = parseAccessLogCsv(readFileSync(await csvDownload.path(), "utf8"));
    expect(rows.map((csv) => [csv.action, csv.transaction, csv.actor_name])).toEqual(expected.map((entry) => [entry.action, entry.transactionHash, entry.action === "record-read" ? DOCTOR_SHOWN : ""]));
    const granted = history.entries.find((entry) => entry.action === "access-granted");
    expect(rows.map((csv) => [csv.under_grant.split(":")[0], csv.grant_transaction])).toEqual([["own data", ""], [`grant of ${new Date(granted!.timestamp * 1000).toISOString().slice(0, 13)}`, granted?.transactionHash]]);

    const [fhirDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download FHIR AuditEvent bundle" }).click()]);
    expect(fhirDownload.suggestedFilename()).toMatch(/\.fhir\.json$/);
    const bundle = JSON.parse(readFileSync(await fhirDownload.path(), "utf8")) as { resourceType: string; entry: { resource: AuditEvent }[] };
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.entry.map((item) => auditEventFacts(item.resource))).toEqual(expected.map((entry) => expect.objectContaining({ action: entry.action, transactionHash: entry.transactionHash, recordId: entry.recordId })));
    expect(bundle.entry.map((item) => item.resource.agent?.[0]?.policy)).toEqual([undefined, [`urn:ehr-ledger:grant:${granted?.transactionHash}:${granted?.logIndex}`]]);
    await page.getByText(`Saved 2 entries as FHIR AuditEvent bundle`).waitFor();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
  });

  it("patientPage_afterARevoke_showsTheEndedGrantTheReadUnderItAndVerifiesTheRecords", async () => {
    const { page } = auditor;
    const patient = stack.account("patient1").address;
    await page.getByRole("link", { name: "Patients", exact: true }).click();
    const patients = page.locator("table", { has: page.locator("caption", { hasText: "newest sign-up first" }) });
    await patients.waitFor();
    expect(await column(page, "newest sign-up first", 1)).toEqual([shortAddress(stack.account("patient2").address), shortAddress(patient)]);
    // Two records, one read by someone else, no grant in force after the revoke.
    expect((await patients.locator("tbody tr").nth(1).locator("td").allTextContents()).slice(2)).toEqual(["2", "1", "0"]);
    await patients.getByRole("link", { name: shortAddress(patient) }).click();
    await page.getByRole("heading", { name: `Patient ${shortAddress(patient)}` }).waitFor();

    expect(await column(page, "Every grant this patient gave", 1)).toEqual([DOCTOR_SHOWN]);
    expect((await column(page, "Every grant this patient gave", 5))[0]).toMatch(/^Revoked /);
    expect(await page.locator(".gantt-bar").count()).toBe(1);
    expect(await page.locator(".gantt-bar").first().getAttribute("title")).toMatch(new RegExp(`^${DOCTOR_SHOWN.replace(/[().]/g, "\\$&")}: read patient-reported data; read and write general notes, .+ \\(revoked\\)$`));
    expect(await column(page, "Who opened which record", 2)).toEqual([DOCTOR_SHOWN]);
    expect((await column(page, "Who opened which record", 5))[0]).toMatch(/^Grant of /);

    await page.getByRole("button", { name: "Check all 2 records" }).click();
    await page.getByText("2 records: 2 verified, 0 mismatch, 0 missing, 0 not checked.").waitFor();
    expect(await column(page, "This patient's record versions", 6)).toEqual([
      expect.stringMatching(/^Verified — The manifest and all 1 encrypted part of 1 file \(.+\) match\. Check again$/),
      expect.stringMatching(/^Verified — /),
    ]);
    await screenshot(page, "audit-console-patient");
  });

  it("integrityPage_everyRecord_findsTheLostManifestMissingAndTheRestVerified", async () => {
    const { page } = auditor;
    await page.getByRole("link", { name: "Integrity", exact: true }).click();
    await page.getByRole("heading", { name: "Record integrity" }).waitFor();
    // The patient's page checked two already: verdicts last the visit.
    await page.getByText("3 records: 2 verified, 0 mismatch, 0 missing, 1 not checked.").waitFor();
    await page.getByLabel("What to fetch").selectOption({ label: "The manifest only (one small fetch per record)" });
    await page.getByRole("button", { name: "Check all 3 records" }).click();
    await page.getByText("3 records: 2 verified, 0 mismatch, 1 missing, 0 not checked.").waitFor();

    await page.getByLabel("Show").selectOption({ label: "Missing" });
    const ben = shortAddress(stack.account("patient2").address);
    expect(await column(page, "Record versions, newest first", 2)).toEqual([ben]);
    expect((await column(page, "Record versions, newest first", 7))[0]).toMatch(new RegExp(`^Missing — Record #1 of patient ${ben.replace("…", ".")}: .*not on the IPFS node`));
    await screenshot(page, "audit-console-integrity");
  });

  it("overviewPage_history_chartsEntriesPerDayTopReadersAndGrantsInForce", async () => {
    const { page } = auditor;
    await page.getByRole("link", { name: "Overview", exact: true }).click();
    await page.getByRole("heading", { name: "Entries per day, by action" }).waitFor();
    expect(await page.getByRole("img", { name: new RegExp(`^${history.entries.length} entries over \\d+ days`) }).count()).toBe(1);
    expect(await column(page, "Who opened the most records of other people", 1)).toEqual([DOCTOR_SHOWN]);
    expect(await column(page, "Who opened the most records of other people", 2)).toEqual(["1"]);
    // The doctor's grant was revoked: nothing is in force at the end of the range.
    expect(await page.getByRole("img", { name: /^Grants in force: 0 at the end of the range/ }).count()).toBe(1);
    await screenshot(page, "audit-console-overview");
  });

  it("accessLog_secondVisit_opensFromTheBrowsersCopyAndReadsOnlyNewBlocks", async () => {
    const { page } = auditor;
    const keptTo = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
    const patient = stack.account("patient1").address;
    // One more entry after the first visit: the patient opens their own record.
    await sendLedgerTransaction(stack.connection("patient1"), "logAccess", [patient, history.readRecordId, TREATMENT]);
    const calls = rpcCalls(page, stack.rpcUrl);
    await page.reload();
    await page.getByRole("link", { name: "Access log", exact: true }).click();
    await page.getByText(`${history.entries.length + 1} entries, read up to block`).waitFor();
    // The log reader asks for every event of the contract (no topics); the directory asks by event.
    const logReads = calls.filter((call) => call.method === "eth_getLogs" && ((call.params[0] as { topics?: unknown[] }).topics ?? []).length === 0);
    expect(logReads.length).toBeGreaterThan(0);
    expect(logReads.map((call) => BigInt((call.params[0] as { fromBlock: string }).fromBlock) > keptTo)).toEqual(logReads.map(() => true));
    await expect.poll(async () => (await column(page, "Access log entries, newest first", 3))[0]).toBe("The patient opened record #1 (patient-reported data) for treatment");
  });
});
