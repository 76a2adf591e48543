import { rmSync } from "node:fs";
import path from "node:path";

import { base32upper } from "multiformats/bases/base32";
import { CID } from "multiformats/cid";
import { describe, expect, it } from "vitest";

import { all, collect, fileForm, kuboDeterministicBytes, ndjson, useTestNode } from "../support.js";

const CHUNK = 262_144;
const sharedChunk = kuboDeterministicBytes(CHUNK, "shared");
/** Two files that share their first chunk: with Kubo's default add, one leaf block serves both. */
const fileA = Buffer.concat([sharedChunk, kuboDeterministicBytes(1000, "only in A")]);
const fileB = Buffer.concat([sharedChunk, kuboDeterministicBytes(1000, "only in B")]);

const ipfs = useTestNode({}, { perTest: true });

async function add(bytes: Uint8Array, query: Record<string, string> = {}): Promise<string> {
  const lines = (await ndjson(await ipfs.rpc("add", query, { body: fileForm([{ bytes }]) }))) as Array<{ Hash: string }>;
  return (lines.at(-1) as { Hash: string }).Hash;
}

async function errorOf(response: Response): Promise<{ status: number; message: string }> {
  return { status: response.status, message: ((await response.json()) as { Message: string }).Message };
}

/** Where blockstore-fs keeps a block: named by its multihash, in a folder named by the name's last two characters. */
function blockFile(cid: CID): string {
  const name = base32upper.encode(cid.multihash.bytes);
  return path.join(ipfs.dataDir, "blocks", name.slice(-2), `${name}.data`);
}

describe("pin/rm and garbage collection", () => {
  it("deletes the blocks only the removed pin reached and keeps the shared leaf", async () => {
    const a = await add(fileA);
    const b = await add(fileB);
    expect(ipfs.blockFiles()).toHaveLength(5); // two roots, the shared leaf, one own leaf each
    expect(await ipfs.client.pin.rm(a)).toEqual(CID.parse(a));
    expect(ipfs.blockFiles()).toHaveLength(3);
    expect(await collect(ipfs.client.cat(b))).toEqual(new Uint8Array(fileB));
  });

  it("leaves an empty blockstore once the last pin is removed", async () => {
    const a = await add(fileA);
    const b = await add(fileB);
    await ipfs.client.pin.rm(a);
    await ipfs.client.pin.rm(b);
    expect(ipfs.blockFiles()).toEqual([]);
  });

  it("answers 'not pinned or pinned indirectly' (Kubo's words) for a CID that is not pinned", async () => {
    const unpinned = await add(fileA, { pin: "false" });
    expect(await errorOf(await ipfs.rpc("pin/rm", { arg: unpinned }))).toEqual({ status: 500, message: "not pinned or pinned indirectly" });
  });

  it("refuses recursive=false for a recursive pin", async () => {
    const a = await add(fileA);
    expect(await errorOf(await ipfs.rpc("pin/rm", { arg: a, recursive: "false" }))).toEqual({ status: 500, message: `${a} is pinned recursively` });
  });

  it("checks every argument before removing any pin", async () => {
    const a = await add(fileA);
    const unpinned = await add(fileB, { pin: "false" });
    expect((await ipfs.rpc("pin/rm", { arg: [a, unpinned] })).status).toBe(500);
    expect(await pinType(a)).toBe("recursive");
  });
});

describe("pin/add", () => {
  it("pins content added with pin=false, in Kubo's response shape", async () => {
    const a = await add(fileA, { pin: "false" });
    const response = await ipfs.rpc("pin/add", { arg: a });
    expect(await response.json()).toEqual({ Pins: [a] });
    expect(await pinType(a)).toBe("recursive");
  });

  it("pins directly with recursive=false", async () => {
    const a = await add(fileA, { pin: "false" });
    await ipfs.client.pin.add(a, { recursive: false });
    expect(await pinType(a)).toBe("direct");
  });

  it("fails clearly when a block of the DAG is missing, naming that block", async () => {
    const a = await add(fileA, { pin: "false" });
    const leaf = CID.parse(await add(kuboDeterministicBytes(1000, "only in A"), { "only-hash": "true" }));
    rmSync(blockFile(leaf));
    expect(await errorOf(await ipfs.rpc("pin/add", { arg: a }))).toEqual({
      status: 500,
      message: `cannot pin ${a}: block ${leaf.toString()} is not in this node's blockstore (this dev node holds only what was added to it); add the content to this node first`,
    });
  });

  it("answers 400 for an invalid CID", async () => {
    expect((await errorOf(await ipfs.rpc("pin/add", { arg: "Qmnope" }))).status).toBe(400);
  });
});

describe("pin/ls", () => {
  it("lists pins as {Keys: {cid: {Type}}}, or one {Cid, Type} line each with stream=true", async () => {
    const a = await add(fileA);
    expect(await (await ipfs.rpc("pin/ls", { type: "recursive" })).json()).toEqual({ Keys: { [a]: { Type: "recursive" } } });
    expect(await ndjson(await ipfs.rpc("pin/ls", { type: "recursive", stream: "true" }))).toEqual([{ Cid: a, Type: "recursive" }]);
  });

  it("lists the blocks under recursive pins as indirect", async () => {
    await add(fileA);
    const listed = (await (await ipfs.rpc("pin/ls", { type: "indirect" })).json()) as { Keys: Record<string, { Type: string }> };
    expect(Object.values(listed.Keys)).toEqual([{ Type: "indirect" }, { Type: "indirect" }]);
  });

  it("says which pin holds a block 'indirect through <root>'", async () => {
    const a = await add(fileA);
    const leaf = await add(kuboDeterministicBytes(1000, "only in A"), { "only-hash": "true" });
    expect(await (await ipfs.rpc("pin/ls", { arg: leaf })).json()).toEqual({ Keys: { [leaf]: { Type: `indirect through ${a}` } } });
  });

  it("answers \"path '<arg>' is not pinned\" (Kubo's words) for an unpinned CID, or one pinned otherwise than asked", async () => {
    const unpinned = await add(fileA, { pin: "false" });
    expect(await errorOf(await ipfs.rpc("pin/ls", { arg: unpinned }))).toEqual({ status: 500, message: `path '${unpinned}' is not pinned` });
    await ipfs.client.pin.add(unpinned, { recursive: false });
    expect((await errorOf(await ipfs.rpc("pin/ls", { arg: unpinned, type: "recursive" }))).message).toMatch(/is not pinned/);
  });

  it("answers 400 for an unknown type", async () => {
    expect(await errorOf(await ipfs.rpc("pin/ls", { type: "sideways" }))).toEqual({
      status: 400,
      message: "invalid type 'sideways', must be one of {direct, indirect, recursive, all}",
    });
  });
});

async function pinType(cid: string): Promise<string | undefined> {
  return (await all(ipfs.client.pin.ls({ paths: [cid] })))[0]?.type;
}
