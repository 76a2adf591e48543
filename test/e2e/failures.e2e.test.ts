/**
 * What goes wrong, in Chromium against the real stack: the user declines a signature, the wallet is
 * on another network, the IPFS node is down during an upload, a grant runs out, the portal locks
 * itself after the idle time, and the wallet switches accounts. Each test shows the page's sentence
 * and checks on chain that nothing happened that should not have. Preconditions that are not the
 * subject of a test are set up through the client core in Node.
 */
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { shortAddress } from "../../web/src/core/chain/address.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { readGrantOf, readLedgerView, ZERO_KEY } from "../../web/src/core/chain/views.js";
import { buildSymptomReport } from "../../web/src/core/clinical/index.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import { addRecord } from "../../web/src/core/records/add-record.js";
import { openRecord } from "../../web/src/core/records/open-record.js";
import type { RecordServices } from "../../web/src/core/records/services.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { readAllBytes } from "../../web/src/core/streams.js";
import { kuboDeterministicBytes } from "../scripts/ipfs-node/support.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { CATEGORY, connectAndUnlock, connectWallet, KIND, NO_AFFILIATION, registerHospitalAndDoctor, registerProvider, sentTransactions, signaturesAsked, signUpPatient, stepTimer } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const DOCTOR_NAME = "Dr. Amara Okafor";
const FIRST_SYMPTOMS = "Dry cough at night for a week";
const SECOND_SYMPTOMS = "Swollen ankle after a fall on the stairs";
const SCAN_NAME = "ankle-scan.bin";
const SCAN = kuboDeterministicBytes(300_000, "failures ankle scan");
/** What Chromium logs for each request to a stopped IPFS node. */
const NODE_DOWN = "net::ERR_CONNECTION_REFUSED";

const { timings, timed } = stepTimer();

