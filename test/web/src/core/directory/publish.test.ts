import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { Hex } from "../../../../../web/src/core/bytes.js";
import { encodeProviderProfile, ProviderProfileError } from "../../../../../web/src/core/directory/profile.js";
import { fetchProviderProfile, publishProviderProfile } from "../../../../../web/src/core/directory/publish.js";
import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { IpfsIntegrityError, IpfsNotFoundError } from "../../../../../web/src/core/ipfs/errors.js";
import { putManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import { isPinned } from "../../../../../web/src/core/ipfs/pins.js";
import { countingAdds, useNodeAndStore } from "../ipfs/support.js";

const sha256Hex = (bytes: Uint8Array): Hex => `0x${createHash("sha256").update(bytes).digest("hex")}`;
const profile = { name: "Dr. Ada Osei", specialty: "Cardiology", facility: "Saint Mary Hospital" };

const ipfs = useNodeAndStore({}, { retries: 0 });

describe("publishProviderProfile", () => {
  it("pins the canonical bytes as one raw block and returns their sha256", async () => {
    const digest = await publishProviderProfile(ipfs.store, profile);
    const bytes = encodeProviderProfile(profile);
    expect(digest).toBe(sha256Hex(bytes));
    expect(await isPinned(ipfs.store, manifestCid(digest))).toBe(true);
    expect(await ipfs.store.cat(manifestCid(digest), { maxBytes: 1024 })).toEqual(bytes);
  });

  it("refuses an invalid profile before storing anything", async () => {
    const counting = countingAdds(ipfs.store);
    await expect(publishProviderProfile(counting, { name: " " })).rejects.toThrow(ProviderProfileError);
    expect(counting.adds).toBe(0);
  });
});

describe("fetchProviderProfile", () => {
  it("returns the published profile", async () => {
    const digest = await publishProviderProfile(ipfs.store, { name: "Northside Lab", facility: "Saint Mary Hospital" });
    expect(await fetchProviderProfile(ipfs.store, digest)).toEqual({ name: "Northside Lab", facility: "Saint Mary Hospital" });
  });

  it("reports IpfsNotFoundError for a digest nothing was stored under", async () => {
    await expect(fetchProviderProfile(ipfs.store, `0x${"11".repeat(32)}`)).rejects.toBeInstanceOf(IpfsNotFoundError);
  });

  it("reports IpfsIntegrityError when the node returns other bytes than the digest names", async () => {
    const digest = await publishProviderProfile(ipfs.store, profile);
    const lying = { ...ipfs.store, cat: () => Promise.resolve(encodeProviderProfile({ name: "Dr. Mallory" })) };
    await expect(fetchProviderProfile(lying, digest)).rejects.toBeInstanceOf(IpfsIntegrityError);
  });

  it("reports ProviderProfileError for a stored block that is not a profile", async () => {
    const digest = await putManifest(ipfs.store, new TextEncoder().encode('{"name":"Dr. Osei"}'));
    await expect(fetchProviderProfile(ipfs.store, digest)).rejects.toThrow('The provider profile is not valid: its type is not "ehr-ledger/provider-profile".');
  });
});
