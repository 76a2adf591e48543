/**
 * The auditor's integrity check: is the content a record's on-chain digest claims still on IPFS,
 * byte for byte? It needs no key and decrypts nothing: the chain's `contentDigest` is the sha2-256
 * of the record's manifest, stored as one raw block whose CID the digest alone determines, and the
 * manifest is plaintext JSON listing every encrypted part of every file with its CID, length and
 * sha256. A check at depth "manifest" fetches that one block, compares its sha256 with the chain and
 * decodes it; at depth "full" (the default) it then fetches every part, one in memory at a time, and
 * compares each part's length and sha256 with the manifest.
 *
 * Verdicts are about the record, and come back as a result:
 * - "verified": everything fetched matched.
 * - "missing": the node answered that it does not hold a block (the manifest, or a part). The
 *   dev node (scripts/ipfs-node) says "block … is not in this node's blockstore"; a Kubo daemon
 *   running offline says "block was not found locally (offline)" (HTTP 500 both): the store makes
 *   both IpfsNotFoundError (ipfs/attempts.ts), which is "missing" here.
 * - "mismatch": the bytes the node returned are not what was claimed: the manifest's sha256 is not
 *   the chain's digest (or the block is over 1 MiB), the manifest is not our format (not JSON,
 *   unknown format or version, a part length out of range, a part CID that is not a CID), or a
 *   part's length or sha256 is not what the manifest lists.
 * The first difference found is the verdict; the rest of the record is not fetched. `problem` says
 * in one sentence what differed or is absent, and `failure` says where (manifest or which part of
 * which file) with the expected and actual values.
 *
 * Failures of the check itself are thrown, never turned into a verdict, so an auditor is never told
 * "missing" because the node was down: IpfsUnavailableError (unreachable, 5xx through every retry),
 * IpfsTimeoutError, IpfsUnauthorizedError, IpfsRejectedError (another 4xx), and the signal's reason
 * on abort. A timeout in particular: a Kubo node that is online does not refuse a block it lacks, it
 * searches the network for it, so the request waits; after the store's `timeoutMs` on each of its
 * attempts the check throws IpfsTimeoutError, because a slow node and an absent block look the same
 * from here. Check against the node that pins the records, with a timeout that suits it. (Kubo
 * answers at once for one request sent with its `offline=true` option; the store does not send it.)
 *
 * Limits of what `cat` shows: a part of several blocks whose root is present but a deeper block is
 * not is cut short mid-stream. The dev node breaks the response off (IpfsUnavailableError, thrown,
 * tested); Kubo ends it early with an X-Stream-Error trailer that kubo-rpc-client ignores (see
 * scripts/ipfs-node/content.ts), which reads as a short part: "mismatch", expected n bytes, got
 * fewer.
 *
 * Many records at once: checkIntegrityInBulk (integrity-bulk.ts). Which records: checkableRecords
 * (integrity-records.ts) lists every version from the access log, superseded and retracted included.
 */
import type { Hex } from "../bytes.js";
import { shortAddress } from "../chain/address.js";
import { manifestCid } from "../ipfs/cid.js";
import { IpfsIntegrityError, IpfsNotFoundError } from "../ipfs/errors.js";
import { getManifest } from "../ipfs/manifest-block.js";
import { readParts } from "../ipfs/read-parts.js";
import type { IpfsStore } from "../ipfs/store.js";
import type { Address } from "../ledger-context.js";
import { decodeManifest, RecordManifestError, type ManifestFile, type RecordManifest } from "../records/manifest.js";
import { manifestLayoutProblem } from "./integrity-layout.js";

/** What the chain claims: this record's manifest has this sha256. */
export interface RecordClaim {
  patient: Address;
  recordId: bigint;
  contentDigest: Hex;
}

export type IntegrityStatus = "verified" | "mismatch" | "missing";

/** "manifest": the manifest block only (one small fetch). "full": the manifest and every part. */
export type IntegrityDepth = "manifest" | "full";

export interface IntegrityCounts {
  files: number;
  parts: number;
  /** Ciphertext bytes; in `checked`, the manifest's own bytes too. */
  bytes: number;
}

/** Where a check found a difference or a gap, with the two sides when they were compared. */
export type IntegrityFailure =
  | { at: "manifest"; cid: string; expected?: string; actual?: string }
  | { at: "part"; file: number; part: number; cid: string; expected?: string; actual?: string };

interface ResultBase<R extends RecordClaim> {
  /** The claim as passed in, whatever else it carries (e.g. CheckableRecord's `retracted`). */
  record: R;
  depth: IntegrityDepth;
  /** The IPFS block the on-chain digest names. */
  manifestCid: string;
  /** What the manifest lists, once it was fetched, matched and decoded. */
  listed?: IntegrityCounts;
  /** What was fetched and found to match: the manifest's bytes, then whole parts and whole files. */
  checked: IntegrityCounts;
}

export type IntegrityResult<R extends RecordClaim = RecordClaim> = ResultBase<R> &
  ({ status: "verified" } | { status: "mismatch" | "missing"; problem: string; failure: IntegrityFailure });

