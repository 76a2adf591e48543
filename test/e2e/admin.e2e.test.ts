/**
 * The administrator's stories in Chromium against the real stack: register a hospital through the
 * form (commitment computed in the browser, profile published to IPFS), suspend and reactivate it,
 * set the sign-up fee, withdraw collected fees, pause and unpause.
 */
import type { Page } from "playwright-core";
import { parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { readLedgerEvents } from "../../web/src/core/chain/events.js";
import { readLedgerView, readParticipant } from "../../web/src/core/chain/views.js";
import { fetchProviderProfile } from "../../web/src/core/directory/publish.js";
import { identityCommitment, randomIdentitySalt } from "../../web/src/core/identity/commitment.js";
import { createIpfsStore } from "../../web/src/core/ipfs/store.js";
import { screenshot, useE2EBrowser, type PersonaSession } from "./support/browser.js";
import { startE2EStack, type E2EStack } from "./support/stack.js";
import { connectWallet } from "./support/story-steps.js";

const HOSPITAL_NAME = "St. Mary's General Hospital";
const NATIONAL_ID = "SMGH-2026-0042";

async function signIn(page: Page, stack: E2EStack): Promise<void> {
  await connectWallet(page, stack);
  await page.getByLabel(`Signed in as ${stack.account("admin").address}`).waitFor();
}

/** The row of the participants table whose first cell is `name`. */
function participantRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

describe("admin area", () => {
  const chromium = useE2EBrowser();
  let stack: E2EStack;
  let admin: PersonaSession;

  beforeAll(async () => {
    stack = await startE2EStack();
    admin = await chromium.open(stack, "admin");
    await signIn(admin.page, stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("registerForm_hospital_commitsToTheIdShownAndPublishesItsProfile", async () => {
    const { page, wallet } = admin;
    const hospital = stack.account("hospital").address;
    await page.getByRole("link", { name: "Register participant" }).first().click();
    const form = page.getByRole("form", { name: "Register a participant" });

    // Nothing is signed while a field is wrong: each error sits next to its field.
    const sentBefore = wallet.requests.filter((method) => method === "eth_sendRawTransaction" || method === "eth_sendTransaction").length;
    await form.getByRole("button", { name: "Register participant" }).click();
    await expect.poll(() => form.getByLabel("Wallet address").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("National ID").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Public name").getAttribute("aria-invalid")).toBe("true");

    await form.getByLabel("Kind").selectOption({ label: "Hospital" });
    await form.getByLabel("Wallet address").fill(hospital);
    await form.getByLabel("National ID").fill(NATIONAL_ID);
    await form.getByLabel("Public name").fill(HOSPITAL_NAME);
    await form.getByLabel("Specialty").fill("General hospital");
    const salt = await form.getByLabel("Identity salt").inputValue();
    expect(salt).toMatch(/^0x[0-9a-f]{64}$/);
    await form.getByRole("button", { name: "Register participant" }).click();
    await page.getByText(/Registration: confirmed/).waitFor();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "is registered" }).count()).toBe(1);
    // Still on the page after the registration: the salt the participant must keep.
    expect(await page.getByRole("button", { name: "Download salt" }).count()).toBe(1);
    const sentAfter = wallet.requests.filter((method) => method === "eth_sendRawTransaction" || method === "eth_sendTransaction").length;
    expect(sentAfter - sentBefore).toBe(1);

    const connection = stack.connection("admin");
    const participant = await readParticipant(connection, hospital);
    expect(participant.kind).toBe(3);
    const [registered] = await readLedgerEvents(connection, "ParticipantRegistered", { account: hospital });
    expect(registered?.args.identityCommitment).toBe(identityCommitment(NATIONAL_ID, salt));
    // Nothing of the ID itself is on chain: the event carries the commitment only.
    expect(JSON.stringify(registered, (_key, value) => (typeof value === "bigint" ? value.toString() : value))).not.toContain(NATIONAL_ID);
    const ipfs = createIpfsStore({ apiUrl: stack.ipfsApiUrl, retries: 0 });
    expect(await fetchProviderProfile(ipfs, participant.profileDigest)).toEqual({ name: HOSPITAL_NAME, specialty: "General hospital" });
  });

  it("registerForm_alreadyRegisteredWallet_saysSoWithoutAskingForASignature", async () => {
    const { page, wallet } = admin;
    await page.getByRole("button", { name: "Register another participant" }).click();
    const form = page.getByRole("form", { name: "Register a participant" });
    await form.getByLabel("Kind").selectOption({ label: "Auditor" });
    await form.getByLabel("Wallet address").fill(stack.account("hospital").address);
    await form.getByLabel("National ID").fill("X-1");
    const requestsBefore = wallet.requests.length;
    await form.getByRole("button", { name: "Register participant" }).click();
    await form.getByText("is already registered as a hospital").waitFor();
    expect(await form.getByLabel("Wallet address").getAttribute("aria-invalid")).toBe("true");
    expect(wallet.requests.slice(requestsBefore)).not.toContain("eth_sendRawTransaction");
    expect(wallet.requests.slice(requestsBefore)).not.toContain("eth_sendTransaction");
  });

  it("registerForm_doctorWithChosenHospital_isAffiliatedOnChain", async () => {
    const { page } = admin;
    const doctor = stack.account("doctor1").address;
    const form = page.getByRole("form", { name: "Register a participant" });
    await form.getByLabel("Kind").selectOption({ label: "Doctor" });
    await form.getByLabel("Wallet address").fill(doctor);
    await form.getByLabel("Hospital (optional)").selectOption({ label: HOSPITAL_NAME });
    await form.getByLabel("National ID").fill("DOC-77");
    await form.getByLabel("Public name").fill("Dr. Amara Okafor");
    await form.getByLabel("Specialty").fill("Cardiology");
    await screenshot(page, "admin-register");
    await form.getByRole("button", { name: "Register participant" }).click();
    await page.getByText(/Registration: confirmed/).waitFor();
    const participant = await readParticipant(stack.connection("admin"), doctor);
    expect([participant.kind, participant.affiliation]).toEqual([2, stack.account("hospital").address]);
  });

  it("participants_suspendThenReactivate_changesTheStatusOnChain", async () => {
    const { page } = admin;
    const hospital = stack.account("hospital").address;
    await page.getByRole("link", { name: "Participants" }).click();
    const row = participantRow(page, HOSPITAL_NAME);
    await row.waitFor();
    expect(await row.getByRole("cell", { name: "Active" }).count()).toBe(1);
    await screenshot(page, "admin-participants");

    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByRole("button", { name: "Yes, suspend" }).click();
    await row.getByRole("cell", { name: "Suspended" }).waitFor();
    expect((await readParticipant(stack.connection("admin"), hospital)).status).toBe(1);

    await row.getByRole("button", { name: "Reactivate" }).click();
    await row.getByRole("button", { name: "Yes, reactivate" }).click();
    await row.getByRole("cell", { name: "Active" }).waitFor();
    expect((await readParticipant(stack.connection("admin"), hospital)).status).toBe(0);

    await page.getByLabel("Show").selectOption({ label: "Patients" });
    await page.getByText("No patients registered").waitFor();
    await page.getByLabel("Show").selectOption({ label: "Doctors" });
    await participantRow(page, `Dr. Amara Okafor (${HOSPITAL_NAME})`).getByRole("cell", { name: HOSPITAL_NAME, exact: true }).waitFor();
    expect(await participantRow(page, HOSPITAL_NAME).count()).toBe(0);
  });

  it("settings_setFee_withdrawFees_pauseAndUnpause_takeEffectOnChain", async () => {
    const { page } = admin;
    const connection = stack.connection("admin");
    await page.getByRole("link", { name: "Settings" }).click();
    await expect.poll(() => page.getByTestId("current-fee").textContent()).toBe("0 ETH");

    await page.getByLabel("New sign-up fee (ETH)").fill("0.0x");
    await page.getByRole("button", { name: "Set fee" }).click();
    expect(await page.getByLabel("New sign-up fee (ETH)").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("New sign-up fee (ETH)").fill("0.01");
    await page.getByRole("button", { name: "Set fee" }).click();
    await expect.poll(() => page.getByTestId("current-fee").textContent()).toBe("0.01 ETH");
    expect(await readLedgerView(connection, "signUpFee", [])).toBe(parseEther("0.01"));

    // A patient signs up through the core, paying the fee; the admin then collects it.
    await sendLedgerTransaction(stack.connection("patient1"), "signUp", [`0x${"11".repeat(32)}`, identityCommitment("P-1", randomIdentitySalt())], { value: parseEther("0.01") });
    await page.reload();
    await expect.poll(() => page.getByTestId("collected-fees").textContent()).toBe("0.01 ETH");
    expect(await page.getByLabel("Send fees to").inputValue()).toBe(stack.account("admin").address);
    const adminBalanceBefore = await stack.publicClient.getBalance({ address: stack.account("admin").address });
    await page.getByRole("button", { name: "Withdraw fees" }).click();
    await expect.poll(() => page.getByTestId("collected-fees").textContent()).toBe("0 ETH");
    expect(await stack.publicClient.getBalance({ address: stack.ledgerAddress })).toBe(0n);
    // The withdrawal's gas costs far less than the fee it brought in.
    expect(await stack.publicClient.getBalance({ address: stack.account("admin").address })).toBeGreaterThan(adminBalanceBefore);
    await screenshot(page, "admin-settings");

    await page.getByRole("button", { name: "Pause the ledger" }).click();
    await page.getByRole("button", { name: "Yes, pause" }).click();
    await expect.poll(() => page.getByTestId("paused-state").textContent()).toMatch(/The ledger is paused/);
    expect(await readLedgerView(connection, "paused", [])).toBe(true);

    await page.getByRole("button", { name: "Unpause the ledger" }).click();
    await expect.poll(() => page.getByTestId("paused-state").textContent()).toMatch(/The ledger is running/);
    expect(await readLedgerView(connection, "paused", [])).toBe(false);
  });
});
