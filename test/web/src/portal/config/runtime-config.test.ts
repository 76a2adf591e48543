import { describe, expect, it } from "vitest";

import { DEFAULT_IDLE_LOCK_MINUTES, parseRuntimeConfig, RuntimeConfigError } from "../../../../../web/src/portal/config/runtime-config.js";

const valid = {
  chainId: 1337,
  chainName: "EHR Ledger local chain",
  rpcUrl: "http://127.0.0.1:8545",
  ledgerAddress: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  deploymentBlock: 1,
  ipfsApiUrl: "http://127.0.0.1:5001",
  demoWallet: true,
  idleLockMinutes: 15,
};

describe("parseRuntimeConfig", () => {
  it("parseRuntimeConfig_validConfig_returnsIt", () => {
    expect(parseRuntimeConfig(valid)).toEqual(valid);
  });

  it("parseRuntimeConfig_demoWalletOnAnotherChain_turnsItOff", () => {
    expect(parseRuntimeConfig({ ...valid, chainId: 11155111 }).demoWallet).toBe(false);
  });

  it("parseRuntimeConfig_noIdleLock_defaultsTo15Minutes", () => {
    const { idleLockMinutes: _, ...rest } = valid;
    expect(parseRuntimeConfig(rest).idleLockMinutes).toBe(DEFAULT_IDLE_LOCK_MINUTES);
  });

  it("parseRuntimeConfig_token_keepsIt", () => {
    expect(parseRuntimeConfig({ ...valid, ipfsToken: "secret" }).ipfsToken).toBe("secret");
  });

  it("parseRuntimeConfig_logConfirmations_keepsThemAndLeavesThemOutWhenAbsent", () => {
    expect(parseRuntimeConfig({ ...valid, logConfirmations: 12 }).logConfirmations).toBe(12);
    expect("logConfirmations" in parseRuntimeConfig(valid)).toBe(false);
  });

  it.each([
    ["negative log confirmations", { ...valid, logConfirmations: -1 }, '"logConfirmations" must be a whole number of blocks'],
    ["not an object", null, "it is not a JSON object"],
    ["bad address", { ...valid, ledgerAddress: "0x1234" }, '"ledgerAddress" must be a 20-byte hex address'],
    ["bad RPC URL", { ...valid, rpcUrl: "ftp://x" }, '"rpcUrl" must be an http(s) URL'],
    ["bad IPFS URL", { ...valid, ipfsApiUrl: "not a url" }, '"ipfsApiUrl" must be an http(s) URL'],
    ["negative block", { ...valid, deploymentBlock: -1 }, '"deploymentBlock" must be a block number'],
    ["zero idle minutes", { ...valid, idleLockMinutes: 0 }, '"idleLockMinutes" must be at least 1'],
    ["fractional chain id", { ...valid, chainId: 1.5 }, '"chainId" must be a chain id'],
  ])("parseRuntimeConfig_%s_throwsRuntimeConfigError", (_, json, problem) => {
    expect(() => parseRuntimeConfig(json)).toThrow(new RuntimeConfigError(problem));
  });
});
