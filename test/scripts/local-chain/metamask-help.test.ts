import { describe, expect, it } from "vitest";

import { metaMaskHelp } from "../../../scripts/local-chain/metamask-help.js";

describe("metaMaskHelp", () => {
  it("gives four lines: the network, the key import, connecting and the warning", () => {
    const lines = metaMaskHelp("http://127.0.0.1:8545", 1337).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("RPC URL http://127.0.0.1:8545, chain id 1337, currency symbol ETH");
    expect(lines[1]).toMatch(/Import account.*private key/);
    expect(lines[3]).toContain("never use these keys on a real network");
  });
});
