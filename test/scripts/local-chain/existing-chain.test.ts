import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkExistingChain, ExistingChainError } from "../../../scripts/local-chain/existing-chain.js";

const LEDGER = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const EMPTY = "0x0000000000000000000000000000000000000001";

/** A JSON-RPC node with chain id 1337, latest block 16 and code at LEDGER only. */
let rpc: Server;
let rpcUrl: string;

beforeAll(async () => {
  rpc = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const call = JSON.parse(body) as { id: number; method: string; params?: unknown[] };
      const results: Record<string, unknown> = {
        eth_chainId: "0x539",
        eth_blockNumber: "0x10",
        eth_getCode: String(call.params?.[0]).toLowerCase() === LEDGER.toLowerCase() ? "0x6080" : "0x",
      };
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: call.id, result: results[call.method] ?? null }));
    });
  });
  await new Promise<void>((resolve) => rpc.listen(0, "127.0.0.1", resolve));
  rpcUrl = `http://127.0.0.1:${(rpc.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => rpc.close(() => resolve()));
});

describe("checkExistingChain", () => {
  it("returns the chain id when the ledger has code and the deployment block exists", async () => {
    expect(await checkExistingChain({ kind: "existing", rpcUrl, ledgerAddress: LEDGER, deploymentBlock: 16 })).toBe(1337);
  });

  it("says there is no contract at an address without code", async () => {
    const check = checkExistingChain({ kind: "existing", rpcUrl, ledgerAddress: EMPTY, deploymentBlock: 1 });
    await expect(check).rejects.toBeInstanceOf(ExistingChainError);
    await expect(check).rejects.toThrow(`chain 1337 at ${rpcUrl} has no contract at ${EMPTY}. Check --ledger-address`);
  });

  it("refuses a deployment block after the latest block", async () => {
    await expect(checkExistingChain({ kind: "existing", rpcUrl, ledgerAddress: LEDGER, deploymentBlock: 17 })).rejects.toThrow(
      "--deployment-block 17 is after the latest block of chain 1337 (16)",
    );
  });

  it("says when the chain does not answer", async () => {
    await expect(
      checkExistingChain({ kind: "existing", rpcUrl: "http://127.0.0.1:9", ledgerAddress: LEDGER, deploymentBlock: 0 }),
    ).rejects.toThrow(/the chain at http:\/\/127.0.0.1:9 did not answer eth_chainId: .*[^.]\. Check --rpc-url/);
  });
});
