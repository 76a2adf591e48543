import { createHash } from "node:crypto";

import type { RecordClaim } from "../../../../../web/src/core/audit/integrity.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import { manifestCid } from "../../../../../web/src/core/ipfs/cid.js";
import { putManifest } from "../../../../../web/src/core/ipfs/manifest-block.js";
import type { IpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { encodeManifest, type ManifestPart } from "../../../../../web/src/core/records/manifest.js";

export const PATIENT: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
/** shortAddress(PATIENT), as the sentences name the patient. */
export const PATIENT_SHORT = "0x7099…79C8";

export const sha256Hex = (bytes: Uint8Array): Hex => `0x${createHash("sha256").update(bytes).digest("hex")}`;
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The CID `bytes` would have as one raw block; stored nowhere unless added. */
export const rawCid = (bytes: Uint8Array): string => manifestCid(sha256Hex(bytes));

/** Adds each part, and lists it as a manifest would. */
export async function putParts(store: IpfsStore, parts: readonly Uint8Array[]): Promise<ManifestPart[]> {
  const listed: ManifestPart[] = [];
  for (const bytes of parts) listed.push({ cid: await store.add(bytes), length: bytes.length, sha256: sha256Hex(bytes) });
  return listed;
}

/** A manifest of our format listing `files` (each a list of parts), with placeholder keys. */
export function manifestBytes(files: readonly ManifestPart[][]): Uint8Array {
  return encodeManifest({
    recordNonce: new Uint8Array(16).fill(1),
    dataKey: { forPatient: new Uint8Array(8).fill(2), underScopeKey: new Uint8Array(8).fill(3) },
    chunkSize: 4096,
    files: files.map((parts) => ({ length: parts.reduce((total, part) => total + part.length, 0), parts })),
  });
}

/** Stores `manifest` and claims it for record `recordId` of PATIENT, as the chain would. */
export async function claimOf(store: IpfsStore, manifest: Uint8Array, recordId = 1n): Promise<RecordClaim> {
  return { patient: PATIENT, recordId, contentDigest: await putManifest(store, manifest) };
}

/** A claim whose manifest was never stored. */
export function claimOfAbsent(seed: string, recordId = 1n): RecordClaim {
  return { patient: PATIENT, recordId, contentDigest: sha256Hex(utf8(`never stored: ${seed}`)) };
}

/** A record of one file of `parts` (bytes), fully stored. */
export async function storedRecord(store: IpfsStore, parts: readonly Uint8Array[], recordId = 1n): Promise<RecordClaim> {
  return claimOf(store, manifestBytes([await putParts(store, parts)]), recordId);
}
