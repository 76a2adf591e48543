import { describe, expect, it } from "vitest";

import { putManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { IpfsUnauthorizedError } from "../../../../../web/src/core/ipfs/errors.js";
import { isPinned, unpin } from "../../../../../web/src/core/ipfs/pins.js";
import { createIpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { uploadParts } from "../../../../../web/src/core/ipfs/upload-parts.js";
import { deterministicStream, useNodeAndStore } from "./support.js";

const MiB = 1024 * 1024;

const ipfs = useNodeAndStore({ token: "t" }, { token: "t" });

describe("unpin / isPinned", () => {
  it("unpinning a record's parts and manifest leaves no block on the node", async () => {
    const parts = await uploadParts(ipfs.store, deterministicStream(5 * MiB, "record"), { partLengths: [3 * MiB, 2 * MiB] });
    const digest = await putManifest(ipfs.store, new TextEncoder().encode(JSON.stringify(parts)));
    expect(ipfs.blockFiles().length).toBeGreaterThan(0);
    await unpin(ipfs.store, [...parts.map((part) => part.cid), manifestCid(digest)]);
    expect(ipfs.blockFiles()).toEqual([]);
    expect(await isPinned(ipfs.store, manifestCid(digest))).toBe(false);
  });

  it("ignores CIDs that are already unpinned, so undoing twice is fine", async () => {
    const digest = await putManifest(ipfs.store, new TextEncoder().encode("undo me twice"));
    await unpin(ipfs.store, [manifestCid(digest)]);
    await expect(unpin(ipfs.store, [manifestCid(digest), manifestCid(digest)])).resolves.toBeUndefined();
  });

  it("still fails on real errors, such as a missing token", async () => {
    const digest = await putManifest(ipfs.store, new TextEncoder().encode("guarded"));
    const anonymous = createIpfsStore({ apiUrl: ipfs.node.apiUrl });
    await expect(unpin(anonymous, [manifestCid(digest)])).rejects.toBeInstanceOf(IpfsUnauthorizedError);
    expect(await isPinned(anonymous, manifestCid(digest))).toBe(true);
  });
});
