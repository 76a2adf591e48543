import { readFileSync, unlinkSync } from "node:fs";
import path from "node:path";

import * as dagPb from "@ipld/dag-pb";
import { base32upper } from "multiformats/bases/base32";
import { CID } from "multiformats/cid";
import { describe, expect, it } from "vitest";

import { checkRecordIntegrity, type IntegrityCounts } from "../../../../../web/src/core/audit/integrity.js";
import {
  IpfsTimeoutError,
  IpfsUnauthorizedError,
  IpfsUnavailableError,
} from "../../../../../web/src/core/ipfs/errors.js";
import { MAX_PART_BYTES } from "../../../../../web/src/core/ipfs/part-stream.js";
import { createIpfsStore, type IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { deterministicBytes, kuboError, startFakeRpc, useNodeAndStore } from "../ipfs/support.js";
import {
  claimOf,
  claimOfAbsent,
  manifestBytes,
  PATIENT_SHORT,
  putParts,
  rawCid,
  sha256Hex,
  utf8,
} from "./integrity-support.js";

const MiB = 1024 * 1024;
const ipfs = useNodeAndStore({}, { retries: 0 });

function blockFile(cid: CID): string {
  const name = base32upper.encode(cid.multihash.bytes);
  return path.join(ipfs.dataDir, "blocks", name.slice(-2), `${name}.data`);
}

/** The store, keeping every CID it was asked to cat, in order. */
function recordingCats(store: IpfsStore): IpfsStore & { cats: string[] } {
  const cats: string[] = [];
  return { ...store, cats, cat: (cid, options) => (cats.push(cid), store.cat(cid, options)) };
}

describe("checkRecordIntegrity against the dev node", () => {
  it("checkRecordIntegrity_everyPartStored_verifiedWithEveryFilePartAndByteCounted", async () => {
    const document = deterministicBytes(1000, "document");
    const scan = deterministicBytes(2 * MiB + 5, "scan");
    const tail = deterministicBytes(300, "tail");
    const files = [await putParts(ipfs.store, [document]), await putParts(ipfs.store, [scan, tail])];
    const manifest = manifestBytes(files);
    const claim = await claimOf(ipfs.store, manifest);
    const progress: IntegrityCounts[] = [];

    const result = await checkRecordIntegrity(ipfs.store, claim, { onProgress: (checked) => progress.push(checked) });

    const content = 1000 + 2 * MiB + 5 + 300;
    expect(result).toEqual({
      record: claim,
      depth: "full",
      manifestCid: rawCid(manifest),
      listed: { files: 2, parts: 3, bytes: content },
      checked: { files: 2, parts: 3, bytes: manifest.length + content },
      status: "verified",
    });
    expect(progress).toEqual([
      { files: 0, parts: 0, bytes: manifest.length },
      { files: 0, parts: 1, bytes: manifest.length + 1000 },
      { files: 1, parts: 2, bytes: manifest.length + 1000 + 2 * MiB + 5 },
      { files: 1, parts: 3, bytes: manifest.length + content },
    ]);
  });

  it("checkRecordIntegrity_depthManifest_fetchesOnlyTheManifestAndListsItsParts", async () => {
    const parts = await putParts(ipfs.store, [deterministicBytes(500, "a"), deterministicBytes(700, "b")]);
    const manifest = manifestBytes([parts]);
    const claim = await claimOf(ipfs.store, manifest);
    const store = recordingCats(ipfs.store);

    const result = await checkRecordIntegrity(store, claim, { depth: "manifest" });

    expect(result).toEqual({
      record: claim,
      depth: "manifest",
      manifestCid: rawCid(manifest),
      listed: { files: 1, parts: 2, bytes: 1200 },
      checked: { files: 0, parts: 0, bytes: manifest.length },
      status: "verified",
    });
    expect(store.cats).toEqual([rawCid(manifest)]);
  });

  it("checkRecordIntegrity_manifestAbsent_missingNamingTheManifestAndTheDigest", async () => {
    const claim = claimOfAbsent("manifest", 3n);
    const cid = rawCid(utf8("never stored: manifest"));

    const result = await checkRecordIntegrity(ipfs.store, claim);

    expect(result).toEqual({
      record: claim,
      depth: "full",
      manifestCid: cid,
      checked: { files: 0, parts: 0, bytes: 0 },
      status: "missing",
      failure: { at: "manifest", cid },
      problem: `Record #3 of patient ${PATIENT_SHORT}: its manifest ${cid}, which the on-chain digest ${claim.contentDigest} names, is not on the IPFS node at ${ipfs.node.apiUrl}.`,
    });
  });

  it("checkRecordIntegrity_partAbsent_missingNamingFilePartAndCidAfterCheckingThePartsBefore", async () => {
    const [first] = await putParts(ipfs.store, [deterministicBytes(400, "present")]);
    const absent = deterministicBytes(600, "absent");
    const listedAbsent = { cid: rawCid(absent), length: 600, sha256: sha256Hex(absent) };
    const manifest = manifestBytes([[first!, listedAbsent], [first!]]);
    const claim = await claimOf(ipfs.store, manifest, 7n);
    const store = recordingCats(ipfs.store);

    const result = await checkRecordIntegrity(store, claim);

    expect(result).toMatchObject({
      status: "missing",
      checked: { files: 0, parts: 1, bytes: manifest.length + 400 },
      failure: { at: "part", file: 0, part: 1, cid: listedAbsent.cid },
      problem: `Record #7 of patient ${PATIENT_SHORT}: part 1 of file 0 (${listedAbsent.cid}, 600 bytes) is not on the IPFS node at ${ipfs.node.apiUrl}.`,
    });
    // The first gap is the verdict: file 1 is not fetched.
    expect(store.cats).toEqual([rawCid(manifest), first!.cid, listedAbsent.cid]);
  });

  it("checkRecordIntegrity_partSha256DiffersFromManifest_mismatchWithExpectedAndActualDigest", async () => {
    const bytes = deterministicBytes(800, "part");
    const [stored] = await putParts(ipfs.store, [bytes]);
    const claimed = sha256Hex(utf8("other bytes"));
    const claim = await claimOf(ipfs.store, manifestBytes([[{ ...stored!, sha256: claimed }]]));

    const result = await checkRecordIntegrity(ipfs.store, claim);

    expect(result).toMatchObject({
      status: "mismatch",
      checked: { files: 0, parts: 0 },
      failure: { at: "part", file: 0, part: 0, cid: stored!.cid, expected: `sha256 ${claimed}`, actual: `sha256 ${sha256Hex(bytes)}` },
      problem: `Record #1 of patient ${PATIENT_SHORT}: part 0 of file 0 (${stored!.cid}) does not match its manifest: expected sha256 ${claimed}, got sha256 ${sha256Hex(bytes)}.`,
    });
  });

  it("checkRecordIntegrity_partShorterOrLongerThanListed_mismatchWithBothLengths", async () => {
    const [stored] = await putParts(ipfs.store, [deterministicBytes(800, "length")]);
    for (const [listed, got] of [[801, "800 bytes"], [799, "more"]] as const) {
      const claim = await claimOf(ipfs.store, manifestBytes([[{ ...stored!, length: listed }]]));

      const result = await checkRecordIntegrity(ipfs.store, claim);

      expect(result).toMatchObject({
        status: "mismatch",
        failure: { at: "part", file: 0, part: 0, expected: `${listed} bytes`, actual: got },
        problem: `Record #1 of patient ${PATIENT_SHORT}: part 0 of file 0 (${stored!.cid}) does not match its manifest: expected ${listed} bytes, got ${got}.`,
      });
    }
  });

  it("checkRecordIntegrity_manifestNotOurFormat_mismatchSayingWhatIsWrongAtEitherDepth", async () => {
    const [part] = await putParts(ipfs.store, [deterministicBytes(100, "format")]);
    const valid = JSON.parse(new TextDecoder().decode(manifestBytes([[part!]]))) as { files: Array<{ length: number; parts: Array<{ length: number; cid: string }> }> };
    const withPart = (change: { length?: number; cid?: string }) =>
      utf8(JSON.stringify({ ...valid, files: [{ length: change.length ?? 100, parts: [{ ...valid.files[0]!.parts[0]!, ...change }] }] }));
    const cases: Array<[Uint8Array, string]> = [
      [utf8("not json {"), "not UTF-8 JSON"],
      [utf8(JSON.stringify({ format: "someone-else/manifest", version: 1 })), "unknown format"],
      [utf8(JSON.stringify({ ...valid, files: [] })), "it lists no files"],
      [withPart({ length: 0 }), `manifest.files[0].parts[0].length 0 is not 1 to ${MAX_PART_BYTES} bytes`],
      [withPart({ length: MAX_PART_BYTES + 1 }), `manifest.files[0].parts[0].length ${MAX_PART_BYTES + 1} is not 1 to ${MAX_PART_BYTES} bytes`],
      [withPart({ cid: "/ipfs/not-a-cid" }), 'manifest.files[0].parts[0].cid "/ipfs/not-a-cid" is not a CID'],
    ];
    for (const [manifest, detail] of cases) {
      const claim = await claimOf(ipfs.store, manifest);
      for (const depth of ["manifest", "full"] as const) {
        const result = await checkRecordIntegrity(ipfs.store, claim, { depth });

        expect(result, detail).toEqual({
          record: claim,
          depth,
          manifestCid: rawCid(manifest),
          checked: { files: 0, parts: 0, bytes: manifest.length },
          status: "mismatch",
          failure: { at: "manifest", cid: rawCid(manifest) },
          problem: `Record #1 of patient ${PATIENT_SHORT}: its manifest ${rawCid(manifest)} matches the on-chain digest but is not an EHR Ledger record manifest (${detail}).`,
        });
      }
    }
  });

  it("checkRecordIntegrity_innerBlockOfPartDeletedOnDevNode_throwsUnavailableNotAVerdict", async () => {
    const [part] = await putParts(ipfs.store, [deterministicBytes(2 * MiB, "deep")]);
    const claim = await claimOf(ipfs.store, manifestBytes([[part!]]));
    // The part's root links its two 1 MiB raw leaves; the dev node sends the first, then cannot read the second.
    const root = dagPb.decode(readFileSync(blockFile(CID.parse(part!.cid))));
    unlinkSync(blockFile((root.Links[1] as dagPb.PBLink).Hash));

    const check = checkRecordIntegrity(ipfs.store, claim);
    await expect(check).rejects.toBeInstanceOf(IpfsUnavailableError);
    await expect(check).rejects.toThrow(`IPFS cat of ${part!.cid} failed: the node at ${ipfs.node.apiUrl} could not be reached or broke off`);
  });
});

describe("checkRecordIntegrity when the node cannot give a verdict", () => {
  it("checkRecordIntegrity_nodeDown_throwsIpfsUnavailableError", async () => {
    const down = createIpfsStore({ apiUrl: "http://127.0.0.1:9", retries: 0 });
    await expect(checkRecordIntegrity(down, claimOfAbsent("down"))).rejects.toBeInstanceOf(IpfsUnavailableError);
  });

  it("checkRecordIntegrity_nodeNeverAnswers_throwsIpfsTimeoutError", async () => {
    const silent = await startFakeRpc(() => undefined);
    try {
      const store = createIpfsStore({ apiUrl: silent.apiUrl, retries: 0, timeoutMs: 200 });
      await expect(checkRecordIntegrity(store, claimOfAbsent("silent"))).rejects.toBeInstanceOf(IpfsTimeoutError);
    } finally {
      await silent.close();
    }
  });

  it("checkRecordIntegrity_nodeRefusesToken_throwsIpfsUnauthorizedError", async () => {
    const guarded = await startFakeRpc((_command, _url, res) => kuboError(res, 401, "missing token"));
    try {
      await expect(checkRecordIntegrity(createIpfsStore({ apiUrl: guarded.apiUrl }), claimOfAbsent("guarded"))).rejects.toBeInstanceOf(IpfsUnauthorizedError);
    } finally {
      await guarded.close();
    }
  });

  it("checkRecordIntegrity_abortedWhileFetching_throwsTheSignalsReason", async () => {
    const controller = new AbortController();
    const hanging: IpfsStore = {
      ...ipfs.store,
      cat: (_cid, options) =>
        new Promise((_resolve, reject) => {
          options.signal?.addEventListener("abort", () => reject(options.signal?.reason));
          controller.abort(new Error("the auditor closed the panel"));
        }),
    };
    await expect(checkRecordIntegrity(hanging, claimOfAbsent("aborted"), { signal: controller.signal })).rejects.toThrow("the auditor closed the panel");
  });
});

describe("checkRecordIntegrity against Kubo's answers", () => {
  it("checkRecordIntegrity_kuboOfflineLacksManifestOrPart_missing", async () => {
    const [part] = await putParts(ipfs.store, [deterministicBytes(100, "kubo part")]);
    const manifest = manifestBytes([[part!]]);
    const held = rawCid(manifest);
    const kubo = await startFakeRpc((_command, url, res) => {
      if (url.searchParams.get("arg") !== held) return kuboError(res, 500, "block was not found locally (offline)");
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end(manifest);
    });
    try {
      const store = createIpfsStore({ apiUrl: kubo.apiUrl, retries: 0 });
      const absent = claimOfAbsent("kubo");
      const present = { ...absent, contentDigest: sha256Hex(manifest) };

      expect(await checkRecordIntegrity(store, absent)).toMatchObject({ status: "missing", failure: { at: "manifest" } });
      expect(await checkRecordIntegrity(store, present)).toMatchObject({
        status: "missing",
        failure: { at: "part", file: 0, part: 0, cid: part!.cid },
        problem: `Record #1 of patient ${PATIENT_SHORT}: part 0 of file 0 (${part!.cid}, 100 bytes) is not on the IPFS node at ${kubo.apiUrl}.`,
      });
    } finally {
      await kubo.close();
    }
  });

  it("checkRecordIntegrity_nodeServesOtherBytesForTheManifest_mismatchWithBothDigests", async () => {
    const liar = await startFakeRpc((_command, _url, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("{}");
    });
    try {
      const claim = claimOfAbsent("liar");
      const result = await checkRecordIntegrity(createIpfsStore({ apiUrl: liar.apiUrl }), claim);

      const cid = rawCid(utf8("never stored: liar"));
      expect(result).toEqual({
        record: claim,
        depth: "full",
        manifestCid: cid,
        checked: { files: 0, parts: 0, bytes: 0 },
        status: "mismatch",
        failure: { at: "manifest", cid, expected: `sha256 ${claim.contentDigest}`, actual: `sha256 ${sha256Hex(utf8("{}"))}` },
        problem: `Record #1 of patient ${PATIENT_SHORT}: the IPFS node's copy of its manifest ${cid} does not match the on-chain digest: expected sha256 ${claim.contentDigest}, got sha256 ${sha256Hex(utf8("{}"))}.`,
      });
    } finally {
      await liar.close();
    }
  });
});
