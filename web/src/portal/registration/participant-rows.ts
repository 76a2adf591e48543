/** The participants table: which rows a kind filter keeps, and what each row says. */
import { KIND_LABELS, type RegistrableKind } from "./registration-fields.js";
import type { ParticipantEntry } from "../../core/directory/directory.js";
import type { Address } from "../../core/ledger-context.js";

/** What the tables need of a registered participant (core/directory's ParticipantEntry has it). */
export type ParticipantSummary = Pick<ParticipantEntry, "account" | "kind" | "active" | "affiliation">;

export type KindFilter = RegistrableKind | "all";

export interface ParticipantRow {
  account: Address;
  name: string;
  kind: string;
  affiliation: string | undefined;
  suspended: boolean;
}

const ZERO_ADDRESS = /^0x0{40}$/i;

export function kindLabel(kind: number): string {
  return KIND_LABELS[kind as RegistrableKind] ?? `Kind ${kind}`;
}

export function filterByKind<T extends ParticipantSummary>(participants: readonly T[], filter: KindFilter): T[] {
  return filter === "all" ? [...participants] : participants.filter((participant) => participant.kind === filter);
}

export function affiliationOf(participant: ParticipantSummary): Address | undefined {
  return ZERO_ADDRESS.test(participant.affiliation) ? undefined : participant.affiliation;
}

/** `nameFor` gives a display name for any address (a directory name, or the short address). */
export function participantRow(participant: ParticipantSummary, nameFor: (address: Address) => string): ParticipantRow {
  const affiliation = affiliationOf(participant);
  return {
    account: participant.account,
    name: nameFor(participant.account),
    kind: kindLabel(participant.kind),
    affiliation: affiliation === undefined ? undefined : nameFor(affiliation),
    suspended: !participant.active,
  };
}

/** A hospital's doctors and labs: the participants affiliated with it. */
export function staffOf<T extends ParticipantSummary>(participants: readonly T[], hospital: Address): T[] {
  return participants.filter((participant) => participant.affiliation.toLowerCase() === hospital.toLowerCase());
}
