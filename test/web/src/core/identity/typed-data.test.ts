import { hashTypedData } from "viem";
import { describe, expect, it } from "vitest";

import { ENCRYPTION_KEY_PURPOSE, encryptionKeyRequest } from "../../../../../web/src/core/identity/typed-data.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";

const contract: Address = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const account: Address = "0x70997970c51812dc3a010c7d01b50e20d4dc79c8";
const otherAccount: Address = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

describe("encryptionKeyRequest", () => {
  it("names the ledger, chain, contract, account and key version", () => {
    const request = encryptionKeyRequest({ chainId: 31337, contract }, account);
    expect(request.domain).toEqual({ name: "EHR Ledger", version: "1", chainId: 31337, verifyingContract: contract });
    expect(request.primaryType).toBe("EncryptionKeyRequest");
    expect(request.message).toEqual({ account, purpose: ENCRYPTION_KEY_PURPOSE, keyVersion: 1 });
  });

  it("tells the user it derives a key, is not a transaction and costs nothing", () => {
    expect(ENCRYPTION_KEY_PURPOSE).toMatch(/encryption key/);
    expect(ENCRYPTION_KEY_PURPOSE).toMatch(/not a transaction/);
    expect(ENCRYPTION_KEY_PURPOSE).toMatch(/costs nothing/);
  });

  it("hashes differently for another chain, contract or account", () => {
    const base = hashTypedData(encryptionKeyRequest({ chainId: 31337, contract }, account));
    const variants = [
      encryptionKeyRequest({ chainId: 1, contract }, account),
      encryptionKeyRequest({ chainId: 31337, contract: otherAccount }, account),
      encryptionKeyRequest({ chainId: 31337, contract }, otherAccount),
    ].map((request) => hashTypedData(request));
    expect(new Set([base, ...variants]).size).toBe(4);
  });
});
