import { createHash } from "node:crypto";
import { createServer } from "node:net";

import { describe, expect, it } from "vitest";

import { startIpfsNode } from "../../../scripts/ipfs-node/node.js";
import { all, collect, kuboDeterministicBytes, startTestNode, useTestNode } from "./support.js";

const MiB = 1024 * 1024;

const ipfs = useTestNode();

/** 20 MiB produced on the fly in 1 MiB pieces, so the client streams it rather than holding one buffer. */
async function* twentyMiB(): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < 20; i++) yield kuboDeterministicBytes(MiB, `piece ${i}`);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

describe("kubo-rpc-client against the node", () => {
  it("adds a 20 MiB stream, cats it whole and by offset/length, pins, lists and unpins it", async () => {
    const expected = Buffer.concat(await all(twentyMiB()));
    let reported = 0;
    const added = await ipfs.client.add(twentyMiB(), { cidVersion: 1, chunker: "size-1048576", progress: (bytes) => (reported = bytes) });
    expect(added.cid.toString()).toMatch(/^bafybei/);
    expect(reported).toBe(20 * MiB);

    expect(sha256Hex(await collect(ipfs.client.cat(added.cid)))).toBe(sha256Hex(expected));
    const middle = await collect(ipfs.client.cat(added.cid, { offset: 7 * MiB - 5, length: 3 * MiB + 10 }));
    expect(Buffer.from(middle).equals(expected.subarray(7 * MiB - 5, 10 * MiB + 5))).toBe(true);

    const pins = await all(ipfs.client.pin.ls({ paths: [added.cid] }));
    expect(pins.map((pin) => [pin.cid.toString(), pin.type])).toEqual([[added.cid.toString(), "recursive"]]);
    expect((await ipfs.client.pin.rm(added.cid)).toString()).toBe(added.cid.toString());
    expect(ipfs.blockFiles()).toEqual([]);
  });

  it("pins content added unpinned", async () => {
    const cid = (await ipfs.client.add(new TextEncoder().encode("pin me later"), { pin: false })).cid;
    expect((await ipfs.client.pin.add(cid)).toString()).toBe(cid.toString());
    expect((await all(ipfs.client.pin.ls({ paths: [cid] }))).map((pin) => pin.type)).toEqual(["recursive"]);
  });

  it("answers id and version", async () => {
    expect((await ipfs.client.id()).id.toString()).toBe(ipfs.node.peerId);
    expect((await ipfs.client.version()).version).toMatch(/^ehr-ledger-ipfs-dev\//);
  });
});

describe("persistence", () => {
  it("keeps blocks, pins and the peer ID across a restart", async () => {
    const node = await startTestNode();
    try {
      const content = kuboDeterministicBytes(500_000, "persist");
      const cid = (await node.client.add(content)).cid.toString();
      const peerId = node.node.peerId;
      await node.restart();
      expect(node.node.peerId).toBe(peerId);
      expect(await collect(node.client.cat(cid))).toEqual(content);
      const pins = await all(node.client.pin.ls({ type: "recursive" }));
      expect(pins.map((pin) => pin.cid.toString())).toEqual([cid]);
    } finally {
      await node.stop();
    }
  });
});

describe("startIpfsNode", () => {
  it("fails clearly when its port is taken, naming the flag to change it", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: "127.0.0.1", port: 0 }, resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startIpfsNode({ dataDir: ipfs.dataDir, apiPort: port, gatewayPort: 0 })).rejects.toThrow(
        new RegExp(`port ${port} on 127.0.0.1 is already in use.*--api-port`),
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses an empty token rather than running unguarded by mistake", async () => {
    await expect(startIpfsNode({ dataDir: ipfs.dataDir, apiPort: 0, gatewayPort: 0, token: "  " })).rejects.toThrow(/token is empty/);
  });
});
