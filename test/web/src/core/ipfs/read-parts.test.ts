import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import * as dagPb from "@ipld/dag-pb";
import { base32upper } from "multiformats/bases/base32";
import { CID } from "multiformats/cid";
import { describe, expect, it } from "vitest";

import { IpfsIntegrityError, IpfsPartLayoutError } from "../../../../../web/src/core/ipfs/errors.js";
import { readParts } from "../../../../../web/src/core/ipfs/read-parts.js";
import { createIpfsStore, type IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { uploadParts, type StoredPart } from "../../../../../web/src/core/ipfs/upload-parts.js";
import { readAllBytes } from "../../../../../web/src/core/streams.js";
import { deterministicBytes, deterministicStream, startFakeRpc, useNodeAndStore } from "./support.js";

const MiB = 1024 * 1024;
const WHAT = "record 3 of patient 0xab…cd";

const ipfs = useNodeAndStore();

function blockFile(cid: CID): string {
  const name = base32upper.encode(cid.multihash.bytes);
  return path.join(ipfs.dataDir, "blocks", name.slice(-2), `${name}.data`);
}

describe("readParts", () => {
  it("reports progress per verified part and reads nothing ahead of its reader", async () => {
    const parts = await uploadParts(ipfs.store, deterministicStream(3 * MiB, "ahead"), { partLengths: [MiB, MiB, MiB] });
    const fetched: number[] = [];
    const counting: IpfsStore = {
      ...ipfs.store,
      cat: (cid, options) => {
        fetched.push(parts.findIndex((part) => part.cid === cid));
        return ipfs.store.cat(cid, options);
      },
    };
    const progress: Array<[number, number]> = [];
    const reader = readParts(counting, parts, { what: WHAT, onProgress: (done, all) => progress.push([done, all]) }).getReader();
    expect((await reader.read()).value).toEqual(deterministicBytes(3 * MiB, "ahead").subarray(0, MiB));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetched).toEqual([0]);
    await reader.cancel();
    expect(progress).toEqual([[MiB, 3 * MiB]]);
  });

  it("fails with IpfsIntegrityError naming the record and part when a stored block was altered, and passes none of that part on", async () => {
    const parts = await uploadParts(ipfs.store, deterministicStream(4 * MiB, "tampered"), { partLengths: [2 * MiB, 2 * MiB] });
    const second = parts[1] as StoredPart;
    // The part's root links its 1 MiB raw leaves; flip one byte in the first leaf on disk.
    const root = dagPb.decode(readFileSync(blockFile(CID.parse(second.cid))));
    const leaf = blockFile((root.Links[0] as dagPb.PBLink).Hash);
    const bytes = readFileSync(leaf);
    bytes[1000] = (bytes[1000] as number) ^ 0xff;
    writeFileSync(leaf, bytes);

    const reader = readParts(ipfs.store, parts, { what: WHAT }).getReader();
    expect((await reader.read()).value?.length).toBe(2 * MiB);
    const failure = reader.read();
    await expect(failure).rejects.toBeInstanceOf(IpfsIntegrityError);
    await expect(failure).rejects.toThrow(
      new RegExp(`^${WHAT}, part 1 \\(${second.cid}\\) failed verification: expected sha256 ${second.sha256}, got sha256 0x[0-9a-f]{64}\\.`),
    );
  });

  it("fails with IpfsIntegrityError when the node returns fewer or more bytes than recorded", async () => {
    const bytes = new Uint8Array(1000).fill(7);
    for (const served of [bytes.subarray(0, 999), new Uint8Array(1001)]) {
      const liar = await startFakeRpc((_command, _url, res) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(served);
      });
      try {
        const part: StoredPart = { cid: "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", length: 1000, sha256: "0x00" };
        const reading = readAllBytes(readParts(createIpfsStore({ apiUrl: liar.apiUrl }), [part], { what: WHAT }));
        await expect(reading).rejects.toThrow(new RegExp(`failed verification: expected 1000 bytes, got ${served.length === 999 ? "999 bytes" : "more"}`));
      } finally {
        await liar.close();
      }
    }
  });

  it("refuses a part length too large to hold in memory before fetching anything", () => {
    const huge: StoredPart = { cid: "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", length: 2 ** 32, sha256: "0x00" };
    expect(() => readParts(ipfs.store, [huge], { what: WHAT })).toThrow(IpfsPartLayoutError);
  });
});
