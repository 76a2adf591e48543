import { beforeAll, describe, expect, it } from "vitest";

import { toHex, type Hex } from "../../../../../web/src/core/bytes.js";
import { enrollIdentity, unlockIdentity } from "../../../../../web/src/core/identity/enrollment.js";
import {
  EncryptionKeyMismatchError,
  IdentityNotEnrolledError,
  NonDeterministicSignatureError,
} from "../../../../../web/src/core/identity/errors.js";
import { deriveIdentity } from "../../../../../web/src/core/identity/identity.js";
import type { IdentitySigner } from "../../../../../web/src/core/identity/signer.js";
import { encryptionKeyRequest } from "../../../../../web/src/core/identity/typed-data.js";
import type { LedgerContext } from "../../../../../web/src/core/ledger-context.js";
import { countingSigner, highSTwin, networkSigners, randomizedSigner } from "../../../../helpers/signatures.js";

const ledger: LedgerContext = { chainId: 31337, contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3" };
const ZERO_KEY: Hex = `0x${"00".repeat(32)}`;

let alice: IdentitySigner;
let bob: IdentitySigner;

beforeAll(async () => {
  [alice, bob] = (await networkSigners(2)) as [IdentitySigner, IdentitySigner];
});

describe("enrollIdentity", () => {
  it("asks the wallet twice and derives the identity of its signature", async () => {
    const wallet = countingSigner(alice);
    const identity = await enrollIdentity(wallet, ledger);
    expect(wallet.calls).toEqual([encryptionKeyRequest(ledger, alice.account), encryptionKeyRequest(ledger, alice.account)]);
    const expected = await deriveIdentity(await alice.signTypedData(encryptionKeyRequest(ledger, alice.account)), ledger, alice.account);
    expect(identity.publicKeyHex).toBe(expected.publicKeyHex);
  });

  it("accepts a wallet that returns the high-s encoding the second time: the same signature", async () => {
    const wallet = countingSigner(alice, (signature, call) => (call === 2 ? highSTwin(signature) : signature));
    const identity = await enrollIdentity(wallet, ledger);
    expect(identity.publicKeyHex).toBe((await enrollIdentity(alice, ledger)).publicKeyHex);
  });

  it("refuses a wallet that signs non-deterministically with NonDeterministicSignatureError", async () => {
    const enrolling = enrollIdentity(randomizedSigner(alice.account), ledger);
    await expect(enrolling).rejects.toThrow(NonDeterministicSignatureError);
    await expect(enrolling).rejects.toMatchObject({ code: "NON_DETERMINISTIC_SIGNATURE" });
    await expect(enrolling).rejects.toThrow(/hardware and smart-contract wallets.*Use another wallet/s);
  });

  it("refuses a wallet whose second signature differs from its first in r alone", async () => {
    const otherR = (signature: Hex) => `${signature.slice(0, 10)}${signature[10] === "0" ? "1" : "0"}${signature.slice(11)}` as Hex;
    const wallet = countingSigner(alice, (signature, call) => (call === 2 ? otherR(signature) : signature));
    await expect(enrollIdentity(wallet, ledger)).rejects.toThrow(NonDeterministicSignatureError);
  });
});

describe("unlockIdentity", () => {
  it("returns the identity when it derives the registered key", async () => {
    const enrolled = await enrollIdentity(alice, ledger);
    const unlocked = await unlockIdentity(alice, ledger, enrolled.publicKeyHex);
    expect(unlocked.publicKeyHex).toBe(enrolled.publicKeyHex);
    expect(unlocked.locked).toBe(false);
  });

  it("throws EncryptionKeyMismatchError when the wallet derives another key", async () => {
    const registeredForBob = (await enrollIdentity(bob, ledger)).publicKeyHex;
    const unlocking = unlockIdentity(alice, ledger, registeredForBob);
    await expect(unlocking).rejects.toThrow(EncryptionKeyMismatchError);
    await expect(unlocking).rejects.toMatchObject({ code: "ENCRYPTION_KEY_MISMATCH" });
    await expect(unlocking).rejects.toThrow(/wrong account, or the wallet changed how it signs\. Nothing was changed/);
  });

  it("throws EncryptionKeyMismatchError for a key enrolled on another deployment", async () => {
    const elsewhere = (await enrollIdentity(alice, { ...ledger, chainId: 1 })).publicKeyHex;
    await expect(unlockIdentity(alice, ledger, elsewhere)).rejects.toThrow(EncryptionKeyMismatchError);
  });

  it("throws IdentityNotEnrolledError for a zero key without asking the wallet", async () => {
    const wallet = countingSigner(alice);
    const unlocking = unlockIdentity(wallet, ledger, ZERO_KEY);
    await expect(unlocking).rejects.toThrow(IdentityNotEnrolledError);
    await expect(unlocking).rejects.toMatchObject({ code: "IDENTITY_NOT_ENROLLED" });
    expect(wallet.calls).toHaveLength(0);
  });

  it("compares keys byte for byte, whatever the hex case", async () => {
    const enrolled = await enrollIdentity(alice, ledger);
    const upper = `0x${enrolled.publicKeyHex.slice(2).toUpperCase()}` as Hex;
    expect((await unlockIdentity(alice, ledger, upper)).publicKeyHex).toBe(toHex(enrolled.publicKey));
  });
});
