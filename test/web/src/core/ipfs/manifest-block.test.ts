import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { Hex } from "../../../../../web/src/core/bytes.js";
import { digestOfCid, manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import {
  IpfsImportMismatchError,
  IpfsIntegrityError,
  IpfsManifestTooLargeError,
  IpfsNotFoundError,
} from "../../../../../web/src/core/ipfs/errors.js";
import { getManifest, MAX_MANIFEST_BYTES, putManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import { isPinned } from "../../../../../web/src/core/ipfs/pins.js";
import { createIpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { deterministicBytes, startFakeRpc, useNodeAndStore } from "./support.js";

const WHAT = "record 3 of patient 0xab…cd";
const manifest = new TextEncoder().encode(JSON.stringify({ version: 1, files: [{ parts: [] }] }));
const sha256Hex = (bytes: Uint8Array): Hex => `0x${createHash("sha256").update(bytes).digest("hex")}`;

const ipfs = useNodeAndStore();

describe("putManifest / getManifest", () => {
  it("stores the manifest pinned under CIDv1(raw, its sha256) and returns that digest", async () => {
    const digest = await putManifest(ipfs.store, manifest);
    expect(digest).toBe(sha256Hex(manifest));
    expect(digestOfCid(manifestCid(digest))).toBe(digest);
    expect(await isPinned(ipfs.store, manifestCid(digest))).toBe(true);
    expect(await getManifest(ipfs.store, digest, { what: WHAT })).toEqual(manifest);
  });

  it("keeps a manifest of exactly 1 MiB in a single block", async () => {
    const largest = deterministicBytes(MAX_MANIFEST_BYTES, "largest manifest");
    const digest = await putManifest(ipfs.store, largest);
    expect(await getManifest(ipfs.store, digest, { what: WHAT })).toEqual(largest);
  });

  it("refuses a manifest over 1 MiB before sending it", async () => {
    const failing = createIpfsStore({ apiUrl: "http://127.0.0.1:9" });
    await expect(putManifest(failing, new Uint8Array(MAX_MANIFEST_BYTES + 1))).rejects.toBeInstanceOf(IpfsManifestTooLargeError);
  });

  it("reports IpfsNotFoundError for a digest the node has nothing for", async () => {
    await expect(getManifest(ipfs.store, sha256Hex(new TextEncoder().encode("never stored")), { what: WHAT })).rejects.toBeInstanceOf(IpfsNotFoundError);
  });
});

describe("putManifest / getManifest with a misbehaving node", () => {
  it("fails with IpfsImportMismatchError when the node ignores the import settings, and unpins what it stored", async () => {
    const otherCid = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    const legacy = await startFakeRpc((command, _url, res, req) => {
      req.resume();
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(command === "add" ? `${JSON.stringify({ Name: otherCid, Hash: otherCid, Size: "20" })}\n` : `${JSON.stringify({ Pins: [otherCid] })}\n`);
    });
    try {
      const failure = putManifest(createIpfsStore({ apiUrl: legacy.apiUrl }), manifest);
      await expect(failure).rejects.toBeInstanceOf(IpfsImportMismatchError);
      await expect(failure).rejects.toThrow(`stored the manifest as ${otherCid}, not ${manifestCid(sha256Hex(manifest))}`);
      expect(legacy.requests).toEqual(["add", "pin/rm"]);
    } finally {
      await legacy.close();
    }
  });

  it("fails with IpfsIntegrityError naming the record when the node returns other bytes", async () => {
    const liar = await startFakeRpc((_command, _url, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("{}");
    });
    try {
      const digest = sha256Hex(manifest);
      const failure = getManifest(createIpfsStore({ apiUrl: liar.apiUrl }), digest, { what: WHAT });
      await expect(failure).rejects.toBeInstanceOf(IpfsIntegrityError);
      await expect(failure).rejects.toThrow(`the manifest of ${WHAT} (${manifestCid(digest)}) failed verification: expected sha256 ${digest}, got sha256 ${sha256Hex(new TextEncoder().encode("{}"))}`);
    } finally {
      await liar.close();
    }
  });
});
