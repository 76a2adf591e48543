/**
 * The demo world `npm start` creates on a fresh chain: the cast of web/src/portal/wallet/demo-personas.ts
 * registered, keyed and signed up; three patients' records across categories, with files, grants,
 * a revoke, read receipts and a pending access request; everything encrypted and pinned through the
 * client core over HTTP, exactly as the portal does it.
 *
 * Whether the world is there is read from the chain, never from a file that could disagree with it:
 * the auditor is registered last, and a wallet's kind never changes.
 */
import { readParticipant } from "../../web/src/core/chain/views.js";
import { DEMO_PERSONAS } from "../../web/src/portal/wallet/demo-personas.js";
import { seedPatient1, seedPatient2, seedPatient3 } from "./charts.js";
import { kindOf, registerAuditor, registerHospitalStaff, registerOrganisations, setUpProviderKeys, signUpPatients } from "./registrations.js";
import { openDemoStack, type DemoStack, type DemoWorldTarget, type PersonaId } from "./stack.js";
import { readParticipants, readRecordCounts, type DemoWorldSummary } from "./summary.js";

export type { DemoWorldTarget } from "./stack.js";
export type { DemoParticipant, DemoWorldSummary } from "./summary.js";

/** The chain has some of the cast registered but not the whole world: seeding over it would fail midway. */
export class DemoWorldPartlySeededError extends Error {
  readonly code = "DEMO_WORLD_PARTLY_SEEDED";

  constructor(registered: readonly string[]) {
    super(
      `The chain already has demo personas registered (${registered.join(", ")}) but not the whole demo world: an earlier ` +
        "seeding stopped midway, or they were registered by hand. Start over with `npm start -- --reset`.",
    );
    this.name = "DemoWorldPartlySeededError";
  }
}

/** In this order: each step needs the ones before it, and the auditor's registration comes last. */
const STEPS: readonly (readonly [line: string, step: (stack: DemoStack) => Promise<void>])[] = [
  ["the admin registers the hospital and the insurer and sets the sign-up fee", registerOrganisations],
  ["the hospital registers two doctors and its lab", registerHospitalStaff],
  ["providers set up their encryption keys", setUpProviderKeys],
  ["three patients sign up and pay the fee", signUpPatients],
  ["patient1's records, grants and read receipts", seedPatient1],
  ["patient2's records, grants, a revoke and read receipts", seedPatient2],
  ["patient3's records, a grant and a pending access request", seedPatient3],
  ["the admin registers the auditor", registerAuditor],
];

async function isSeeded(stack: DemoStack): Promise<boolean> {
  const auditor = stack.actor("auditor");
  return (await readParticipant(stack.connection, auditor.account)).kind === kindOf(auditor.persona);
}

/** The personas whose accounts hold any role already. */
async function registeredPersonas(stack: DemoStack): Promise<PersonaId[]> {
  const kinds = await Promise.all(DEMO_PERSONAS.map(async (persona) => (await readParticipant(stack.connection, stack.actor(persona.id).account)).kind));
  return DEMO_PERSONAS.filter((_, i) => kinds[i] !== 0).map((persona) => persona.id);
}

export async function isDemoWorldSeeded(target: DemoWorldTarget): Promise<boolean> {
  return isSeeded(openDemoStack(target));
}

async function summary(stack: DemoStack, seededNow: boolean, transactions: number, startedAt: number): Promise<DemoWorldSummary> {
  const [participants, recordsPerPatient] = await Promise.all([readParticipants(stack), readRecordCounts(stack)]);
  return { seededNow, participants, recordsPerPatient, transactions, milliseconds: Math.round(performance.now() - startedAt) };
}

/** Seeds the demo world, or, when the chain has it already, only reads its summary (no transaction). */
export async function seedDemoWorld(target: DemoWorldTarget): Promise<DemoWorldSummary> {
  const startedAt = performance.now();
  const stack = openDemoStack(target);
  if (await isSeeded(stack)) return summary(stack, false, 0, startedAt);
  const taken = await registeredPersonas(stack);
  if (taken.length > 0) throw new DemoWorldPartlySeededError(taken);

  const transactionsBefore = await stack.transactionCount();
  for (const [line, step] of STEPS) {
    target.log(`demo world: ${line}`);
    await step(stack);
  }

  const result = await summary(stack, true, (await stack.transactionCount()) - transactionsBefore, startedAt);
  target.log(`demo world: seeded with ${result.transactions} transactions in ${(result.milliseconds / 1000).toFixed(1)} s`);
  return result;
}
