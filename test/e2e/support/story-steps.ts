/**
 * Shared steps of the story and failure E2E tests: what a persona does in the browser to get in
 * (connect, unlock), and what is set up through the client core in Node when a test is not about it
 * (providers with public profiles and keys, a patient signed up with a key, a record).
 */
import type { Page } from "playwright-core";
import type { Hex } from "viem";

import { sendLedgerTransaction } from "../../../web/src/core/chain/transactions.js";
import { ZERO_KEY } from "../../../web/src/core/chain/views.js";
import { publishProviderProfile } from "../../../web/src/core/directory/publish.js";
import { identityCommitment, randomIdentitySalt } from "../../../web/src/core/identity/commitment.js";
import { enrollIdentity } from "../../../web/src/core/identity/enrollment.js";
import type { Identity } from "../../../web/src/core/identity/identity.js";
import { walletClientSigner } from "../../../web/src/core/identity/signer.js";
import type { IpfsStore } from "../../../web/src/core/ipfs/store.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import type { RecordServices } from "../../../web/src/core/records/services.js";
import { ScopeKeyring } from "../../../web/src/core/scope-keys/keyring.js";
import { E2E_WALLET_NAME, type InjectedWallet } from "./injected-wallet.js";
import type { E2EStack, PersonaId } from "./stack.js";

export const NO_AFFILIATION: Address = `0x${"00".repeat(20)}`;
export const KIND = { patient: 1, doctor: 2, hospital: 3, insurer: 4, lab: 5, auditor: 6 } as const;
export const CATEGORY = { notes: 0, labs: 1, imaging: 2, prescriptions: 3, billing: 4, mentalHealth: 5, genomics: 6, patientReported: 7 } as const;

/** `persona`'s encryption identity, derived from its wallet's signature exactly as the portal derives it. */
export async function identityOf(stack: E2EStack, persona: PersonaId): Promise<Identity> {
  const { walletClient } = stack.connection(persona);
  if (walletClient === undefined) throw new Error(`${persona} has no wallet`);
  return await enrollIdentity(walletClientSigner(walletClient), { chainId: stack.chainId, contract: stack.ledgerAddress });
}

/** What `persona` needs to add and open records in Node, with an empty keyring. */
export async function servicesOf(stack: E2EStack, persona: PersonaId, ipfs: IpfsStore): Promise<RecordServices> {
  const identity = await identityOf(stack, persona);
  return { connection: stack.connection(persona), identity, keyring: new ScopeKeyring(identity), ipfs };
}

export interface ProviderSetup {
  registrar: PersonaId;
  persona: PersonaId;
  kind: number;
  affiliation?: Address;
  /** The public directory profile; none for an auditor. */
  profile?: { name: string; specialty: string };
  /** Register with the persona's encryption key already on chain (otherwise it sets it up at first sign-in). */
  withKey: boolean;
}

/** Registers a provider (or auditor) through the core, with its profile published to IPFS. */
export async function registerProvider(stack: E2EStack, ipfs: IpfsStore, setup: ProviderSetup): Promise<void> {
  const profileDigest = setup.profile === undefined ? ZERO_KEY : await publishProviderProfile(ipfs, setup.profile);
  const key: Hex = setup.withKey ? (await identityOf(stack, setup.persona)).publicKeyHex : ZERO_KEY;
  const commitment = identityCommitment(`${setup.persona}-national-id`, randomIdentitySalt());
  await sendLedgerTransaction(stack.connection(setup.registrar), "registerParticipant", [
    stack.account(setup.persona).address,
    setup.kind,
    setup.affiliation ?? NO_AFFILIATION,
    key,
    commitment,
    profileDigest,
  ]);
}

/** The demo hospital (registered by the admin) and its doctor1 (registered by the hospital), both with public profiles and keys. */
export async function registerHospitalAndDoctor(stack: E2EStack, ipfs: IpfsStore, names: { hospital: string; doctor: string; specialty: string }): Promise<void> {
  await registerProvider(stack, ipfs, { registrar: "admin", persona: "hospital", kind: KIND.hospital, profile: { name: names.hospital, specialty: "General hospital" }, withKey: true });
  await registerProvider(stack, ipfs, {
    registrar: "hospital",
    persona: "doctor1",
    kind: KIND.doctor,
    affiliation: stack.account("hospital").address,
    profile: { name: names.doctor, specialty: names.specialty },
    withKey: true,
  });
}

/** The patient signs up (paying `fee`) with their key; returns their services for further setup. */
export async function signUpPatient(stack: E2EStack, persona: PersonaId, ipfs: IpfsStore, fee = 0n): Promise<RecordServices> {
  const services = await servicesOf(stack, persona, ipfs);
  await sendLedgerTransaction(services.connection, "signUp", [services.identity.publicKeyHex, identityCommitment(`${persona}-national-id`, randomIdentitySalt())], { value: fee });
  return services;
}

/** How many transactions `persona` has sent: unchanged means the wallet broadcast nothing. */
export async function sentTransactions(stack: E2EStack, persona: PersonaId): Promise<number> {
  return await stack.publicClient.getTransactionCount({ address: stack.account(persona).address, blockTag: "pending" });
}

/** How many signatures the page asked `wallet` for (the portal derives the keys from one). */
export function signaturesAsked(wallet: InjectedWallet): number {
  return wallet.requests.filter((method) => method === "eth_signTypedData_v4" || method === "personal_sign").length;
}

/** Opens the portal at `path` and connects the persona's injected wallet. */
export async function connectWallet(page: Page, stack: E2EStack, path = "/"): Promise<void> {
  await page.goto(`${stack.portalUrl}${path}`);
  await page.getByRole("button", { name: new RegExp(`connect.*${E2E_WALLET_NAME}`, "i") }).click();
}

/** Connects, then recreates the persona's keys in the tab with one signature. */
export async function connectAndUnlock(page: Page, stack: E2EStack, path = "/"): Promise<void> {
  await connectWallet(page, stack, path);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("button", { name: "Lock" }).waitFor();
}

/** Runs `work`, recording how long it took under `name`. */
export function stepTimer(): { timings: Record<string, number>; timed<T>(name: string, work: () => Promise<T>): Promise<T> } {
  const timings: Record<string, number> = {};
  return {
    timings,
    async timed(name, work) {
      const started = performance.now();
      try {
        return await work();
      } finally {
        timings[name] = Math.round(performance.now() - started);
      }
    },
  };
}
