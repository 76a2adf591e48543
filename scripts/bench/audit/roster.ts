/**
 * Who takes part in the synthetic history: addresses derived from the seed (no keys: anvil
 * impersonates them), providers split into hospitals, doctors and labs affiliated with them,
 * independent doctors and insurers, plus an auditor and the treasury the fees go to.
 */
import { keccak256, toHex } from "viem";

import type { Address } from "../../../web/src/core/ledger-context.js";
import { KIND } from "./ledger-model.js";
import type { SeededRandom } from "./random.js";

export interface RosterProvider {
  address: Address;
  kind: number;
  /** The hospital that registers it (doctors and labs); undefined for the admin's registrations. */
  affiliation?: Address;
}

export interface Roster {
  providers: RosterProvider[];
  hospitals: Address[];
  doctors: Address[];
  labs: Address[];
  insurers: Address[];
  patients: Address[];
  auditor: Address;
  treasury: Address;
}

/** A lower-case address no one holds a key to, the same for the same seed, role and number. */
export function syntheticAddress(seed: string, role: string, index: number): Address {
  return `0x${keccak256(toHex(`ehr-ledger bench:audit/${seed}/${role}/${index}`)).slice(26)}` as Address;
}

/** Shares of the providers: a tenth hospitals, a twentieth insurers, 15 % labs, the rest doctors. */
export function providerMix(providers: number): { hospitals: number; insurers: number; labs: number; doctors: number } {
  if (providers < 4) throw new RangeError(`a history needs at least 4 providers (a hospital, a doctor, a lab and an insurer), not ${providers}`);
  const hospitals = Math.max(1, Math.round(providers * 0.1));
  const insurers = Math.max(1, Math.round(providers * 0.05));
  const labs = Math.max(1, Math.round(providers * 0.15));
  return { hospitals, insurers, labs, doctors: providers - hospitals - insurers - labs };
}

export function buildRoster(seed: string, patients: number, providers: number, random: SeededRandom): Roster {
  const mix = providerMix(providers);
  const hospitals = Array.from({ length: mix.hospitals }, (_, i) => syntheticAddress(seed, "hospital", i));
  const insurers = Array.from({ length: mix.insurers }, (_, i) => syntheticAddress(seed, "insurer", i));
  const labs = Array.from({ length: mix.labs }, (_, i) => syntheticAddress(seed, "lab", i));
  const doctors = Array.from({ length: mix.doctors }, (_, i) => syntheticAddress(seed, "doctor", i));
  const list: RosterProvider[] = [
    ...hospitals.map((address) => ({ address, kind: KIND.hospital })),
    ...insurers.map((address) => ({ address, kind: KIND.insurer })),
    // Labs belong to hospitals, round robin; about one doctor in ten practises independently.
    ...labs.map((address, i) => ({ address, kind: KIND.lab, affiliation: hospitals[i % hospitals.length] as Address })),
    ...doctors.map((address, i) => (i > 0 && random.chance(0.1) ? { address, kind: KIND.doctor } : { address, kind: KIND.doctor, affiliation: hospitals[i % hospitals.length] as Address })),
  ];
  return {
    providers: list,
    hospitals,
    doctors,
    labs,
    insurers,
    patients: Array.from({ length: patients }, (_, i) => syntheticAddress(seed, "patient", i)),
    auditor: syntheticAddress(seed, "auditor", 0),
    treasury: syntheticAddress(seed, "treasury", 0),
  };
}
