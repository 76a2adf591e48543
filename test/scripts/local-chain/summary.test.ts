import { describe, expect, it } from "vitest";

import { renderStartSummary, type StartSummary } from "../../../scripts/local-chain/summary.js";

const summary: StartSummary = {
  portalUrl: "http://127.0.0.1:5173",
  readySeconds: 12.345,
  heading: "EHR Ledger local chain is running",
  chainRows: [
    ["Chain id", "1337"],
    ["RPC URL", "http://127.0.0.1:8545"],
  ],
  ipfsLines: "    IPFS RPC API      http://127.0.0.1:5001",
  devAccounts: {
    personas: [{ label: "Consortium admin", role: "admin", address: "0xf39F", privateKey: "0xac09" }],
    rpcUrl: "http://127.0.0.1:8545",
    chainId: 1337,
  },
};

describe("renderStartSummary", () => {
  it("puts the portal URL first, with the start time", () => {
    const firstLine = renderStartSummary(summary).trimStart().split("\n")[0];
    expect(firstLine).toBe("Portal: http://127.0.0.1:5173   (ready in 12.3 s)");
  });

  it("then the chain, IPFS, personas and MetaMask sections in that order", () => {
    const text = renderStartSummary(summary);
    const positions = ["Portal:", "    Chain id          1337", "IPFS RPC API", "Consortium admin  admin", "MetaMask", "Ctrl-C"].map((part) =>
      text.indexOf(part),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("leaves out personas and MetaMask when there are no dev accounts", () => {
    const { devAccounts: _, ...withoutDevAccounts } = summary;
    const text = renderStartSummary(withoutDevAccounts);
    expect(text).not.toContain("persona");
    expect(text).not.toContain("MetaMask");
  });
});
