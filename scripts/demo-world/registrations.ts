/**
 * The cast joins the ledger as a consortium would: the admin registers the organisations and sets
 * the sign-up fee, the hospital registers its own staff, providers publish public profiles and then
 * set up their encryption keys, patients sign up and pay. Identity commitments are real ones, of
 * fictional national IDs under random salts that nobody keeps.
 */
import { parseEther, zeroAddress } from "viem";

import { KIND_NAMES } from "../../web/src/core/chain/categories.js";
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { readLedgerView, ZERO_KEY } from "../../web/src/core/chain/views.js";
import { publishProviderProfile } from "../../web/src/core/directory/publish.js";
import { identityCommitment, randomIdentitySalt } from "../../web/src/core/identity/commitment.js";
import type { Address } from "../../web/src/core/ledger-context.js";
import type { DemoPersona } from "../../web/src/portal/wallet/demo-personas.js";
import type { DemoActor, DemoStack, PersonaId } from "./stack.js";

export const DEMO_SIGN_UP_FEE = parseEther("0.001");

export function kindOf(persona: DemoPersona): number {
  return KIND_NAMES.indexOf(persona.role as (typeof KIND_NAMES)[number]);
}

/** A fictional national ID per persona: DEMO-0001 for account 1, and so on. */
function commitmentOf(persona: DemoPersona) {
  return identityCommitment(`DEMO-${String(persona.accountIndex).padStart(4, "0")}`, randomIdentitySalt());
}

async function register(stack: DemoStack, registrar: DemoActor, id: PersonaId, affiliation: Address = zeroAddress): Promise<void> {
  const { persona, account } = stack.actor(id);
  const profileDigest =
    persona.role === "auditor" ? ZERO_KEY : await publishProviderProfile(stack.ipfs, { name: persona.label, ...(persona.specialty === undefined ? {} : { specialty: persona.specialty }) });
  // The key stays zero here: each participant sets up its own from its wallet (setUpProviderKeys).
  await sendLedgerTransaction(registrar.connection, "registerParticipant", [account, kindOf(persona), affiliation, ZERO_KEY, commitmentOf(persona), profileDigest]);
}

export async function registerOrganisations(stack: DemoStack): Promise<void> {
  const admin = stack.actor("admin");
  await register(stack, admin, "hospital");
  await register(stack, admin, "insurer");
  await sendLedgerTransaction(admin.connection, "setSignUpFee", [DEMO_SIGN_UP_FEE]);
}

export async function registerHospitalStaff(stack: DemoStack): Promise<void> {
  const hospital = stack.actor("hospital");
  for (const id of ["doctor1", "doctor2", "lab"] as const) await register(stack, hospital, id, hospital.account);
}

export async function setUpProviderKeys(stack: DemoStack): Promise<void> {
  for (const id of ["hospital", "doctor1", "doctor2", "lab", "insurer"] as const) {
    const provider = stack.actor(id);
    const { identity } = await provider.services();
    await sendLedgerTransaction(provider.connection, "setEncryptionKey", [identity.publicKeyHex]);
  }
}

export async function signUpPatients(stack: DemoStack): Promise<void> {
  const fee = await readLedgerView(stack.connection, "signUpFee", []);
  for (const id of ["patient1", "patient2", "patient3"] as const) {
    const patient = stack.actor(id);
    const { identity } = await patient.services();
    await sendLedgerTransaction(patient.connection, "signUp", [identity.publicKeyHex, commitmentOf(patient.persona)], { value: fee });
  }
}

/**
 * The auditor joins last, and needs no key (it reads only the access log): its registration marks
 * the demo world complete, a fact the chain keeps for good (a wallet's kind never changes).
 */
export async function registerAuditor(stack: DemoStack): Promise<void> {
  await register(stack, stack.actor("admin"), "auditor");
}
