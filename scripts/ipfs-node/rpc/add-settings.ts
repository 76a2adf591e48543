import { badRequest } from "../errors.js";
import { booleanOption } from "./params.js";

/** Kubo's default chunker (`size-262144`) and its ceiling for any chunker (1 MiB). */
export const DEFAULT_CHUNK_SIZE = 262_144;
export const MAX_CHUNK_SIZE = 1_048_576;

export interface AddSettings {
  cidVersion: 0 | 1;
  rawLeaves: boolean;
  chunkSize: number;
  pin: boolean;
  progress: boolean;
  onlyHash: boolean;
}

/**
 * Kubo's options that this node implements, with Kubo's defaults; the ones that would change
 * the CID in ways it does not implement are refused rather than silently ignored.
 */
export function parseAddSettings(query: URLSearchParams): AddSettings {
  const cidVersion = parseCidVersion(query.get("cid-version"));
  const hash = query.get("hash") ?? "sha2-256";
  if (hash !== "sha2-256") throw badRequest(`hash "${hash}" is not supported by this dev node; only sha2-256 (Kubo's default)`);
  for (const flag of ["trickle", "wrap-with-directory", "inline", "nocopy", "preserve-mode", "preserve-mtime"]) {
    if (booleanOption(query, flag, false)) {
      throw badRequest(`option "${flag}" is not supported by this dev node (it adds single files with the balanced layout)`);
    }
  }
  for (const option of ["mode", "mtime", "to-files"]) {
    if (query.has(option)) throw badRequest(`option "${option}" is not supported by this dev node (no UnixFS metadata, no MFS)`);
  }
  return {
    cidVersion,
    // As in Kubo: CIDv1 turns raw leaves on unless the caller says otherwise.
    rawLeaves: booleanOption(query, "raw-leaves", cidVersion === 1),
    chunkSize: parseChunker(query.get("chunker")),
    pin: booleanOption(query, "pin", true),
    progress: booleanOption(query, "progress", false),
    onlyHash: booleanOption(query, "only-hash", false),
  };
}

function parseCidVersion(value: string | null): 0 | 1 {
  if (value === null || value === "0") return 0;
  if (value === "1") return 1;
  throw badRequest(`cid-version must be 0 or 1, got "${value}"`);
}

function parseChunker(value: string | null): number {
  if (value === null || value === "" || value === "default") return DEFAULT_CHUNK_SIZE;
  const match = /^size-(\d+)$/.exec(value);
  if (match === null) {
    throw badRequest(`chunker "${value}" is not supported by this dev node; use size-<bytes> (rabin and buzhash are not implemented)`);
  }
  const size = Number(match[1]);
  if (size <= 0) throw badRequest("chunker size must be greater than 0");
  if (size > MAX_CHUNK_SIZE) throw badRequest(`chunker parameters may not exceed the maximum chunk size of ${MAX_CHUNK_SIZE}`);
  return size;
}
