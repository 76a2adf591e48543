/**
 * The local demo world's cast: one per anvil dev account (anvil funds exactly accounts 0–9 of the
 * public test mnemonic). The labels are fiction and live only here and in the demo wallet, never on
 * chain. Shared by the seeder (scripts/demo-world), the portal's demo wallet and the E2E tests.
 */

export type DemoRole = "admin" | "hospital" | "doctor" | "patient" | "insurer" | "lab" | "auditor";

export interface DemoPersona {
  /** Stable key used by scripts and tests. */
  id: "admin" | "hospital" | "doctor1" | "doctor2" | "patient1" | "patient2" | "patient3" | "insurer" | "lab" | "auditor";
  role: DemoRole;
  /** Anvil dev account index (mnemonic "test test … junk", path m/44'/60'/0'/0/index). */
  accountIndex: number;
  label: string;
  /** For providers: the public profile the seeder publishes. */
  specialty?: string;
}

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  { id: "admin", role: "admin", accountIndex: 0, label: "Consortium admin" },
  { id: "hospital", role: "hospital", accountIndex: 1, label: "St. Mary's General Hospital", specialty: "General hospital" },
  { id: "doctor1", role: "doctor", accountIndex: 2, label: "Dr. Amara Okafor", specialty: "Cardiology" },
  { id: "doctor2", role: "doctor", accountIndex: 3, label: "Dr. Lucas Meyer", specialty: "General practice" },
  { id: "patient1", role: "patient", accountIndex: 4, label: "Alice Moreau" },
  { id: "patient2", role: "patient", accountIndex: 5, label: "Ben Carter" },
  { id: "patient3", role: "patient", accountIndex: 6, label: "Chloe Nguyen" },
  { id: "insurer", role: "insurer", accountIndex: 7, label: "Northwind Health Insurance", specialty: "Health insurer" },
  { id: "lab", role: "lab", accountIndex: 8, label: "St. Mary's Clinical Laboratory", specialty: "Clinical chemistry" },
  { id: "auditor", role: "auditor", accountIndex: 9, label: "Compliance auditor" },
];

/** The public anvil/Hardhat test mnemonic: its keys are for the local chain only. */
export const DEMO_MNEMONIC = "test test test test test test test test test test test junk";

export function demoPersona(id: DemoPersona["id"]): DemoPersona {
  const persona = DEMO_PERSONAS.find((candidate) => candidate.id === id);
  if (persona === undefined) throw new Error(`no demo persona "${id}"`);
  return persona;
}
