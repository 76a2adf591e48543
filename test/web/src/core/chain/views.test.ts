import { describe, expect, it } from "vitest";

import {
  readEncryptionKey,
  readGrantOf,
  readHasAccess,
  readParticipant,
  readRotationRequired,
  readScopeKeyState,
  ZERO_KEY,
} from "../../../../../web/src/core/chain/views.js";
import { Kind, Status } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";

const viem = useViemWorld();

describe("ledger views", () => {
  it("readParticipant returns the registry entry with the registered encryption key", async () => {
    const { connection, personas } = viem();
    const doctor = await readParticipant(connection, personas.doctor.account);
    expect(doctor).toMatchObject({ kind: Kind.Doctor, status: Status.Active, affiliation: personas.hospital.account });
    expect(doctor.encryptionKey).toBe(personas.doctor.identity.publicKeyHex);
  });

  it("readEncryptionKey returns ZERO_KEY for an unregistered account", async () => {
    const { connection, personas } = viem();
    expect(await readEncryptionKey(connection, personas.stranger.account)).toBe(ZERO_KEY);
  });

  it("read the scope-key state, access and grants of a fresh patient", async () => {
    const { connection, personas } = viem();
    const { patient, doctor } = personas;
    expect(await readScopeKeyState(connection, patient.account, 3)).toEqual({ epoch: 0, rotationPending: false, rotationDueAt: 0 });
    expect(await readRotationRequired(connection, patient.account, 3)).toBe(false);
    expect(await readHasAccess(connection, patient.account, patient.account, 3, true)).toBe(true);
    expect(await readHasAccess(connection, patient.account, doctor.account, 3, false)).toBe(false);
    expect(await readGrantOf(connection, patient.account, doctor.account)).toEqual({ readScope: 0, writeScope: 0, expiresAt: 0, grantedAt: 0 });
  });
});
