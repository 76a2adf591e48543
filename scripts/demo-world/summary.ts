/** What the chain holds of the demo world, read back through the core's views. */
import { readLedgerView, readParticipant } from "../../web/src/core/chain/views.js";
import type { Address } from "../../web/src/core/ledger-context.js";
import { DEMO_PERSONAS, type DemoRole } from "../../web/src/portal/wallet/demo-personas.js";
import { kindOf } from "./registrations.js";
import type { DemoStack, PersonaId } from "./stack.js";

export interface DemoParticipant {
  id: PersonaId;
  role: DemoRole;
  account: Address;
  /** The persona holds its role on chain (the admin always does: it deployed the ledger). */
  registered: boolean;
}

export interface DemoWorldSummary {
  /** True when this call seeded the world; false when the chain already had it and nothing was sent. */
  seededNow: boolean;
  participants: DemoParticipant[];
  /** Record versions per patient persona (amendments count: each is a record). */
  recordsPerPatient: Partial<Record<PersonaId, number>>;
  /** Transactions this call sent. */
  transactions: number;
  milliseconds: number;
}

export async function readParticipants(stack: DemoStack): Promise<DemoParticipant[]> {
  return Promise.all(
    DEMO_PERSONAS.map(async (persona) => {
      const { account } = stack.actor(persona.id);
      const registered = persona.role === "admin" || (await readParticipant(stack.connection, account)).kind === kindOf(persona);
      return { id: persona.id, role: persona.role, account, registered };
    }),
  );
}

export async function readRecordCounts(stack: DemoStack): Promise<Partial<Record<PersonaId, number>>> {
  const patients = DEMO_PERSONAS.filter((persona) => persona.role === "patient");
  const counts = await Promise.all(patients.map((persona) => readLedgerView(stack.connection, "recordCount", [stack.actor(persona.id).account])));
  return Object.fromEntries(patients.map((persona, i) => [persona.id, Number(counts[i])]));
}
