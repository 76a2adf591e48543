import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { readParticipant, ZERO_KEY } from "../../../../../web/src/core/chain/views.js";
import { fetchProviderProfile } from "../../../../../web/src/core/directory/publish.js";
import { identityCommitment } from "../../../../../web/src/core/identity/commitment.js";
import { AccountNotRegistrableError, assertRegistrable, prepareRegistration, type RegistrationStep } from "../../../../../web/src/portal/registration/register-participant.js";
import { Kind, type ValidRegistration } from "../../../../../web/src/portal/registration/registration-fields.js";
import { useRecordWorld } from "../../../../helpers/recordWorld.js";

const world = useRecordWorld();
const SALT = `0x${"5a".repeat(32)}`;

function registration(overrides: Partial<ValidRegistration> = {}): ValidRegistration {
  return {
    account: world.viem().personas.stranger.account,
    kind: Kind.Doctor,
    affiliation: world.viem().personas.hospital.account,
    nationalId: "AB-1234 567",
    salt: SALT,
    profile: { name: "Dr. Ines Duarte", specialty: "Neurology", facility: "" },
    ...overrides,
  };
}

describe("assertRegistrable", () => {
  it("assertRegistrable_unregisteredWallet_resolves", async () => {
    await expect(assertRegistrable(world.viem().connection, world.viem().personas.stranger.account)).resolves.toBeUndefined();
  });

  it("assertRegistrable_registeredDoctor_saysItsKind", async () => {
    const doctor = world.viem().personas.doctor.account;
    await expect(assertRegistrable(world.viem().connection, doctor)).rejects.toThrow(new AccountNotRegistrableError(doctor, "is already registered as a doctor; a wallet has one kind for life."));
  });

  it("assertRegistrable_adminWallet_isRefused", async () => {
    await expect(assertRegistrable(world.viem().connection, world.viem().personas.admin.account)).rejects.toThrow(/administrator's wallet/);
  });
});

describe("prepareRegistration", () => {
  it("prepareRegistration_doctor_commitsToTheIdAndPublishesTheProfile", async () => {
    const { connection, personas } = world.viem();
    const ipfs = world.services("admin").ipfs;
    const steps: RegistrationStep[] = [];
    const args = await prepareRegistration(connection, registration(), { loadIpfs: async () => ipfs, onStep: (step) => steps.push(step) });

    const [account, kind, affiliation, encryptionKey, commitment, profileDigest] = args;
    expect([account, kind, affiliation, encryptionKey]).toEqual([personas.stranger.account, Kind.Doctor, personas.hospital.account, ZERO_KEY]);
    expect(commitment).toBe(identityCommitment("AB1234567", SALT));
    expect(await fetchProviderProfile(ipfs, profileDigest)).toEqual({ name: "Dr. Ines Duarte", specialty: "Neurology" });
    expect(steps).toEqual(["checking-account", "computing-commitment", "publishing-profile"]);

    // The contract accepts exactly these arguments from the admin.
    await sendLedgerTransaction(personas.admin.connection, "registerParticipant", args);
    const registered = await readParticipant(connection, personas.stranger.account);
    expect({ kind: registered.kind, affiliation: registered.affiliation, profileDigest: registered.profileDigest }).toEqual({ kind: Kind.Doctor, affiliation: personas.hospital.account, profileDigest });
  });

  it("prepareRegistration_patient_publishesNothingAndHasNoAffiliation", async () => {
    let ipfsLoaded = false;
    const args = await prepareRegistration(world.viem().connection, registration({ kind: Kind.Patient, affiliation: undefined, profile: undefined }), {
      loadIpfs: async () => {
        ipfsLoaded = true;
        return world.services("admin").ipfs;
      },
    });
    expect(ipfsLoaded).toBe(false);
    expect([args[2], args[5]]).toEqual([zeroAddress, ZERO_KEY]);
    await sendLedgerTransaction(world.viem().personas.admin.connection, "registerParticipant", args);
  });

  it("prepareRegistration_registeredAccount_stopsBeforeAnyUpload", async () => {
    let ipfsLoaded = false;
    const attempt = prepareRegistration(world.viem().connection, registration({ account: world.viem().personas.lab.account }), {
      loadIpfs: async () => {
        ipfsLoaded = true;
        return world.services("admin").ipfs;
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(AccountNotRegistrableError);
    expect(ipfsLoaded).toBe(false);
  });
});
