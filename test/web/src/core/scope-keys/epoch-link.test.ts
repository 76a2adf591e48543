import { describe, expect, it } from "vitest";

import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { linkPreviousKey, openEpochLink } from "../../../../../web/src/core/scope-keys/epoch-link.js";

const context = {
  chainId: 31337,
  contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  patient: "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
  category: 1,
  epoch: 4,
} as const;

describe("linkPreviousKey / openEpochLink", () => {
  it("opens the previous key with the new one, in the 48..160 bytes the contract accepts", async () => {
    const [previous, next] = [randomBytes(32), randomBytes(32)];
    const link = await linkPreviousKey(next, previous, context);
    expect(link.length).toBeGreaterThanOrEqual(48);
    expect(link.length).toBeLessThanOrEqual(160);
    expect(await openEpochLink(next, link, context)).toEqual(previous);
  });

  it("does not open with the previous key: links lead backwards only", async () => {
    const [previous, next] = [randomBytes(32), randomBytes(32)];
    const link = await linkPreviousKey(next, previous, context);
    expect(await openEpochLink(previous, link, context)).toBeNull();
  });

  it("does not open for another epoch, category or patient", async () => {
    const [previous, next] = [randomBytes(32), randomBytes(32)];
    const link = await linkPreviousKey(next, previous, context);
    for (const other of [{ ...context, epoch: 5 }, { ...context, category: 2 }, { ...context, patient: "0x90f79bf6eb2c4f870365e785982e1f101e93b906" as const }]) {
      expect(await openEpochLink(next, link, other)).toBeNull();
    }
  });
});
