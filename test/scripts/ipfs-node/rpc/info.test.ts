import { describe, expect, it } from "vitest";

import { useTestNode } from "../support.js";

const ipfs = useTestNode();

describe("id", () => {
  it("reports a libp2p peer ID that kubo-rpc-client parses, no addresses and its own agent", async () => {
    const id = await ipfs.client.id();
    expect(id.id.toString()).toMatch(/^12D3KooW/);
    expect(id.id.toString()).toBe(ipfs.node.peerId);
    expect(id.addresses).toEqual([]);
    expect(id.agentVersion).toMatch(/^ehr-ledger-ipfs-dev\//);
  });

  it("answers 400 when asked about another peer", async () => {
    const response = await ipfs.rpc("id", { arg: "12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN" });
    expect(response.status).toBe(400);
  });
});

describe("version", () => {
  it("reports this node's own version in Kubo's shape", async () => {
    const response = await ipfs.rpc("version");
    expect(await response.json()).toEqual({
      Version: expect.stringMatching(/^ehr-ledger-ipfs-dev\/\d+\.\d+\.\d+$/),
      Commit: "",
      Repo: "1",
      System: `${process.arch}/${process.platform}`,
    });
  });
});
