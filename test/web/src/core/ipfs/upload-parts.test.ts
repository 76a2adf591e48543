import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { IpfsPartLayoutError, IpfsSourceChangedError } from "../../../../../web/src/core/ipfs/errors.js";
import { isPinned, unpin } from "../../../../../web/src/core/ipfs/pins.js";
import { readParts } from "../../../../../web/src/core/ipfs/read-parts.js";
import { uploadParts, type StoredPart } from "../../../../../web/src/core/ipfs/upload-parts.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { countingAdds, deterministicBytes, deterministicStream, useNodeAndStore } from "./support.js";

const MiB = 1024 * 1024;
/** About 20 MiB in parts as the envelope lays them out: 8 MiB of plaintext plus tags per part. */
const partLengths = [8 * MiB + 160, 8 * MiB + 128, 4 * MiB + 64];
const total = partLengths.reduce((sum, length) => sum + length, 0);
const SEED = "record ciphertext";

const ipfs = useNodeAndStore();

const sha256Hex = (bytes: Uint8Array) => `0x${createHash("sha256").update(bytes).digest("hex")}`;

describe("uploadParts", () => {
  it("stores a 20 MiB stream as pinned parts with their lengths and sha256, reporting progress, and reads it back", async () => {
    const progress: number[] = [];
    const storedAsTheyCame: number[] = [];
    const parts = await uploadParts(ipfs.store, deterministicStream(total, SEED), {
      partLengths,
      onProgress: (done, all) => {
        expect(all).toBe(total);
        progress.push(done);
      },
      onPartStored: (index) => storedAsTheyCame.push(index),
    });

    const expected = deterministicBytes(total, SEED);
    let offset = 0;
    parts.forEach((part, index) => {
      const length = partLengths[index] as number;
      expect(part).toEqual({ cid: expect.stringMatching(/^bafybei/), length, sha256: sha256Hex(expected.subarray(offset, offset + length)) });
      offset += length;
    });
    expect(storedAsTheyCame).toEqual([0, 1, 2]);
    expect(progress.at(-1)).toBe(total);
    expect(progress.length).toBeGreaterThan(partLengths.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    for (const part of parts) expect(await isPinned(ipfs.store, part.cid)).toBe(true);

    const readBack = await readAllBytes(readParts(ipfs.store, parts, { what: "record 1 of patient 0xab…cd" }));
    expect(sha256Hex(readBack)).toBe(sha256Hex(expected));
    await unpin(ipfs.store, parts.map((part) => part.cid));
  });

  it("resumes after an interruption, uploading only the parts not yet stored", async () => {
    const interrupted = new AbortController();
    const storedBefore: StoredPart[] = [];
    const first = countingAdds(ipfs.store);
    await expect(
      uploadParts(first, deterministicStream(total, SEED), {
        partLengths,
        signal: interrupted.signal,
        onPartStored: (_index, part) => storedBefore.push(part),
        // Pull the plug halfway through the second part's upload.
        onProgress: (done) => {
          if (done > (partLengths[0] as number) + 4 * MiB) interrupted.abort(new Error("tab closed"));
        },
      }),
    ).rejects.toThrow("tab closed");
    expect(storedBefore).toHaveLength(1);

    const second = countingAdds(ipfs.store);
    const parts = await uploadParts(second, deterministicStream(total, SEED), { partLengths, alreadyStored: storedBefore });
    expect(second.adds).toBe(2);
    expect(parts[0]).toEqual(storedBefore[0]);
    expect(sha256Hex(await readAllBytes(readParts(ipfs.store, parts, { what: "resumed upload" })))).toBe(sha256Hex(deterministicBytes(total, SEED)));
    await unpin(ipfs.store, parts.map((part) => part.cid));
  });

  it("uploads a stored part again when it is no longer pinned", async () => {
    const [firstPart] = await uploadParts(ipfs.store, deterministicStream(partLengths[0] as number, SEED), { partLengths: partLengths.slice(0, 1) });
    await unpin(ipfs.store, [(firstPart as StoredPart).cid]);
    const counting = countingAdds(ipfs.store);
    const parts = await uploadParts(counting, deterministicStream(total, SEED), { partLengths, alreadyStored: [firstPart as StoredPart] });
    expect(counting.adds).toBe(3);
    expect(parts[0]).toEqual(firstPart);
    await unpin(ipfs.store, parts.map((part) => part.cid));
  });

  it("refuses to resume when the source now gives other bytes, before uploading anything", async () => {
    const [firstPart] = await uploadParts(ipfs.store, deterministicStream(partLengths[0] as number, SEED), { partLengths: partLengths.slice(0, 1) });
    const counting = countingAdds(ipfs.store);
    const failure = uploadParts(counting, deterministicStream(total, "another file"), { partLengths, alreadyStored: [firstPart as StoredPart] });
    await expect(failure).rejects.toBeInstanceOf(IpfsSourceChangedError);
    await expect(failure).rejects.toThrow(/part 0 now hashes to sha256 0x[0-9a-f]{64}, but the interrupted upload stored 0x[0-9a-f]{64}\. The source changed since; start a new upload/);
    expect(counting.adds).toBe(0);
    await unpin(ipfs.store, [(firstPart as StoredPart).cid]);
  });

  it("refuses stored parts whose lengths do not match the file's parts", async () => {
    const stale: StoredPart = { cid: "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", length: 5, sha256: "0x00" };
    await expect(uploadParts(ipfs.store, deterministicStream(total, SEED), { partLengths, alreadyStored: [stale] })).rejects.toBeInstanceOf(IpfsPartLayoutError);
  });

  it("leaves nothing pinned or stored once its parts are unpinned", async () => {
    const parts = await uploadParts(ipfs.store, deterministicStream(3 * MiB, "short"), { partLengths: [2 * MiB, MiB] });
    await unpin(ipfs.store, parts.map((part) => part.cid));
    expect(ipfs.blockFiles()).toEqual([]);
  });
});