export interface RecordIntegrityOptions {
  /** Default "full". */
  depth?: IntegrityDepth;
  signal?: AbortSignal;
  /** `checked` so far, after the manifest and after each part. */
  onProgress?(checked: IntegrityCounts): void;
}

/**
 * Checks one record's content against its on-chain digest (see the top of this file): resolves to
 * the verdict, throws the store's typed error when the node could not give one.
 */
export async function checkRecordIntegrity<R extends RecordClaim>(
  ipfs: IpfsStore,
  record: R,
  options: RecordIntegrityOptions = {},
): Promise<IntegrityResult<R>> {
  const { signal, onProgress } = options;
  const base: ResultBase<R> = {
    record,
    depth: options.depth ?? "full",
    manifestCid: manifestCid(record.contentDigest),
    checked: { files: 0, parts: 0, bytes: 0 },
  };
  const label = `Record #${record.recordId} of patient ${shortAddress(record.patient)}`;
  const verdict = (status: "mismatch" | "missing", failure: IntegrityFailure, problem: string): IntegrityResult<R> =>
    ({ ...base, checked: { ...base.checked }, status, failure, problem });
  signal?.throwIfAborted();

  let bytes: Uint8Array;
  try {
    bytes = await getManifest(ipfs, record.contentDigest, { what: label, signal });
  } catch (error) {
    const failure: IntegrityFailure = { at: "manifest", cid: base.manifestCid };
    if (error instanceof IpfsNotFoundError) {
      return verdict("missing", failure,
        `${label}: its manifest ${base.manifestCid}, which the on-chain digest ${record.contentDigest} names, is not on the IPFS node at ${ipfs.apiUrl}.`);
    }
    if (error instanceof IpfsIntegrityError) {
      return verdict("mismatch", { ...failure, expected: error.expected, actual: error.actual },
        `${label}: the IPFS node's copy of its manifest ${base.manifestCid} does not match the on-chain digest: expected ${error.expected}, got ${error.actual}.`);
    }
    throw error;
  }
  base.checked.bytes = bytes.length;
  onProgress?.({ ...base.checked });

  const decoded = decodeChecked(bytes);
  if (typeof decoded === "string") {
    return verdict("mismatch", { at: "manifest", cid: base.manifestCid },
      `${label}: its manifest ${base.manifestCid} matches the on-chain digest but is not an EHR Ledger record manifest (${decoded}).`);
  }
  base.listed = listedIn(decoded);
  if (base.depth === "manifest") return { ...base, status: "verified" };

  for (const [fileIndex, file] of decoded.files.entries()) {
    const gap = await checkFileParts(ipfs, file, fileIndex, base.checked, { signal, onProgress });
    if (gap === undefined) {
      base.checked.files++;
      continue;
    }
    const { failure, error } = gap;
    const part = `part ${failure.part} of file ${fileIndex}`;
    if (error instanceof IpfsNotFoundError) {
      const length = file.parts[failure.part]?.length ?? 0;
      return verdict("missing", failure, `${label}: ${part} (${failure.cid}, ${length} bytes) is not on the IPFS node at ${ipfs.apiUrl}.`);
    }
    return verdict("mismatch", { ...failure, expected: error.expected, actual: error.actual },
      `${label}: ${part} (${failure.cid}) does not match its manifest: expected ${error.expected}, got ${error.actual}.`);
  }
  return { ...base, status: "verified" };
}

/** The manifest, or what makes it not one of ours. */
function decodeChecked(bytes: Uint8Array): RecordManifest | string {
  let manifest: RecordManifest;
  try {
    manifest = decodeManifest(bytes);
  } catch (error) {
    if (error instanceof RecordManifestError) return error.detail;
    throw error;
  }
  return manifestLayoutProblem(manifest) ?? manifest;
}

function listedIn(manifest: RecordManifest): IntegrityCounts {
  return {
    files: manifest.files.length,
    parts: manifest.files.reduce((total, file) => total + file.parts.length, 0),
    bytes: manifest.files.reduce((total, file) => total + file.length, 0),
  };
}

type PartFailure = Extract<IntegrityFailure, { at: "part" }>;

/**
 * Reads `file`'s parts through readParts (which fetches one part at a time and checks its length
 * and sha256 before passing it on), counting each verified part into `checked`. Resolves to the
 * first part that is absent or differs; anything else (the node down, an abort) is thrown.
 */
async function checkFileParts(
  ipfs: IpfsStore,
  file: ManifestFile,
  fileIndex: number,
  checked: IntegrityCounts,
  options: Pick<RecordIntegrityOptions, "signal" | "onProgress">,
): Promise<{ failure: PartFailure; error: IpfsNotFoundError | IpfsIntegrityError } | undefined> {
  const reader = readParts(ipfs, file.parts, { what: `file ${fileIndex}`, signal: options.signal }).getReader();
  let partIndex = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return undefined;
      partIndex++;
      checked.parts++;
      checked.bytes += next.value.length;
      options.onProgress?.({ ...checked });
    }
  } catch (error) {
    if (!(error instanceof IpfsNotFoundError || error instanceof IpfsIntegrityError)) throw error;
    const cid = file.parts[partIndex]?.cid ?? "";
    return { failure: { at: "part", file: fileIndex, part: partIndex, cid }, error };
  } finally {
    reader.releaseLock();
  }
}
