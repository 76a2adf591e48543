/** Which area of the portal an account belongs to, from what the chain says about it. */
import type { Participant } from "../../core/chain/views.js";

export type PortalRole = "admin" | "patient" | "doctor" | "hospital" | "insurer" | "lab" | "auditor";

export type AccountStanding =
  | { kind: "admin" }
  | { kind: "participant"; role: Exclude<PortalRole, "admin">; participant: Participant; suspended: boolean; needsKey: boolean }
  | { kind: "unregistered" };

const ROLE_BY_KIND: Record<number, Exclude<PortalRole, "admin"> | undefined> = {
  1: "patient",
  2: "doctor",
  3: "hospital",
  4: "insurer",
  5: "lab",
  6: "auditor",
};

const ZERO_KEY = /^0x0{64}$/;

export function standingOf(isAdmin: boolean, participant: Participant): AccountStanding {
  if (isAdmin) return { kind: "admin" };
  const role = ROLE_BY_KIND[participant.kind];
  if (role === undefined) return { kind: "unregistered" };
  // Auditors read public events only; they never receive wrapped keys.
  const needsKey = role !== "auditor" && ZERO_KEY.test(participant.encryptionKey);
  return { kind: "participant", role, participant, suspended: participant.status === 1, needsKey };
}

/** Roles whose pages decrypt or receive keys: they must unlock (derive their key) first. */
export function roleUsesKeys(role: PortalRole): boolean {
  return role !== "admin" && role !== "auditor";
}

export const ROLE_TITLES: Record<PortalRole, string> = {
  admin: "Administrator",
  patient: "Patient",
  doctor: "Doctor",
  hospital: "Hospital",
  insurer: "Insurer",
  lab: "Laboratory",
  auditor: "Auditor",
};
