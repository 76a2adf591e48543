import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, http, parseEther, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startAnvil, type RunningAnvil } from "../../../../../scripts/local-chain/anvil.js";
import { DEMO_MNEMONIC, demoPersona } from "../../../../../web/src/portal/wallet/demo-personas.js";
import { DemoWallet, DemoWalletError } from "../../../../../web/src/portal/wallet/demo-wallet.js";
import { ledgerChain } from "../../../../../web/src/portal/wallet/chain.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

const typedData = {
  domain: { name: "EHR Ledger", version: "1", chainId: 1337, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
  types: {
    EIP712Domain: [
      { name: "name", type: "string" },
      { name: "version", type: "string" },
      { name: "chainId", type: "uint256" },
      { name: "verifyingContract", type: "address" },
    ],
    Note: [{ name: "text", type: "string" }],
  },
  primaryType: "Note",
  message: { text: "hello" },
} as const;

describe("DemoWallet", () => {
  let dir: string;
  let anvil: RunningAnvil;
  let wallet: DemoWallet;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "demo-wallet-"));
    anvil = await startAnvil({
      host: "127.0.0.1",
      port: await freePort(),
      chainId: 1337,
      stateFile: path.join(dir, "state.json"),
      stateIntervalSeconds: 60,
      logFile: path.join(dir, "anvil.log"),
      pidFile: path.join(dir, "anvil.pid"),
    });
  });

  afterAll(async () => {
    await anvil?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const chain = () =>
    ledgerChain({ chainId: 1337, chainName: "local", rpcUrl: anvil.rpcUrl, ledgerAddress: `0x${"00".repeat(20)}`, deploymentBlock: 0, ipfsApiUrl: "http://127.0.0.1:5001", demoWallet: true, idleLockMinutes: 15 });
  const account = (index: number) => mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: index });

  it("request_ethAccountsBeforeConnecting_isEmpty", async () => {
    wallet = new DemoWallet(chain());
    expect(await wallet.request({ method: "eth_accounts" })).toEqual([]);
  });

  it("request_ethRequestAccounts_answersTheAdminFirst", async () => {
    wallet = new DemoWallet(chain());
    expect(await wallet.request({ method: "eth_requestAccounts" })).toEqual([account(0).address]);
    expect(await wallet.request({ method: "eth_chainId" })).toBe("0x539");
  });

  it("switchPersona_connected_emitsAccountsChangedWithTheNewAddress", async () => {
    wallet = new DemoWallet(chain());
    await wallet.request({ method: "eth_requestAccounts" });
    const seen: unknown[] = [];
    wallet.on("accountsChanged", (accounts) => seen.push(accounts));
    wallet.switchPersona(demoPersona("patient1"));
    wallet.switchPersona(demoPersona("patient1"));
    expect(seen).toEqual([[account(4).address]]);
    expect(await wallet.request({ method: "eth_accounts" })).toEqual([account(4).address]);
  });

  it("request_signTypedDataV4_signsLikeTheAccountItself", async () => {
    wallet = new DemoWallet(chain(), demoPersona("doctor1"));
    const signature = await wallet.request({ method: "eth_signTypedData_v4", params: [account(2).address, JSON.stringify(typedData)] });
    const { EIP712Domain: _, ...types } = typedData.types;
    expect(signature).toBe(await account(2).signTypedData({ ...typedData, types }));
  });

  it("request_personalSign_signsTheRawMessage", async () => {
    wallet = new DemoWallet(chain(), demoPersona("lab"));
    const signature = await wallet.request({ method: "personal_sign", params: ["0x68656c6c6f", account(8).address] });
    expect(signature).toBe(await account(8).signMessage({ message: { raw: "0x68656c6c6f" } }));
  });

  it("request_switchToAnotherChain_failsWithCode4902", async () => {
    wallet = new DemoWallet(chain());
    await expect(wallet.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x1" }] })).rejects.toMatchObject({ code: 4902 });
    expect(await wallet.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x539" }] })).toBeNull();
  });

  it("request_sendTransaction_isSignedLocallyAndMined", async () => {
    wallet = new DemoWallet(chain(), demoPersona("patient2"));
    const to = account(9).address;
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    const before = await client.getBalance({ address: to });
    const hash = (await wallet.request({ method: "eth_sendTransaction", params: [{ from: account(5).address, to, value: "0x38d7ea4c68000" }] })) as Hex;
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    expect(receipt.from.toLowerCase()).toBe(account(5).address.toLowerCase());
    expect((await client.getBalance({ address: to })) - before).toBe(parseEther("0.001"));
  });

  it("request_readMethod_isForwardedToTheChain", async () => {
    wallet = new DemoWallet(chain());
    expect(await wallet.request({ method: "eth_getBalance", params: [account(1).address, "latest"] })).toMatch(/^0x[0-9a-f]+$/);
  });

  it("request_unknownRpcMethod_rejectsWithTheNodesError", async () => {
    wallet = new DemoWallet(chain());
    await expect(wallet.request({ method: "no_such_method" })).rejects.toBeInstanceOf(DemoWalletError);
  });
});
