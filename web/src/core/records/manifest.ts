/**
 * The record manifest: the one IPFS object the chain points at. `contentDigest` on chain is the
 * sha2-256 of these exact bytes, so everything the manifest names (parts, wraps, nonce) is fixed by
 * the chain. It holds no PHI: random nonces, wrapped keys, content identifiers and sizes only.
 */
import { fromHex, toHex, utf8, type Hex } from "../bytes.js";
import { RECORD_NONCE_LENGTH } from "../ledger-context.js";

export const MANIFEST_FORMAT = "ehr-ledger/record";
export const MANIFEST_VERSION = 1;

export interface ManifestPart {
  cid: string;
  /** Ciphertext bytes in this part. */
  length: number;
  sha256: Hex;
}

export interface ManifestFile {
  /** Ciphertext bytes of the whole envelope (header and every chunk). */
  length: number;
  parts: ManifestPart[];
}

export interface RecordManifest {
  recordNonce: Uint8Array;
  /** The record's data key, sealed to the patient and encrypted under the category's scope key. */
  dataKey: { forPatient: Uint8Array; underScopeKey: Uint8Array };
  chunkSize: number;
  /** File 0 is the FHIR document; files 1.. are its attachments. */
  files: ManifestFile[];
}

export class RecordManifestError extends Error {
  readonly code = "RECORD_MANIFEST_INVALID";
  /** What is wrong, e.g. "not UTF-8 JSON" or "manifest.files[0] has no parts". */
  constructor(readonly detail: string) {
    super(`The record's manifest is not a valid EHR Ledger manifest (${detail}); the record cannot be opened.`);
    this.name = "RecordManifestError";
  }
}

export function encodeManifest(manifest: RecordManifest): Uint8Array {
  // Fixed key order: equal manifests give equal bytes, so a resumed upload reproduces the digest.
  return utf8(
    JSON.stringify({
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      recordNonce: toHex(manifest.recordNonce),
      dataKey: { forPatient: toHex(manifest.dataKey.forPatient), underScopeKey: toHex(manifest.dataKey.underScopeKey) },
      chunkSize: manifest.chunkSize,
      files: manifest.files.map((file) => ({
        length: file.length,
        parts: file.parts.map((part) => ({ cid: part.cid, length: part.length, sha256: part.sha256 })),
      })),
    }),
  );
}

type Json = unknown;

function field(object: Json, name: string, where: string): Json {
  if (typeof object !== "object" || object === null || Array.isArray(object)) throw new RecordManifestError(`${where} is not an object`);
  if (!(name in object)) throw new RecordManifestError(`${where}.${name} is missing`);
  return (object as Record<string, Json>)[name];
}

function byteLength(value: Json, where: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) throw new RecordManifestError(`${where} is not a byte length`);
  return value;
}

function hexBytes(value: Json, where: string, length?: number): Uint8Array {
  if (typeof value !== "string") throw new RecordManifestError(`${where} is not a hex string`);
  let bytes: Uint8Array;
  try {
    bytes = fromHex(value);
  } catch {
    throw new RecordManifestError(`${where} is not a hex string`);
  }
  if (length !== undefined && bytes.length !== length) throw new RecordManifestError(`${where} must be ${length} bytes`);
  return bytes;
}

function array(value: Json, where: string): Json[] {
  if (!Array.isArray(value)) throw new RecordManifestError(`${where} is not a list`);
  return value;
}

function parsePart(value: Json, where: string): ManifestPart {
  const cid = field(value, "cid", where);
  if (typeof cid !== "string" || cid.length === 0 || cid.length > 128) throw new RecordManifestError(`${where}.cid is not a CID`);
  return {
    cid,
    length: byteLength(field(value, "length", where), `${where}.length`),
    sha256: toHex(hexBytes(field(value, "sha256", where), `${where}.sha256`, 32)),
  };
}

function parseFile(value: Json, where: string): ManifestFile {
  const parts = array(field(value, "parts", where), `${where}.parts`).map((part, i) => parsePart(part, `${where}.parts[${i}]`));
  const length = byteLength(field(value, "length", where), `${where}.length`);
  if (parts.length === 0) throw new RecordManifestError(`${where} has no parts`);
  if (parts.reduce((total, part) => total + part.length, 0) !== length) throw new RecordManifestError(`${where} parts do not add up to its length`);
  return { length, parts };
}

/** Strict: a manifest may have been written by anyone with write access, so nothing is trusted. */
export function decodeManifest(bytes: Uint8Array): RecordManifest {
  let json: Json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new RecordManifestError("not UTF-8 JSON");
  }
  if (field(json, "format", "manifest") !== MANIFEST_FORMAT) throw new RecordManifestError("unknown format");
  const version = field(json, "version", "manifest");
  if (version !== MANIFEST_VERSION) throw new RecordManifestError(`unsupported version ${String(version)}`);
  const chunkSize = byteLength(field(json, "chunkSize", "manifest"), "manifest.chunkSize");
  const dataKey = field(json, "dataKey", "manifest");
  const files = array(field(json, "files", "manifest"), "manifest.files").map((file, i) => parseFile(file, `manifest.files[${i}]`));
  if (files.length === 0) throw new RecordManifestError("it lists no files");
  return {
    recordNonce: hexBytes(field(json, "recordNonce", "manifest"), "manifest.recordNonce", RECORD_NONCE_LENGTH),
    dataKey: {
      forPatient: hexBytes(field(dataKey, "forPatient", "manifest.dataKey"), "manifest.dataKey.forPatient"),
      underScopeKey: hexBytes(field(dataKey, "underScopeKey", "manifest.dataKey"), "manifest.dataKey.underScopeKey"),
    },
    chunkSize,
    files,
  };
}