describe("failures in the browser", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let ipfs: IpfsStore;
  let patientServices: RecordServices;
  let admin: PersonaSession;
  let patient: PersonaSession;

  beforeAll(async () => {
    await timed("setup", async () => {
      stack = await startE2EStack();
      ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
      await registerHospitalAndDoctor(stack, ipfs, { hospital: HOSPITAL_NAME, doctor: DOCTOR_NAME, specialty: "Cardiology" });
      await registerProvider(stack, ipfs, { registrar: "admin", persona: "auditor", kind: KIND.auditor, withKey: false });
      // The patient's own record makes the patient-reported key exist: a later upload then needs no key transaction.
      patientServices = await signUpPatient(stack, "patient1", ipfs);
      await addRecord(patientServices, { patient: stack.account("patient1").address, category: CATEGORY.patientReported, resource: buildSymptomReport({ symptoms: FIRST_SYMPTOMS }) });
    });
  });
  afterAll(async () => {
    console.info(`failures E2E timings (ms): ${JSON.stringify(timings)}`);
    await stack?.stop();
  });

  it("setSignUpFee_walletDeclinesTheSignature_saysDeclinedSendsNothingAndARetrySucceeds", async () => {
    await timed("declined-signature", async () => {
      admin = await chromium.open(stack, "admin");
      const { page, wallet } = admin;
      await connectWallet(page, stack, "/admin/settings");
      await page.getByRole("heading", { name: "Settings" }).waitFor();
      await expect.poll(() => page.getByTestId("current-fee").textContent()).toBe("0 ETH");
      const sentBefore = await sentTransactions(stack, "admin");
      const blockBefore = await stack.publicClient.getBlockNumber();

      wallet.rejectNext("eth_sendTransaction");
      await page.getByLabel("New sign-up fee (ETH)").fill("0.02");
      await page.getByRole("button", { name: "Set fee" }).click();
      const declined = page.getByRole("alert").filter({ hasText: "Fee change failed: The wallet declined to sign setSignUpFee; nothing was sent." });
      await declined.waitFor();
      await screenshot(page, "failures-declined-signature");
      expect(wallet.requests).toContain("eth_sendTransaction");
      expect(await sentTransactions(stack, "admin")).toBe(sentBefore);
      expect(await stack.publicClient.getBlockNumber()).toBe(blockBefore);
      expect(await readLedgerView(stack.connection("admin"), "signUpFee", [])).toBe(0n);
      expect(await readLedgerEvents(stack.connection("admin"), "SignUpFeeChanged")).toEqual([]);

      expect(await page.getByLabel("New sign-up fee (ETH)").inputValue()).toBe("0.02");
      await page.getByRole("button", { name: "Set fee" }).click();
      await page.getByText(/Fee change: confirmed/).waitFor();
      await expect.poll(() => page.getByTestId("current-fee").textContent()).toBe("0.02 ETH");
      expect(await declined.count()).toBe(0);
      expect(await sentTransactions(stack, "admin")).toBe(sentBefore + 1);
      expect(await readLedgerView(stack.connection("admin"), "signUpFee", [])).toBe(parseEther("0.02"));
      const changes = await readLedgerEvents(stack.connection("admin"), "SignUpFeeChanged");
      expect(changes.map(({ args }) => [args.previousFee, args.newFee])).toEqual([[0n, parseEther("0.02")]]);
    });
  });

  it("wrongChain_walletOnMainnet_promptsASwitchThatBringsThePortalBack", async () => {
    await timed("wrong-chain", async () => {
      const { page, wallet } = admin;
      const sentBefore = await sentTransactions(stack, "admin");
      wallet.setChain(1);
      await page.getByRole("heading", { name: "Switch network" }).waitFor();
      await page.getByText("Your wallet is on network 1;").waitFor();
      expect(await page.getByRole("heading", { name: "Settings" }).count()).toBe(0);
      await screenshot(page, "failures-wrong-chain");

      await page.getByRole("button", { name: `Switch to ${stack.config.chainName}` }).click();
      await page.getByRole("heading", { name: "Settings" }).waitFor();
      await expect.poll(() => page.getByTestId("current-fee").textContent()).toBe("0.02 ETH");
      expect(wallet.requests).toContain("wallet_switchEthereumChain");
      expect(await page.getByRole("heading", { name: "Switch network" }).count()).toBe(0);
      expect(await sentTransactions(stack, "admin")).toBe(sentBefore);
      expect(await readLedgerView(stack.connection("admin"), "signUpFee", [])).toBe(parseEther("0.02"));
    });
  });

  it("addRecord_ipfsNodeDownDuringTheUpload_showsAClearErrorRecordsNothingAndARetrySucceeds", async () => {
    await timed("ipfs-down", async () => {
      patient = await chromium.open(stack, "patient1", { allowErrors: [NODE_DOWN] });
      const { page } = patient;
      const me = stack.account("patient1").address;
      await connectAndUnlock(page, stack);
      await page.getByRole("navigation").getByRole("link", { name: "Add record" }).click();
      await page.getByLabel("Symptoms").fill(SECOND_SYMPTOMS);
      await page.getByLabel("Files (optional)").setInputFiles({ name: SCAN_NAME, mimeType: "application/octet-stream", buffer: Buffer.from(SCAN) });
      await page.getByRole("list", { name: "Chosen files" }).getByText(SCAN_NAME).waitFor();
      const sentBefore = await sentTransactions(stack, "patient1");

      await stack.stopIpfs();
      await page.getByRole("button", { name: "Add record" }).click();
      const error = page.getByRole("alert").filter({ hasText: `IPFS add failed: the node at ${stack.ipfsApiUrl} could not be reached` });
      await error.waitFor();
      await error.getByText(/The node may be down or the RPC URL wrong; check that it is running and try again\./).waitFor();
      const steps = page.getByRole("list", { name: "Steps of adding the record" });
      await steps.getByText("Encrypting and uploading — failed").waitFor();
      await steps.getByText("Preparing the category key — done").waitFor();
      await steps.getByText("Recording it on the ledger — waiting").waitFor();
      await screenshot(page, "failures-ipfs-down");
      expect(await readLedgerView(stack.connection("patient1"), "recordCount", [me])).toBe(1n);
      expect(await sentTransactions(stack, "patient1")).toBe(sentBefore);
      expect((await readLedgerEvents(stack.connection("patient1"), "RecordAdded", { patient: me })).map(({ args }) => args.recordId)).toEqual([1n]);

      await stack.startIpfs();
      await page.getByRole("button", { name: "Try again" }).click();
      await page.getByRole("heading", { name: "Record #2 added" }).waitFor();
      await page.getByText(/Record: confirmed/).waitFor();
      expect(await readLedgerView(stack.connection("patient1"), "recordCount", [me])).toBe(2n);
      expect(await sentTransactions(stack, "patient1")).toBe(sentBefore + 1);
      const [added] = await readLedgerEvents(stack.connection("patient1"), "RecordAdded", { patient: me, recordId: 2n });
      expect([added?.args.author, added?.args.category, added?.args.epoch, added?.args.facility, added?.args.supersedes]).toEqual([me, CATEGORY.patientReported, 1, NO_AFFILIATION, 0n]);
      expect(added?.args.contentDigest).not.toBe(ZERO_KEY);
      const opened = await openRecord(patientServices, me, 2n);
      try {
        expect(opened.document.resource).toMatchObject({ valueString: SECOND_SYMPTOMS });
        expect(await readAllBytes(opened.openAttachment(1))).toEqual(SCAN);
      } finally {
        opened.close();
      }
    });
  });

  it("expiredGrant_afterTheChainPassesTheExpiry_closesTheDoctorsChartAndShowsAsExpiredToBoth", async () => {
    await timed("expired-grant", async () => {
      const { page } = patient;
      const me = stack.account("patient1").address;
      const doctorAddress = stack.account("doctor1").address;
      const now = Number((await stack.publicClient.getBlock()).timestamp);
      const expiresAt = now + 86_400;
      await grantAccess(patientServices.connection, patientServices.keyring, [{ grantee: doctorAddress, readScope: 1 << CATEGORY.patientReported, writeScope: 0, expiresAt }]);
      const grants = await readLedgerEvents(stack.connection("patient1"), "AccessGranted", { patient: me, grantee: doctorAddress });
      expect(grants.map(({ args }) => [args.readScope, args.writeScope, args.expiresAt])).toEqual([[1 << CATEGORY.patientReported, 0, expiresAt]]);
      await page.getByRole("navigation").getByRole("link", { name: "Sharing" }).click();
      await page.getByRole("list", { name: "Active grants" }).getByRole("listitem").filter({ hasText: DOCTOR_NAME }).waitFor();

      // The doctor has the chart open while the grant holds. The page's clock is Playwright's, so
      // the chart's 15-second re-check of the grant can be brought forward instead of waited for.
      const doctor = await chromium.open(stack, "doctor1");
      await doctor.page.clock.install();
      await connectAndUnlock(doctor.page, stack, "/doctor");
      await doctor.page.getByRole("link", { name: `Open the chart of patient ${shortAddress(me)}` }).click();
      await doctor.page.getByRole("heading", { name: `Patient ${shortAddress(me)}` }).waitFor();
      await doctor.page.getByRole("button", { name: "Open record #2" }).waitFor();
      expect(await readLedgerView(stack.connection("doctor1"), "hasAccess", [me, doctorAddress, CATEGORY.patientReported, false])).toBe(true);

      await stack.increaseTime(2 * 86_400);
      expect(await readLedgerView(stack.connection("doctor1"), "hasAccess", [me, doctorAddress, CATEGORY.patientReported, false])).toBe(false);
      // The grant itself stays on chain as it was: it is the chain's clock that ended it.
      expect((await readGrantOf(stack.connection("doctor1"), me, doctorAddress)).expiresAt).toBe(expiresAt);

      await doctor.page.clock.fastForward(16_000);
      await doctor.page.getByText("Your access to this patient's records has ended").waitFor();
      expect(await doctor.page.getByRole("button", { name: /^Open record #/ }).count()).toBe(0);
      await screenshot(doctor.page, "failures-expired-grant-doctor");
      await doctor.page.getByRole("link", { name: "Back to your patients" }).click();
      const expiredRow = doctor.page.getByRole("list", { name: "Expired access" }).getByRole("listitem", { name: `Patient ${shortAddress(me)}` });
      await expiredRow.getByText(/^Expired/).waitFor();
      expect(await doctor.page.getByRole("list", { name: "Patients with access" }).count()).toBe(0);
      expect(await doctor.page.getByRole("link", { name: `Open the chart of patient ${shortAddress(me)}` }).count()).toBe(0);
      await doctor.close();

      await page.reload();
      await page.getByRole("button", { name: "Unlock" }).click();
      const expired = page.getByRole("list", { name: "Expired grants" }).getByRole("listitem").filter({ hasText: DOCTOR_NAME });
      await expired.waitFor();
      await expired.getByText(/^Expired /).waitFor();
      expect(await page.getByRole("list", { name: "Active grants" }).count()).toBe(0);
      await screenshot(page, "failures-expired-grant-patient");
    });
  });

  it("switchAccount_patientToAuditor_wipesThePatientsKeysAndRecordsAndLoadsTheAuditorsLog", async () => {
    await timed("account-switch", async () => {
      const { page, wallet } = patient;
      const me = stack.account("patient1").address;
      await page.getByRole("navigation").getByRole("link", { name: "Records" }).click();
      await page.getByRole("button", { name: "Open record #1" }).click();
      await page.getByText(FIRST_SYMPTOMS, { exact: true }).waitFor();

      wallet.switchAccount("auditor");
      await page.getByRole("heading", { name: "Access log" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/auditor");
      await page.getByLabel(`Signed in as ${stack.account("auditor").address}`).waitFor();
      // The auditor's role is loaded: the public log, with the patient's record as a line and nothing decrypted.
      await page.locator("tbody tr").filter({ hasText: "The patient added record #2 (patient-reported data)" }).filter({ hasText: shortAddress(me) }).waitFor();
      expect(await page.getByText(FIRST_SYMPTOMS).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Open record #1" }).count()).toBe(0);

      // Back on the patient's account, the keys are gone too: the patient signs again before anything opens.
      const signaturesBefore = signaturesAsked(wallet);
      wallet.switchAccount("patient1");
      await page.getByRole("heading", { name: "Unlock your records" }).waitFor();
      await page.getByText("Your wallet switched accounts; the previous account's keys and data were wiped.").waitFor();
      expect(await page.getByText(FIRST_SYMPTOMS).count()).toBe(0);
      await page.getByRole("button", { name: "Unlock" }).click();
      await page.getByRole("button", { name: "Open record #1" }).click();
      await page.getByText(FIRST_SYMPTOMS, { exact: true }).waitFor();
      expect(signaturesAsked(wallet)).toBe(signaturesBefore + 1);
    });
  });
});

describe("idle auto-lock in the browser", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;

  beforeAll(async () => {
    stack = await startE2EStack({ idleLockMinutes: 1 });
    const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
    const patient = await signUpPatient(stack, "patient1", ipfs);
    await addRecord(patient, { patient: stack.account("patient1").address, category: CATEGORY.patientReported, resource: buildSymptomReport({ symptoms: FIRST_SYMPTOMS }) });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("idleLock_afterAMinuteWithoutInput_asksToUnlockAgainAndTheDecryptedRecordIsGone", async () => {
    await timed("idle-lock", async () => {
      const { page, wallet } = await chromium.open(stack, "patient1");
      // The idle timer runs on the page's clock: Playwright's fake clock lets the minute pass at once.
      await page.clock.install();
      await connectAndUnlock(page, stack);
      await page.getByRole("button", { name: "Open record #1" }).click();
      await page.getByText(FIRST_SYMPTOMS, { exact: true }).waitFor();

      await page.clock.fastForward(30_000);
      expect(await page.getByText(FIRST_SYMPTOMS, { exact: true }).count()).toBe(1);
      await page.clock.fastForward(31_000);
      await page.getByRole("heading", { name: "Unlock your records" }).waitFor();
      await page.getByText("The portal locked itself after a period without activity; your keys and decrypted records were wiped from memory.").waitFor();
      expect(await page.getByText(FIRST_SYMPTOMS).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Open record #1" }).count()).toBe(0);
      await screenshot(page, "failures-idle-lock");

      const signaturesBefore = signaturesAsked(wallet);
      await page.getByRole("button", { name: "Unlock" }).click();
      await page.getByRole("button", { name: "Open record #1" }).click();
      await page.getByText(FIRST_SYMPTOMS, { exact: true }).waitFor();
      // The keys were really gone: unlocking took a new signature from the wallet.
      expect(signaturesAsked(wallet)).toBe(signaturesBefore + 1);
    });
  });
});
