/**
 * A synthetic patient's care as planned from the start: the record categories they keep keys
 * for, and the providers they grant on joining (a doctor and the doctor's hospital, a lab, an
 * insurer, for some a psychiatrist), with the scopes a portal user would pick.
 */
import type { Address } from "../../../web/src/core/ledger-context.js";
import { CATEGORY, KIND } from "./ledger-model.js";
import type { SeededRandom } from "./random.js";
import type { Roster } from "./roster.js";

export interface PlannedGrant {
  grantee: Address;
  read: number;
  write: number;
  /** Days until the grant expires; undefined for none. */
  expiresInDays?: number;
}

export interface CareTeam {
  /** Categories the patient creates a scope key for (epoch 1) when onboarding. */
  categories: number[];
  doctor: Address;
  /** Grants made when onboarding, in order; `granted` counts the ones done. */
  grants: PlannedGrant[];
  granted: number;
  onboarded: boolean;
}

export const scopeOf = (...categories: number[]) => categories.reduce((scope, category) => scope | (1 << category), 0);

/** The scopes a provider of `kind` asks for or is given on a referral: what its work needs. */
export function scopeForKind(kind: number, random: SeededRandom): { read: number; write: number } {
  const { notes, labs, imaging, prescriptions, billing } = CATEGORY;
  switch (kind) {
    case KIND.hospital:
      return { read: scopeOf(notes, labs, imaging, prescriptions, billing), write: scopeOf(notes, billing) };
    case KIND.lab:
      return { read: scopeOf(notes, labs), write: scopeOf(labs) };
    case KIND.insurer:
      return { read: scopeOf(billing), write: 0 };
    default:
      return { read: scopeOf(notes, labs, ...(random.chance(0.5) ? [imaging] : []), prescriptions), write: random.chance(0.6) ? scopeOf(notes, prescriptions) : scopeOf(notes) };
  }
}

export function planCareTeam(roster: Roster, affiliations: ReadonlyMap<Address, Address | undefined>, random: SeededRandom): CareTeam {
  const { notes, labs, imaging, prescriptions, billing, mentalHealth, genomics, patientReported } = CATEGORY;
  const categories: number[] = [notes, labs, prescriptions, billing, patientReported];
  if (random.chance(0.55)) categories.push(imaging);
  if (random.chance(0.15)) categories.push(mentalHealth);
  if (random.chance(0.08)) categories.push(genomics);
  categories.sort((a, b) => a - b);

  const doctor = random.pick(roster.doctors);
  const hospital = affiliations.get(doctor) ?? random.pick(roster.hospitals);
  const hospitalLabs = roster.labs.filter((lab) => affiliations.get(lab) === hospital);
  const lab = random.pick(hospitalLabs.length > 0 ? hospitalLabs : roster.labs);
  const grants: PlannedGrant[] = [
    { grantee: doctor, read: scopeOf(notes, labs, imaging, prescriptions, patientReported), write: scopeOf(notes, prescriptions) },
    { grantee: hospital, read: scopeOf(notes, labs, imaging, prescriptions, billing), write: scopeOf(notes, imaging, billing) },
    { grantee: lab, read: scopeOf(notes, labs, genomics), write: scopeOf(labs, genomics) },
    // Some insurers get a time-limited grant: the key of billing must then rotate when it lapses.
    { grantee: random.pick(roster.insurers), read: scopeOf(billing), write: 0, ...(random.chance(0.35) ? { expiresInDays: random.between(20, 60) } : {}) },
  ];
  const others = roster.doctors.filter((candidate) => candidate !== doctor);
  if (categories.includes(mentalHealth) && others.length > 0) grants.push({ grantee: random.pick(others), read: scopeOf(notes, mentalHealth), write: scopeOf(mentalHealth) });
  return { categories, doctor, grants, granted: 0, onboarded: false };
}
