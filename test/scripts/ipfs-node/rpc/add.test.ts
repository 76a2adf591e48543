import { createHash } from "node:crypto";
import { once } from "node:events";
import { connect } from "node:net";

import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { create as createDigest } from "multiformats/hashes/digest";
import { describe, expect, it } from "vitest";

import { fileForm, kuboDeterministicBytes, ndjson, useTestNode } from "../support.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** CIDv1(raw, sha2-256) from node:crypto's sha256, independently of the importer. */
function rawCidOf(bytes: Uint8Array): string {
  const digest = createHash("sha256").update(bytes).digest();
  return CID.createV1(raw.code, createDigest(0x12, digest)).toString();
}

const ipfs = useTestNode();

async function addCid(bytes: Uint8Array, query: Record<string, string> = {}): Promise<string> {
  const response = await ipfs.rpc("add", query, { body: fileForm([{ bytes }]) });
  expect(response.status).toBe(200);
  const lines = (await ndjson(response)) as Array<{ Hash?: string }>;
  const hash = lines.at(-1)?.Hash;
  if (hash === undefined) throw new Error(`no Hash in ${JSON.stringify(lines)}`);
  return hash;
}

describe("add: CIDs match Kubo's", () => {
  // go-ipfs README, "Some things to try": echo "hello world" > hello; ipfs add hello.
  it("gives Kubo's default CID and Size for the 12 bytes 'hello world\\n'", async () => {
    const response = await ipfs.rpc("add", {}, { body: fileForm([{ bytes: utf8("hello world\n"), filename: "hello" }]) });
    expect(await ndjson(response)).toEqual([{ Name: "hello", Hash: "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", Size: "20" }]);
  });

  // Kubo test/cli/cid_profiles_test.go, unixfsV02015.SmallFileCID (Kubo's default profile).
  it("gives Kubo's default CID for 'hello world'", async () => {
    expect(await addCid(utf8("hello world"))).toBe("Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD");
  });

  // Kubo test/cli/cid_profiles_test.go, unixfsV12025.SmallFileCID: a one-chunk file with raw leaves is its raw leaf.
  it("gives the raw-leaf CIDv1 for 'hello world' with cid-version=1 (raw leaves on by default, as in Kubo)", async () => {
    expect(await addCid(utf8("hello world"), { "cid-version": "1" })).toBe("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
  });

  it("gives CIDv1(raw, sha256) of the bytes for 'hello world\\n' with cid-version=1", async () => {
    const bytes = utf8("hello world\n");
    expect(rawCidOf(bytes)).toBe("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
    expect(await addCid(bytes, { "cid-version": "1" })).toBe(rawCidOf(bytes));
  });

  // Kubo test/cli/cid_profiles_test.go, unixfs-v0-2015 (= Kubo's default add), deterministic inputs
  // from test/cli/testutils/random_deterministic.go.
  it("gives Kubo's default CID for a file of exactly one 256 KiB chunk (seed chunk-v0-seed)", async () => {
    expect(await addCid(kuboDeterministicBytes(262_144, "chunk-v0-seed"))).toBe("QmWmRj3dFDZdb6ABvbmKhEL6TmPbAfBZ1t5BxsEyJrcZhE");
  });

  it("gives Kubo's default CID for a file one byte over a chunk (two dag-pb leaves)", async () => {
    expect(await addCid(kuboDeterministicBytes(262_145, "chunk-v0-seed"))).toBe("QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ");
  });

  it("gives Kubo's default CID for a file of exactly 174 chunks (one layer of 174 links)", async () => {
    const bytes = kuboDeterministicBytes(174 * 262_144, "v0-seed");
    expect(await addCid(bytes, { "only-hash": "true" })).toBe("QmUbBALi174SnogsUzLpYbD4xPiBSFANF4iztWCsHbMKh2");
  });

  it("gives Kubo's default CID for a file one byte over 174 chunks (rebalanced to two layers)", async () => {
    const bytes = kuboDeterministicBytes(174 * 262_144 + 1, "v0-seed");
    expect(await addCid(bytes, { "only-hash": "true" })).toBe("QmV81WL765sC8DXsRhE5fJv2rwhS4icHRaf3J9Zk5FdRnW");
  });

  // Kubo test/cli/cid_profiles_test.go, unixfs-v1-2025: CIDv1, raw leaves, 1 MiB chunks, the
  // settings the client uses for parts and manifests. (Its 1024-link limit does not matter for two leaves.)
  const clientSettings = { "cid-version": "1", "raw-leaves": "true", chunker: "size-1048576" };

  it("gives Kubo's CID for one 1 MiB chunk with the client's settings (a single raw block)", async () => {
    const bytes = kuboDeterministicBytes(1_048_576, "chunk-v1-seed");
    expect(await addCid(bytes, clientSettings)).toBe("bafkreiacndfy443ter6qr2tmbbdhadvxxheowwf75s6zehscklu6ezxmta");
    expect(rawCidOf(bytes)).toBe("bafkreiacndfy443ter6qr2tmbbdhadvxxheowwf75s6zehscklu6ezxmta");
  });

  it("gives Kubo's CID for one byte over 1 MiB with the client's settings (two raw leaves)", async () => {
    const bytes = kuboDeterministicBytes(1_048_577, "chunk-v1-seed");
    expect(await addCid(bytes, clientSettings)).toBe("bafybeigmix7t42i6jacydtquhet7srwvgpizfg7gjbq7627d35mjomtu64");
  });
});

describe("add: options", () => {
  it("honours chunker: 256 KiB + 1 byte fits one 1 MiB chunk, so with raw leaves it is a single raw block", async () => {
    const bytes = kuboDeterministicBytes(262_145, "chunk-v0-seed");
    expect(await addCid(bytes, { "cid-version": "1", chunker: "size-1048576" })).toBe(rawCidOf(bytes));
    expect(CID.parse(await addCid(bytes, { "cid-version": "1" })).code).toBe(0x70);
  });

  it("honours raw-leaves=false with cid-version=1: a one-chunk file is a dag-pb node, not a raw block", async () => {
    const cid = CID.parse(await addCid(utf8("hello world"), { "cid-version": "1", "raw-leaves": "false" }));
    expect(cid.version).toBe(1);
    expect(cid.code).toBe(0x70);
    // The same node as Kubo's CIDv0 of these bytes, only in CIDv1.
    expect(cid.toV0().toString()).toBe("Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD");
  });

  it("names the result after the file part, or after its CID when the part is unnamed (as Kubo)", async () => {
    const named = await ndjson(await ipfs.rpc("add", {}, { body: fileForm([{ bytes: utf8("a"), filename: "report%20v1.bin" }]) }));
    expect(named).toEqual([expect.objectContaining({ Name: "report v1.bin" })]);
    const unnamed = (await ndjson(await ipfs.rpc("add", {}, { body: fileForm([{ bytes: utf8("a") }]) }))) as Array<{ Name: string; Hash: string }>;
    expect(unnamed[0]?.Name).toBe(unnamed[0]?.Hash);
  });

  it("streams {Name, Bytes} progress lines before the result when progress=true", async () => {
    const bytes = kuboDeterministicBytes(600_000, "progress");
    const lines = (await ndjson(await ipfs.rpc("add", { progress: "true" }, { body: fileForm([{ bytes, filename: "p" }]) }))) as Array<Record<string, unknown>>;
    const progress = lines.slice(0, -1);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const line of progress) expect(Object.keys(line).sort()).toEqual(["Bytes", "Name"]);
    expect(progress.at(-1)).toEqual({ Name: "p", Bytes: 600_000 });
    expect(lines.at(-1)).toEqual({ Name: "p", Hash: expect.any(String), Size: expect.any(String) });
  });

  it("pins what it adds by default, and not with pin=false", async () => {
    const pinned = await addCid(utf8("pinned by default"));
    const unpinned = await addCid(utf8("not pinned"), { pin: "false" });
    const pins = (await (await ipfs.rpc("pin/ls", { type: "recursive" })).json()) as { Keys: Record<string, unknown> };
    expect(Object.keys(pins.Keys)).toContain(pinned);
    expect(Object.keys(pins.Keys)).not.toContain(unpinned);
  });

  it("stores nothing with only-hash=true", async () => {
    const bytes = utf8("only hashed, never stored");
    const before = ipfs.blockFiles().length;
    const cid = await addCid(bytes, { "only-hash": "true", "cid-version": "1" });
    expect(cid).toBe(rawCidOf(bytes));
    expect(ipfs.blockFiles()).toHaveLength(before);
    expect((await ipfs.rpc("cat", { arg: cid })).status).toBe(500);
  });
});

describe("add: an interrupted upload", () => {
  it("leaves no blocks behind and does not hold up later commands", async () => {
    const before = ipfs.blockFiles().length;
    const url = new URL("/api/v0/add", ipfs.node.apiUrl);
    const boundary = "interrupted";
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    await once(socket, "connect");
    socket.write(
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
        "Transfer-Encoding: chunked\r\n\r\n",
    );
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const partial = Buffer.concat([Buffer.from(head), kuboDeterministicBytes(3 * 262_144, "cut off")]);
    socket.write(`${partial.length.toString(16)}\r\n`);
    socket.write(partial);
    socket.write("\r\n");
    // Long enough for the node to import (and write) the first chunks, then the client vanishes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.destroy();

    const pinned = await addCid(utf8("after the interruption"));
    await ipfs.client.pin.rm(pinned);
    expect(ipfs.blockFiles()).toHaveLength(before);
  });
});

describe("add: refusals", () => {
  it.each([
    [{ chunker: "rabin" }, /rabin and buzhash are not implemented/],
    [{ chunker: "buzhash" }, /rabin and buzhash are not implemented/],
    [{ chunker: "size-1048577" }, /may not exceed the maximum chunk size of 1048576/],
    [{ chunker: "size-0" }, /greater than 0/],
    [{ hash: "sha2-512" }, /only sha2-256/],
    [{ "cid-version": "2" }, /cid-version must be 0 or 1/],
    [{ "raw-leaves": "maybe" }, /must be true or false/],
    [{ trickle: "true" }, /"trickle" is not supported/],
    [{ "wrap-with-directory": "true" }, /"wrap-with-directory" is not supported/],
  ])("answers 400 with Kubo's error shape for %o", async (query, message) => {
    const response = await ipfs.rpc("add", query, { body: fileForm([{ bytes: utf8("x") }]) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { Message: string; Code: number; Type: string };
    expect(body).toEqual({ Message: expect.stringMatching(message), Code: 1, Type: "error" });
  });

  it("refuses a body with several files and keeps none of their blocks", async () => {
    const before = ipfs.blockFiles().length;
    const response = await ipfs.rpc("add", {}, { body: fileForm([{ bytes: utf8("first of two") }, { bytes: utf8("second of two") }]) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Message: string }).Message).toMatch(/one file per request/);
    expect(ipfs.blockFiles()).toHaveLength(before);
  });

  it("refuses a directory part", async () => {
    const response = await ipfs.rpc("add", {}, { body: fileForm([{ bytes: new Uint8Array(0), filename: "dir", contentType: "application/x-directory" }]) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Message: string }).Message).toMatch(/directories are not supported/);
  });

  it("refuses a body that is not multipart", async () => {
    const response = await ipfs.rpc("add", {}, { body: "hello", headers: { "content-type": "text/plain" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Message: string }).Message).toMatch(/multipart/);
  });
});
