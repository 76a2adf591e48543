import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "multiformats/hashes/sha2";

import { fromHex, toHex, type Hex } from "../bytes.js";
import { IpfsBadCidError } from "./errors.js";

/**
 * The CID of the single raw block whose sha256 is `digest`: CIDv1(raw, sha2-256). The chain keeps
 * only the 32-byte digest; this is how a reader finds the manifest it names.
 */
export function manifestCid(digest: Hex | Uint8Array): string {
  const bytes = typeof digest === "string" ? fromHex(digest) : digest;
  if (bytes.length !== 32) throw new RangeError(`a sha256 digest is 32 bytes, got ${bytes.length}`);
  return CID.createV1(raw.code, createDigest(sha256.code, bytes)).toString();
}

/** The sha256 digest inside a manifest CID, as the bytes32 the chain stores. */
export function digestOfCid(cid: string): Hex {
  let parsed: CID;
  try {
    parsed = CID.parse(cid);
  } catch (error) {
    throw new IpfsBadCidError(cid, error instanceof Error ? error.message : String(error));
  }
  if (parsed.version !== 1) throw new IpfsBadCidError(cid, "it is CIDv0");
  if (parsed.code !== raw.code) throw new IpfsBadCidError(cid, `its codec is 0x${parsed.code.toString(16)}, not raw`);
  if (parsed.multihash.code !== sha256.code || parsed.multihash.digest.length !== 32) {
    throw new IpfsBadCidError(cid, "its hash is not sha2-256");
  }
  return toHex(parsed.multihash.digest);
}
