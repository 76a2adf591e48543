import { describe, expect, it } from "vitest";

import { toHex } from "../../../../../web/src/core/bytes.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { ReaderWithoutEncryptionKeyError } from "../../../../../web/src/core/scope-keys/errors.js";
import { ScopeKeyring } from "../../../../../web/src/core/scope-keys/keyring.js";
import { currentReaders } from "../../../../../web/src/core/scope-keys/readers.js";
import { rotateScopeKey } from "../../../../../web/src/core/scope-keys/rotation.js";
import { bit, Category, fakeWrap, Kind } from "../../../../helpers/fixture.js";
import { chainTime, grant, revokeOnly, travelTo } from "../../../../helpers/keyScenarios.js";
import { useViemWorld, type PersonaName } from "../../../../helpers/viemWorld.js";
import { PROFILE } from "../../../../helpers/world.js";

const LABS = Category.LabResults;
const HOUR = 3600;

/** Labs and imaging exist; the doctor writes labs, the lab and insurer read them, doctor2 reads imaging. */
const viem = useViemWorld(async ({ personas }) => {
  const { patient, doctor, lab, insurer, doctor2 } = personas;
  const keyring = new ScopeKeyring(patient.identity);
  for (const category of [LABS, Category.Imaging]) {
    await rotateScopeKey(patient.connection, patient.identity, keyring, patient.account, category);
  }
  await grant(patient, keyring, doctor, { readScope: 0, writeScope: bit(LABS) });
  await grant(patient, keyring, lab, { readScope: bit(LABS) });
  await grant(patient, keyring, insurer, { readScope: bit(LABS) | bit(Category.Imaging) });
  await grant(patient, keyring, doctor2, { readScope: bit(Category.Imaging) });
});

async function readerNames(category: number = LABS): Promise<PersonaName[]> {
  const { connection, personas } = viem();
  const readers = await currentReaders(connection, personas.patient.account, category);
  const names = Object.keys(personas) as PersonaName[];
  return readers.map((reader) => names.find((name) => personas[name].account === reader.account) as PersonaName);
}

describe("currentReaders", () => {
  it("lists every grantee who can read the category, writers included, in order of first grant", async () => {
    expect(await readerNames()).toEqual(["doctor", "lab", "insurer"]);
    expect(await readerNames(Category.Imaging)).toEqual(["insurer", "doctor2"]);
    expect(await readerNames(Category.Genomics)).toEqual([]);
  });

  it("returns each reader's registered encryption key", async () => {
    const { connection, personas } = viem();
    const readers = await currentReaders(connection, personas.patient.account, LABS);
    expect(readers.map((reader) => toHex(reader.publicKey))).toEqual([
      personas.doctor.identity.publicKeyHex,
      personas.lab.identity.publicKeyHex,
      personas.insurer.identity.publicKeyHex,
    ]);
  });

  it("drops a revoked grantee", async () => {
    await revokeOnly(viem().personas.patient, viem().personas.lab);
    expect(await readerNames()).toEqual(["doctor", "insurer"]);
  });

  it("drops a grantee whose new grant no longer covers the category", async () => {
    const { patient, insurer } = viem().personas;
    await grant(patient, new ScopeKeyring(patient.identity), insurer, { readScope: bit(Category.Imaging) });
    expect(await readerNames()).toEqual(["doctor", "lab"]);
    expect(await readerNames(Category.Imaging)).toEqual(["insurer", "doctor2"]);
  });

  it("drops a grantee whose grant has expired", async () => {
    const { patient, caregiver } = viem().personas;
    const expiresAt = (await chainTime(viem())) + HOUR;
    await grant(patient, new ScopeKeyring(patient.identity), caregiver, { readScope: bit(LABS), expiresAt });
    expect(await readerNames()).toEqual(["doctor", "lab", "insurer", "caregiver"]);
    await travelTo(viem(), expiresAt);
    expect(await readerNames()).toEqual(["doctor", "lab", "insurer"]);
  });

  it("drops a suspended grantee", async () => {
    const { admin, insurer } = viem().personas;
    await sendLedgerTransaction(admin.connection, "suspend", [insurer.account]);
    expect(await readerNames()).toEqual(["doctor", "lab"]);
    expect(await readerNames(Category.Imaging)).toEqual(["doctor2"]);
  });

  it("throws ReaderWithoutEncryptionKeyError naming a reader that has no key on chain", async () => {
    const { admin, patient, stranger } = viem().personas;
    const zeroKey = `0x${"00".repeat(32)}` as const;
    await sendLedgerTransaction(admin.connection, "registerParticipant", [
      stranger.account, Kind.Insurer, `0x${"00".repeat(20)}`, zeroKey, `0x${"22".repeat(32)}`, PROFILE as `0x${string}`,
    ]);
    await sendLedgerTransaction(patient.connection, "grant", [
      [{ grantee: stranger.account, readScope: bit(LABS), writeScope: 0, expiresAt: 0, scopeKeyWraps: [fakeWrap(1) as `0x${string}`] }],
    ]);
    const reading = currentReaders(viem().connection, patient.account, LABS);
    await expect(reading).rejects.toThrow(ReaderWithoutEncryptionKeyError);
    await expect(reading).rejects.toThrow(new RegExp(`^${stranger.account} has no encryption key`));
    await expect(reading).rejects.toMatchObject({ code: "READER_WITHOUT_ENCRYPTION_KEY", account: stranger.account });
  });
});
