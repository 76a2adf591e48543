import { describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../../../../../../web/src/core/chain/transactions.js";
import type { Address } from "../../../../../../../web/src/core/ledger-context.js";
import {
  checkTypedProvider,
  TypedProviderError,
  typedAddressError,
} from "../../../../../../../web/src/portal/roles/patient/sharing/typed-provider.js";
import { useViemWorld } from "../../../../../../helpers/viemWorld.js";

const viem = useViemWorld();
const me = `0x${"aa".repeat(20)}` as Address;
const chosen = `0x${"bb".repeat(20)}` as Address;

describe("typedAddressError", () => {
  it("typedAddressError with nothing typed asks for the address", () => {
    expect(typedAddressError("  ", me, [])).toBe("Enter the provider's wallet address.");
  });

  it("typedAddressError with a malformed address explains the format", () => {
    expect(typedAddressError("0x1234", me, [])).toMatch(/40 hexadecimal/);
  });

  it("typedAddressError with the patient's own address refuses it, whatever the case", () => {
    expect(typedAddressError(me.toUpperCase().replace("0X", "0x"), me, [])).toMatch(/your own address/);
  });

  it("typedAddressError with an address already chosen says so", () => {
    expect(typedAddressError(` ${chosen} `, me, [chosen])).toBe("That provider is already chosen.");
  });

  it("typedAddressError with a new well-formed address has no error", () => {
    expect(typedAddressError(chosen, me, [])).toBeUndefined();
  });
});

describe("checkTypedProvider", () => {
  it("checkTypedProvider of an active doctor with a key gives its kind", async () => {
    const { connection, personas } = viem();
    expect(await checkTypedProvider(connection, personas.doctor.account)).toEqual({ account: personas.doctor.account, kind: 2 });
  });

  it("checkTypedProvider of an unregistered address refuses it as not registered", async () => {
    const { connection, personas } = viem();
    await expect(checkTypedProvider(connection, personas.stranger.account)).rejects.toMatchObject({ problem: "not-registered" });
  });

  it("checkTypedProvider of a patient or an auditor refuses it as not a provider", async () => {
    const { connection, personas } = viem();
    await expect(checkTypedProvider(connection, personas.caregiver.account)).rejects.toThrow(/belongs to a patient/);
    await expect(checkTypedProvider(connection, personas.auditor.account)).rejects.toThrow(/belongs to an auditor/);
  });

  it("checkTypedProvider of a suspended doctor refuses it", async () => {
    const { connection, personas } = viem();
    await sendLedgerTransaction(personas.admin.connection, "suspend", [personas.doctor2.account]);
    await expect(checkTypedProvider(connection, personas.doctor2.account)).rejects.toMatchObject({ problem: "suspended" });
  });

  it("checkTypedProvider of a provider without an encryption key refuses it with a TypedProviderError", async () => {
    const { connection, personas } = viem();
    const { world } = viem();
    const newcomer = world.personas.stranger.address as Address;
    await sendLedgerTransaction(personas.hospital.connection, "registerParticipant", [newcomer, 2, personas.hospital.account, `0x${"00".repeat(32)}`, `0x${"11".repeat(32)}`, `0x${"22".repeat(32)}`]);
    const checking = checkTypedProvider(connection, newcomer);
    await expect(checking).rejects.toThrow(TypedProviderError);
    await expect(checking).rejects.toMatchObject({ problem: "no-encryption-key" });
  });
});
