import { encodePacked, keccak256, type Hex } from "viem";
import { describe, expect, it } from "vitest";

import {
  identityCommitment,
  IDENTITY_COMMITMENT_DOMAIN,
  InvalidIdentitySaltError,
  InvalidNationalIdError,
  normalizeNationalId,
  randomIdentitySalt,
  saltFromHex,
  saltToHex,
} from "../../../../../web/src/core/identity/commitment.js";

const SALT = Uint8Array.from({ length: 32 }, (_, i) => i);
const SALT_HEX: Hex = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
/** keccak256("EHR Ledger identity commitment v1" ‖ 0x00…1f ‖ "DEMO0001"). */
const VECTOR: Hex = "0xcb8da9b7afc329aef1346dd158da863de285abd86b14c1fe5cc7132f6fe4dbce";

describe("identityCommitment", () => {
  it("matches the test vector", () => {
    expect(identityCommitment("DEMO0001", SALT)).toBe(VECTOR);
  });

  it("equals Solidity's keccak256(abi.encodePacked(domain, salt, normalizedId))", () => {
    const id = "AB123456";
    expect(identityCommitment(id, SALT)).toBe(keccak256(encodePacked(["string", "bytes32", "string"], [IDENTITY_COMMITMENT_DOMAIN, SALT_HEX, id])));
  });

  it.each([" demo-0001 ", "Demo 0001", "DEMO–0001", "d-e-m-o-0-0-0-1", "\tdemo0001\n"])("normalizes %j to the vector's ID", (id) => {
    expect(identityCommitment(id, SALT)).toBe(VECTOR);
  });

  it("takes the salt as 0x hex too", () => {
    expect(identityCommitment("DEMO-0001", SALT_HEX)).toBe(VECTOR);
  });

  it("changes with the salt and with the ID", () => {
    const otherSalt = SALT.map((byte) => byte ^ 0xff);
    expect(new Set([VECTOR, identityCommitment("DEMO-0001", otherSalt), identityCommitment("DEMO-0002", SALT)]).size).toBe(3);
  });

  it.each(["", "   ", " - - "])("refuses the empty ID %j", (id) => {
    expect(() => identityCommitment(id, SALT)).toThrowError(new InvalidNationalIdError("empty"));
  });

  it("refuses an ID over 64 characters, without repeating it", () => {
    const id = "X".repeat(65);
    expect(() => identityCommitment(id, SALT)).toThrowError(InvalidNationalIdError);
    try {
      identityCommitment(id, SALT);
    } catch (error) {
      expect((error as Error).message).not.toContain(id);
      expect((error as InvalidNationalIdError).code).toBe("INVALID_NATIONAL_ID");
    }
    expect(identityCommitment(`${"X".repeat(64)}---`, SALT)).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it.each([new Uint8Array(31), new Uint8Array(33), "0x1234", "0x" + "zz".repeat(32), "00".repeat(32)])("refuses the salt %j", (salt) => {
    expect(() => identityCommitment("DEMO-0001", salt)).toThrowError(InvalidIdentitySaltError);
  });
});

describe("normalizeNationalId", () => {
  it("trims, uppercases and drops spaces and dashes", () => {
    expect(normalizeNationalId("  ab-12 cd\u201234 ")).toBe("AB12CD34");
  });
});

describe("randomIdentitySalt / saltToHex / saltFromHex", () => {
  it("randomIdentitySalt gives 32 fresh bytes", () => {
    const first = randomIdentitySalt();
    expect(first.length).toBe(32);
    expect(saltToHex(first)).not.toBe(saltToHex(randomIdentitySalt()));
  });

  it("saltToHex and saltFromHex round-trip", () => {
    expect(saltToHex(SALT)).toBe(SALT_HEX);
    expect(saltFromHex(SALT_HEX)).toEqual(SALT);
    expect(saltFromHex(` ${SALT_HEX.toUpperCase().replace("0X", "0x")} `)).toEqual(SALT);
  });

  it("saltToHex refuses a salt of the wrong length", () => {
    expect(() => saltToHex(new Uint8Array(16))).toThrowError(new InvalidIdentitySaltError("it is 16 bytes long"));
  });

  it("saltFromHex refuses what is not 32 bytes of 0x hex", () => {
    expect(() => saltFromHex("0x00")).toThrowError(new InvalidIdentitySaltError("it is 1 byte long"));
    expect(() => saltFromHex(SALT_HEX.slice(2))).toThrowError(new InvalidIdentitySaltError("it is not 0x-prefixed hex"));
    expect(() => saltFromHex("0x0")).toThrowError(InvalidIdentitySaltError);
  });
});
