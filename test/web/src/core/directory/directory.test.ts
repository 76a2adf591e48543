import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";

import { utf8, type Hex } from "../../../../../web/src/core/bytes.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { ZERO_KEY } from "../../../../../web/src/core/chain/views.js";
import { readParticipants, readProviderDirectory, searchDirectory, type DirectoryEntry } from "../../../../../web/src/core/directory/directory.js";
import type { ProviderProfile } from "../../../../../web/src/core/directory/profile.js";
import { publishProviderProfile } from "../../../../../web/src/core/directory/publish.js";
import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { IpfsUnavailableError } from "../../../../../web/src/core/ipfs/errors.js";
import { putManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import { createIpfsStore, type IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { Kind } from "../../../../helpers/fixture.js";
import { useRecordWorld } from "../../../../helpers/recordWorld.js";
import type { PersonaName } from "../../../../helpers/viemWorld.js";
import { PROFILE as WORLD_PROFILE } from "../../../../helpers/world.js";

const world = useRecordWorld();
/** The digest the world registers every provider with; nothing is stored under it. */
const PROFILE = WORLD_PROFILE as Hex;

const PROFILES = {
  hospital: { name: "Saint Mary Hospital" },
  doctor: { name: "Dr. Ada Osei", specialty: "Cardiology", facility: "Cardiology wing" },
  lab: { name: "Saint Mary Laboratory", specialty: "Clinical chemistry" },
  doctor2: { name: "Dr. José Núñez", specialty: "Family medicine", facility: "Riverside Clinic" },
  insurer: { name: "Acme Health Insurance" },
} satisfies Partial<Record<PersonaName, ProviderProfile>>;

type Provider = keyof typeof PROFILES;

function store(): IpfsStore {
  return world.services("patient").ipfs;
}

function account(name: PersonaName): Hex {
  return world.viem().personas[name].account;
}

async function setProfileDigest(name: Provider, digest: Hex): Promise<void> {
  await sendLedgerTransaction(world.viem().personas[name].connection, "setProfileDigest", [digest]);
}

/** Every provider points to its published profile (the world registers them with an unstored digest). */
async function publishAll(except: Provider[] = []): Promise<Record<Provider, Hex>> {
  const digests = {} as Record<Provider, Hex>;
  for (const name of Object.keys(PROFILES) as Provider[]) {
    digests[name] = await publishProviderProfile(store(), PROFILES[name]);
    if (!except.includes(name)) await setProfileDigest(name, digests[name]);
  }
  return digests;
}

describe("readParticipants", () => {
  it("lists every registered participant in registration order with kind, affiliation, registrar and key state", async () => {
    const participants = await readParticipants(world.viem().connection);
    const admin = account("admin");
    const hospital = account("hospital");
    expect(participants.map(({ registeredAtBlock: _block, ...rest }) => rest)).toEqual([
      { account: hospital, kind: Kind.Hospital, affiliation: zeroAddress, registeredBy: admin, active: true, profileDigest: PROFILE, hasEncryptionKey: true },
      { account: account("doctor"), kind: Kind.Doctor, affiliation: hospital, registeredBy: hospital, active: true, profileDigest: PROFILE, hasEncryptionKey: true },
      { account: account("lab"), kind: Kind.Lab, affiliation: hospital, registeredBy: hospital, active: true, profileDigest: PROFILE, hasEncryptionKey: true },
      { account: account("doctor2"), kind: Kind.Doctor, affiliation: zeroAddress, registeredBy: admin, active: true, profileDigest: PROFILE, hasEncryptionKey: true },
      { account: account("insurer"), kind: Kind.Insurer, affiliation: zeroAddress, registeredBy: admin, active: true, profileDigest: PROFILE, hasEncryptionKey: true },
      { account: account("auditor"), kind: Kind.Auditor, affiliation: zeroAddress, registeredBy: admin, active: true, profileDigest: ZERO_KEY, hasEncryptionKey: true },
      { account: account("patient"), kind: Kind.Patient, affiliation: zeroAddress, registeredBy: account("patient"), active: true, profileDigest: ZERO_KEY, hasEncryptionKey: true },
      { account: account("caregiver"), kind: Kind.Patient, affiliation: zeroAddress, registeredBy: account("caregiver"), active: true, profileDigest: ZERO_KEY, hasEncryptionKey: true },
    ]);
    const blocks = participants.map((entry) => entry.registeredAtBlock);
    expect(blocks).toEqual([...blocks].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(blocks).size).toBe(blocks.length);
  });

  it("gives the block of registration, and no encryption key until the participant sets one", async () => {
    const { personas } = world.viem();
    const registration = await sendLedgerTransaction(personas.admin.connection, "registerParticipant", [account("stranger"), Kind.Lab, zeroAddress, ZERO_KEY, `0x${"22".repeat(32)}`, PROFILE]);
    const before = (await readParticipants(world.viem().connection)).find((entry) => entry.account === account("stranger"));
    expect(before).toMatchObject({ kind: Kind.Lab, registeredAtBlock: registration.receipt.blockNumber, hasEncryptionKey: false });

    await sendLedgerTransaction(personas.stranger.connection, "setEncryptionKey", [personas.stranger.identity.publicKeyHex]);
    const after = (await readParticipants(world.viem().connection)).find((entry) => entry.account === account("stranger"));
    expect(after).toMatchObject({ registeredAtBlock: registration.receipt.blockNumber, hasEncryptionKey: true });
  });

  it("follows suspensions and reactivations in chain order, and the latest profile digest", async () => {
    const { personas } = world.viem();
    const newDigest: Hex = `0x${"33".repeat(32)}`;
    await sendLedgerTransaction(personas.admin.connection, "suspend", [account("doctor2")]);
    await sendLedgerTransaction(personas.hospital.connection, "suspend", [account("lab")]);
    await sendLedgerTransaction(personas.admin.connection, "reactivate", [account("lab")]);
    await sendLedgerTransaction(personas.admin.connection, "suspend", [account("lab")]);
    await sendLedgerTransaction(personas.admin.connection, "suspend", [account("patient")]);
    await sendLedgerTransaction(personas.admin.connection, "reactivate", [account("patient")]);
    await setProfileDigest("doctor", newDigest);

    const byAccount = new Map((await readParticipants(world.viem().connection)).map((entry) => [entry.account, entry]));
    expect(byAccount.get(account("doctor2"))?.active).toBe(false);
    expect(byAccount.get(account("lab"))?.active).toBe(false);
    expect(byAccount.get(account("patient"))?.active).toBe(true);
    expect(byAccount.get(account("hospital"))?.active).toBe(true);
    expect(byAccount.get(account("doctor"))?.profileDigest).toBe(newDigest);
    expect(byAccount.get(account("doctor2"))?.profileDigest).toBe(PROFILE);
  });
});

describe("readProviderDirectory", () => {
  it("lists the providers with their profiles, and the affiliated hospital's name as facility", async () => {
    const digests = await publishAll();
    const directory = await readProviderDirectory(world.viem().connection, store());
    expect(directory.map(({ account: who, kind, active, profileDigest, profile, profileError, facility }) => ({ who, kind, active, profileDigest, profile, profileError, facility }))).toEqual([
      { who: account("hospital"), kind: Kind.Hospital, active: true, profileDigest: digests.hospital, profile: PROFILES.hospital, profileError: undefined, facility: undefined },
      { who: account("doctor"), kind: Kind.Doctor, active: true, profileDigest: digests.doctor, profile: PROFILES.doctor, profileError: undefined, facility: "Saint Mary Hospital" },
      { who: account("lab"), kind: Kind.Lab, active: true, profileDigest: digests.lab, profile: PROFILES.lab, profileError: undefined, facility: "Saint Mary Hospital" },
      { who: account("doctor2"), kind: Kind.Doctor, active: true, profileDigest: digests.doctor2, profile: PROFILES.doctor2, profileError: undefined, facility: "Riverside Clinic" },
      { who: account("insurer"), kind: Kind.Insurer, active: true, profileDigest: digests.insurer, profile: PROFILES.insurer, profileError: undefined, facility: undefined },
    ]);
  });

  it("keeps suspended providers flagged inactive, and leaves them out with onlyActive", async () => {
    await publishAll();
    await sendLedgerTransaction(world.viem().personas.admin.connection, "suspend", [account("doctor2")]);
    const all = await readProviderDirectory(world.viem().connection, store());
    expect(all.find((entry) => entry.account === account("doctor2"))?.active).toBe(false);
    const active = await readProviderDirectory(world.viem().connection, store(), { onlyActive: true });
    expect(active.map((entry) => entry.account)).toEqual([account("hospital"), account("doctor"), account("lab"), account("insurer")]);
  });

  it("gives a provider whose profile is missing no profile and a sentence, and still lists the others", async () => {
    await publishAll(["doctor2"]);
    const directory = await readProviderDirectory(world.viem().connection, store());
    const missing = directory.find((entry) => entry.account === account("doctor2"));
    expect(missing?.profile).toBeUndefined();
    expect(missing?.facility).toBeUndefined();
    expect(missing?.profileError).toMatch(
      new RegExp(`^This provider's public profile could not be loaded: ${manifestCid(PROFILE)} is not available from the IPFS node at ${store().apiUrl} \\(.+\\)\\. It was never stored there, or was unpinned and collected\\.$`),
    );
    expect(directory.filter((entry) => entry.profile !== undefined)).toHaveLength(4);
  });

  it("gives a provider whose profile is not a valid profile no profile and the validation sentence", async () => {
    await publishAll();
    const corrupted = await putManifest(store(), utf8('{"name":"","type":"ehr-ledger/provider-profile","version":1}'));
    await setProfileDigest("doctor", corrupted);
    const doctor = (await readProviderDirectory(world.viem().connection, store())).find((entry) => entry.account === account("doctor"));
    expect(doctor?.profile).toBeUndefined();
    expect(doctor?.profileError).toBe("This provider's public profile could not be loaded: The provider profile is not valid: the name is required.");
    expect(doctor?.facility).toBe("Saint Mary Hospital");
  });

  it("falls back to the provider's own facility when its hospital's profile cannot be loaded", async () => {
    await publishAll(["hospital"]);
    const directory = await readProviderDirectory(world.viem().connection, store());
    expect(directory.find((entry) => entry.account === account("hospital"))?.profileError).toMatch(/^This provider's public profile could not be loaded: /);
    expect(directory.find((entry) => entry.account === account("doctor"))?.facility).toBe("Cardiology wing");
    expect(directory.find((entry) => entry.account === account("lab"))?.facility).toBeUndefined();
  });

  it("readProviderDirectory_withAProfileCache_fetchesEachProfileOnceAndKeepsItUnderItsDigest", async () => {
    const digests = await publishAll();
    const kept = new Map<Hex, ProviderProfile>();
    const profiles = { get: async (digest: Hex) => kept.get(digest), put: async (digest: Hex, profile: ProviderProfile) => void kept.set(digest, profile) };
    let cats = 0;
    const counting: IpfsStore = { ...store(), cat: (cid, options) => ((cats += 1), store().cat(cid, options)) };
    const first = await readProviderDirectory(world.viem().connection, counting, { profiles });
    expect(cats).toBe(Object.keys(PROFILES).length);
    expect(kept.get(digests.doctor)).toEqual(PROFILES.doctor);
    const again = await readProviderDirectory(world.viem().connection, counting, { profiles });
    expect(cats).toBe(Object.keys(PROFILES).length);
    expect(again).toEqual(first);
  });

  it("readProviderDirectory_participantsGiven_readsNoRegistryEvents", async () => {
    await publishAll();
    const participants = await readParticipants(world.viem().connection);
    const { connection } = world.viem();
    let scans = 0;
    const publicClient = new Proxy(connection.publicClient, {
      get(target, property, receiver) {
        if (property === "getContractEvents") return (...args: unknown[]) => ((scans += 1), (target.getContractEvents as (...a: unknown[]) => unknown)(...args));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const directory = await readProviderDirectory({ ...connection, publicClient }, store(), { participants });
    expect(scans).toBe(0);
    expect(directory).toEqual(await readProviderDirectory(connection, store()));
  });

  it("fails as a whole when the IPFS node cannot be reached, rather than blaming every profile", async () => {
    const unreachable = createIpfsStore({ apiUrl: "http://127.0.0.1:9", retries: 0 });
    await expect(readProviderDirectory(world.viem().connection, unreachable)).rejects.toBeInstanceOf(IpfsUnavailableError);
  });
});

describe("searchDirectory", () => {
  const entry = (kind: number, profile: ProviderProfile | undefined, facility?: string): DirectoryEntry => ({
    account: zeroAddress,
    kind,
    affiliation: zeroAddress,
    registeredBy: zeroAddress,
    active: true,
    profileDigest: ZERO_KEY,
    hasEncryptionKey: true,
    registeredAtBlock: 1n,
    ...(profile === undefined ? { profileError: "This provider has no public profile." } : { profile }),
    ...(facility === undefined ? {} : { facility }),
  });
  const osei = entry(Kind.Doctor, PROFILES.doctor, "Saint Mary Hospital");
  const nunez = entry(Kind.Doctor, PROFILES.doctor2, "Riverside Clinic");
  const lab = entry(Kind.Lab, PROFILES.lab, "Saint Mary Hospital");
  const insurer = entry(Kind.Insurer, PROFILES.insurer);
  const unnamed = entry(Kind.Hospital, undefined);
  const entries = [osei, nunez, lab, insurer, unnamed];

  it.each([
    ["", entries],
    ["   ", entries],
    ["CARDIO", [osei]],
    ["saint mary", [osei, lab]],
    ["mary cardio", [osei]],
    ["jose nunez", [nunez]],
    ["Núñez", [nunez]],
    ["riverside", [nunez]],
    ["doctor", [osei, nunez]],
    ["lab", [lab]],
    ["hospital", [osei, lab, unnamed]],
    ["insurance", [insurer]],
    ["dentist", []],
  ])("finds %j case- and accent-insensitively in name, specialty, facility and kind", (query, expected) => {
    expect(searchDirectory(entries, query)).toEqual(expected);
  });
});
