/**
 * The participant directory, rebuilt from the registry's events, and the providers' public directory
 * on top of it: each provider with the profile its on-chain digest names.
 */
import { zeroAddress } from "viem";

import type { Hex } from "../bytes.js";
import { sameAddress } from "../chain/address.js";
import { kindName } from "../chain/categories.js";
import type { LedgerConnection } from "../chain/connection.js";
import { compareChainOrder, readLedgerEvents, type LedgerEvent } from "../chain/events.js";
import { ZERO_KEY } from "../chain/views.js";
import { IpfsIntegrityError, IpfsNotFoundError, IpfsRejectedError, IpfsTimeoutError } from "../ipfs/errors.js";
import type { IpfsStore } from "../ipfs/store.js";
import type { Address } from "../ledger-context.js";
import { ProviderProfileError, type ProviderProfile } from "./profile.js";
import { fetchProviderProfile } from "./publish.js";

/** IParticipantRegistry.Kind values of the participants patients may choose in the directory. */
export const PROVIDER_KINDS: readonly number[] = [2, 3, 4, 5];
const HOSPITAL_KIND = 3;

export interface ParticipantEntry {
  account: Address;
  /** IParticipantRegistry.Kind (categories.ts KIND_NAMES). */
  kind: number;
  /** The hospital of a doctor or lab; the zero address when none. */
  affiliation: Address;
  registeredBy: Address;
  /** False while suspended. */
  active: boolean;
  /** The current public profile's digest; zero for patients and auditors. */
  profileDigest: Hex;
  hasEncryptionKey: boolean;
  registeredAtBlock: bigint;
}

export interface DirectoryEntry extends ParticipantEntry {
  /** Undefined when the profile could not be loaded; `profileError` says why. */
  profile?: ProviderProfile;
  profileError?: string;
  /** The affiliated hospital's profile name, else the facility the provider's own profile names. */
  facility?: string;
}

export interface DirectoryOptions {
  /** Leave suspended providers out (a patient choosing whom to grant). */
  onlyActive?: boolean;
  /** The participants, when the caller already has them (from a synced log: participantsFromLog); read from the chain otherwise. */
  participants?: readonly ParticipantEntry[];
  /** Profiles already fetched, by digest (content-addressed, so they never go stale); fetched ones are added. */
  profiles?: ProfileCache;
}

/** Verified profiles by their digest. A digest names exactly one profile, so an entry never needs refreshing. */
export interface ProfileCache {
  get(digest: Hex): Promise<ProviderProfile | undefined>;
  put(digest: Hex, profile: ProviderProfile): Promise<void>;
}

type RegistryChange = LedgerEvent<"ParticipantSuspended" | "ParticipantReactivated" | "ProfileChanged" | "EncryptionKeyChanged">;

function applyChange(entry: ParticipantEntry, change: RegistryChange): void {
  switch (change.eventName) {
    case "ParticipantSuspended":
      entry.active = false;
      break;
    case "ParticipantReactivated":
      entry.active = true;
      break;
    case "ProfileChanged":
      entry.profileDigest = change.args.profileDigest;
      break;
    case "EncryptionKeyChanged":
      entry.hasEncryptionKey = change.args.encryptionKey !== ZERO_KEY;
      break;
  }
}

/** Every registered participant as of the latest block, in registration order. */
export async function readParticipants(connection: LedgerConnection): Promise<ParticipantEntry[]> {
  const [registered, ...changes] = await Promise.all([
    readLedgerEvents(connection, "ParticipantRegistered"),
    readLedgerEvents(connection, "ParticipantSuspended"),
    readLedgerEvents(connection, "ParticipantReactivated"),
    readLedgerEvents(connection, "ProfileChanged"),
    readLedgerEvents(connection, "EncryptionKeyChanged"),
  ]);
  const byAccount = new Map<string, ParticipantEntry>();
  for (const { args, blockNumber } of registered) {
    byAccount.set(args.account.toLowerCase(), {
      account: args.account,
      kind: args.kind,
      affiliation: args.affiliation,
      registeredBy: args.registeredBy,
      active: true,
      profileDigest: args.profileDigest,
      hasEncryptionKey: args.encryptionKey !== ZERO_KEY,
      registeredAtBlock: blockNumber,
    });
  }
  const ordered: RegistryChange[] = changes.flat();
  for (const change of ordered.sort(compareChainOrder)) {
    const entry = byAccount.get(change.args.account.toLowerCase());
    if (entry !== undefined) applyChange(entry, change);
  }
  return [...byAccount.values()];
}

