import { inspect } from "node:util";

import { beforeAll, describe, expect, it } from "vitest";

import { toHex, type Hex } from "../../../../../web/src/core/bytes.js";
import { sealKey } from "../../../../../web/src/core/crypto/seal.js";
import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { IdentityLockedError, MalformedSignatureError } from "../../../../../web/src/core/identity/errors.js";
import { deriveIdentity, Identity } from "../../../../../web/src/core/identity/identity.js";
import type { IdentitySigner } from "../../../../../web/src/core/identity/signer.js";
import { encryptionKeyRequest } from "../../../../../web/src/core/identity/typed-data.js";
import type { Address, LedgerContext } from "../../../../../web/src/core/ledger-context.js";
import { compactForm, highSTwin, networkSigners } from "../../../../helpers/signatures.js";

const ledger: LedgerContext = { chainId: 31337, contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3" };
const otherContract: Address = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";

let alice: IdentitySigner;
let bob: IdentitySigner;

beforeAll(async () => {
  [alice, bob] = (await networkSigners(2)) as [IdentitySigner, IdentitySigner];
});

function sign(signer: IdentitySigner, context: LedgerContext = ledger): Promise<Hex> {
  return signer.signTypedData(encryptionKeyRequest(context, signer.account));
}

describe("deriveIdentity", () => {
  it("derives the same key from the same signature", async () => {
    const signature = await sign(alice);
    const [first, second] = await Promise.all([deriveIdentity(signature, ledger, alice.account), deriveIdentity(signature, ledger, alice.account)]);
    expect(first.publicKeyHex).toBe(second.publicKeyHex);
    expect(first.account).toBe(alice.account);
  });

  it("derives the same key when the wallet signs the request again", async () => {
    const [first, second] = await Promise.all([sign(alice), sign(alice)]);
    expect((await deriveIdentity(first, ledger, alice.account)).publicKeyHex).toBe((await deriveIdentity(second, ledger, alice.account)).publicKeyHex);
  });

  it("derives the same key from the high-s twin and the EIP-2098 form of a signature", async () => {
    const signature = await sign(alice);
    const expected = (await deriveIdentity(signature, ledger, alice.account)).publicKeyHex;
    expect(highSTwin(signature)).not.toBe(signature);
    expect((await deriveIdentity(highSTwin(signature), ledger, alice.account)).publicKeyHex).toBe(expected);
    expect((await deriveIdentity(compactForm(signature), ledger, alice.account)).publicKeyHex).toBe(expected);
  });

  it("derives different keys on another chain, another contract and for another account", async () => {
    const keys = await Promise.all([
      sign(alice).then((s) => deriveIdentity(s, ledger, alice.account)),
      sign(alice, { ...ledger, chainId: 1 }).then((s) => deriveIdentity(s, { ...ledger, chainId: 1 }, alice.account)),
      sign(alice, { ...ledger, contract: otherContract }).then((s) => deriveIdentity(s, { ...ledger, contract: otherContract }, alice.account)),
      sign(bob).then((s) => deriveIdentity(s, ledger, bob.account)),
    ]);
    expect(new Set(keys.map((identity) => identity.publicKeyHex)).size).toBe(4);
  });

  it("binds the key to the ledger and account even for the same signature", async () => {
    const signature = await sign(alice);
    const keys = await Promise.all([
      deriveIdentity(signature, ledger, alice.account),
      deriveIdentity(signature, { ...ledger, chainId: 1 }, alice.account),
      deriveIdentity(signature, { ...ledger, contract: otherContract }, alice.account),
      deriveIdentity(signature, ledger, bob.account),
    ]);
    expect(new Set(keys.map((identity) => identity.publicKeyHex)).size).toBe(4);
  });

  it("rejects a malformed signature with MalformedSignatureError", async () => {
    const signature = await sign(alice);
    await expect(deriveIdentity(signature.slice(0, 100) as Hex, ledger, alice.account)).rejects.toThrow(MalformedSignatureError);
    await expect(deriveIdentity(`0x${"00".repeat(65)}`, ledger, alice.account)).rejects.toThrow(MalformedSignatureError);
  });

  it("publishes the public key as the bytes32 the registry stores", async () => {
    const identity = await deriveIdentity(await sign(alice), ledger, alice.account);
    expect(identity.publicKeyHex).toMatch(/^0x[0-9a-f]{64}$/);
    expect(toHex(identity.publicKey)).toBe(identity.publicKeyHex);
  });
});

describe("Identity", () => {
  const account: Address = "0x70997970c51812dc3a010c7d01b50e20d4dc79c8";

  it("opens a key sealed to it, even after the caller zeroed the secret it was built from", async () => {
    const secret = randomBytes(32);
    const identity = new Identity(account, secret);
    secret.fill(0);
    const key = randomBytes(32);
    const wrap = await sealKey(identity.publicKey, key, "test", Uint8Array.of(1));
    expect(await identity.open(wrap, "test", Uint8Array.of(1))).toEqual(key);
  });

  it("throws IdentityLockedError once wiped", async () => {
    const identity = new Identity(account, randomBytes(32));
    const wrap = await sealKey(identity.publicKey, randomBytes(32), "test", new Uint8Array(0));
    identity.wipe();
    expect(identity.locked).toBe(true);
    await expect(identity.open(wrap, "test", new Uint8Array(0))).rejects.toThrow(IdentityLockedError);
    await expect(identity.open(wrap, "test", new Uint8Array(0))).rejects.toMatchObject({ code: "IDENTITY_LOCKED" });
  });

  it("hands out copies of its public key", () => {
    const identity = new Identity(account, randomBytes(32));
    identity.publicKey.fill(0);
    expect(toHex(identity.publicKey)).toBe(identity.publicKeyHex);
  });

  it("never shows its secret key in toString, JSON or inspection", () => {
    const secret = randomBytes(32);
    const secretDigits = toHex(secret).slice(2);
    const identity = new Identity(account, secret);
    const shown = [String(identity), JSON.stringify(identity), inspect(identity, { showHidden: true, depth: 5 })];
    for (const text of shown) {
      expect(text).not.toContain(secretDigits);
      expect(text).not.toContain(Array.from(secret).join(","));
    }
    expect(JSON.parse(JSON.stringify(identity))).toEqual({ account, publicKey: identity.publicKeyHex });
  });

  it("rejects a secret key that is not 32 bytes", () => {
    expect(() => new Identity(account, randomBytes(31))).toThrow(RangeError);
  });
});
