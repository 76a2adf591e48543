/**
 * What the provider picker offers: the directory's providers a grant can reach (active, with a
 * public profile), narrowed by kind and search, each described in one line. Framework-free.
 */
import { sameAddress } from "../../../../core/chain/address.js";
import { PROVIDER_KINDS, searchDirectory, type DirectoryEntry } from "../../../../core/directory/directory.js";
import type { Address } from "../../../../core/ledger-context.js";

/** A provider the patient chose: the kind decides what it may be granted; the name is shown back. */
export interface ChosenProvider {
  account: Address;
  kind: number;
  name: string | undefined;
}

export const PROVIDER_KIND_LABELS: Readonly<Record<number, string>> = { 2: "Doctor", 3: "Hospital", 4: "Insurer", 5: "Laboratory" };
export const KIND_FILTER_LABELS: Readonly<Record<number, string>> = { 2: "Doctors", 3: "Hospitals", 4: "Insurers", 5: "Laboratories" };

export type KindFilter = number | "all";

export interface PickerOption {
  choice: ChosenProvider;
  name: string;
  /** Specialty, facility and kind, as one line. */
  details: string;
  /** Why it cannot be chosen yet, or undefined when it can. */
  unavailable: string | undefined;
}

export function choiceOf(entry: DirectoryEntry): ChosenProvider {
  return { account: entry.account, kind: entry.kind, name: entry.profile?.name };
}

function optionOf(entry: DirectoryEntry & { profile: NonNullable<DirectoryEntry["profile"]> }): PickerOption {
  const facility = entry.facility ?? entry.profile.facility;
  const details = [entry.profile.specialty, facility, PROVIDER_KIND_LABELS[entry.kind]].filter((part) => part !== undefined && part !== "").join(" · ");
  return {
    choice: choiceOf(entry),
    name: entry.profile.name,
    details,
    unavailable: entry.hasEncryptionKey ? undefined : "Not yet reachable: this provider has not set up their encryption key.",
  };
}

/**
 * The options for `kinds` (default: every provider kind) matching `kind` and `query`, by name.
 * Suspended providers and those without a readable profile are left out: the address path remains.
 */
export function pickerOptions(entries: readonly DirectoryEntry[], query: string, kind: KindFilter, kinds: readonly number[] = PROVIDER_KINDS): PickerOption[] {
  const offered = entries.filter(
    (entry): entry is DirectoryEntry & { profile: NonNullable<DirectoryEntry["profile"]> } =>
      entry.active && entry.profile !== undefined && kinds.includes(entry.kind) && (kind === "all" || entry.kind === kind),
  );
  return searchDirectory(offered, query)
    .map(optionOf)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function isChosen(selected: readonly ChosenProvider[], account: Address): boolean {
  return selected.some((chosen) => sameAddress(chosen.account, account));
}

/** `selected` with `choice` added (once) or removed. */
export function toggleChoice(selected: readonly ChosenProvider[], choice: ChosenProvider, on: boolean): ChosenProvider[] {
  const without = selected.filter((chosen) => !sameAddress(chosen.account, choice.account));
  return on ? [...without, choice] : without;
}

export interface ProviderFacts {
  /** The public profile's name; undefined when the provider has none readable (shown as a short address). */
  name: string | undefined;
  facility: string | undefined;
  kind: number | undefined;
  kindLabel: string | undefined;
}

/** What the directory says about `account`; every field undefined when it is not listed. */
export function providerFacts(entries: readonly DirectoryEntry[], account: Address): ProviderFacts {
  const entry = entries.find((candidate) => sameAddress(candidate.account, account));
  return {
    name: entry?.profile?.name,
    facility: entry?.facility ?? entry?.profile?.facility,
    kind: entry?.kind,
    kindLabel: entry === undefined ? undefined : PROVIDER_KIND_LABELS[entry.kind],
  };
}