type ProfileResult = { profile: ProviderProfile } | { profileError: string };

/** Errors that concern one profile; anything else (node down, token refused) fails the whole directory. */
function isProfileFailure(error: unknown): error is Error {
  return [ProviderProfileError, IpfsNotFoundError, IpfsIntegrityError, IpfsTimeoutError, IpfsRejectedError].some((type) => error instanceof type);
}

async function loadProfile(ipfs: IpfsStore, digest: Hex, cache: ProfileCache | undefined): Promise<ProfileResult> {
  if (digest === ZERO_KEY) return { profileError: "This provider has no public profile." };
  const cached = await cache?.get(digest);
  if (cached !== undefined) return { profile: cached };
  try {
    const profile = await fetchProviderProfile(ipfs, digest);
    await cache?.put(digest, profile);
    return { profile };
  } catch (error) {
    if (!isProfileFailure(error)) throw error;
    return { profileError: `This provider's public profile could not be loaded: ${error.message}` };
  }
}

/**
 * The providers (doctors, hospitals, insurers, labs) with their public profiles. A profile that is
 * missing, corrupted or invalid leaves that entry without `profile` and with a `profileError`.
 */
export async function readProviderDirectory(connection: LedgerConnection, ipfs: IpfsStore, options: DirectoryOptions = {}): Promise<DirectoryEntry[]> {
  const participants = options.participants ?? (await readParticipants(connection));
  const providers = participants.filter((entry) => PROVIDER_KINDS.includes(entry.kind) && (options.onlyActive !== true || entry.active));
  const hospitals = participants.filter((entry) => entry.kind === HOSPITAL_KIND);
  const profiles = new Map<Hex, Promise<ProfileResult>>();
  const profileOf = (digest: Hex): Promise<ProfileResult> => {
    let result = profiles.get(digest);
    if (result === undefined) {
      result = loadProfile(ipfs, digest, options.profiles);
      profiles.set(digest, result);
    }
    return result;
  };
  return Promise.all(
    providers.map(async (entry): Promise<DirectoryEntry> => {
      const loaded = await profileOf(entry.profileDigest);
      const hospital = sameAddress(entry.affiliation, zeroAddress) ? undefined : hospitals.find((candidate) => sameAddress(candidate.account, entry.affiliation));
      const hospitalProfile = hospital === undefined ? undefined : await profileOf(hospital.profileDigest);
      const ownProfile = "profile" in loaded ? loaded.profile : undefined;
      const facility = (hospitalProfile !== undefined && "profile" in hospitalProfile ? hospitalProfile.profile.name : undefined) ?? ownProfile?.facility;
      return { ...entry, ...loaded, ...(facility === undefined ? {} : { facility }) };
    }),
  );
}

function folded(text: string): string {
  // Accents ignored, so "jose" finds "José".
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The entries matching every word of `query` in their name, specialty, facility or kind
 * ("cardio saint" finds a cardiologist at Saint Mary). A blank query keeps every entry.
 */
export function searchDirectory<Entry extends DirectoryEntry>(entries: readonly Entry[], query: string): Entry[] {
  const words = folded(query).split(/\s+/).filter((word) => word !== "");
  return entries.filter((entry) => {
    const haystack = folded([entry.profile?.name, entry.profile?.specialty, entry.facility ?? entry.profile?.facility, kindName(entry.kind)].filter((field) => field !== undefined).join("\n"));
    return words.every((word) => haystack.includes(word));
  });
}
