import { toHex, type Hex } from "../bytes.js";
import { sha256 } from "../crypto/webcrypto.js";
import { manifestCid } from "./cid.js";
import { IpfsImportMismatchError, IpfsIntegrityError, IpfsManifestTooLargeError } from "./errors.js";
import { unpin } from "./pins.js";
import type { IpfsCallOptions, IpfsStore } from "./store.js";

/** With 1 MiB chunks, anything up to 1 MiB is one raw block, whose CID the digest alone determines. */
export const MAX_MANIFEST_BYTES = 1_048_576;

/**
 * Stores (and pins) a manifest as a single raw block and returns its sha256, the digest that goes
 * on chain. The node's CID is checked against the one the digest implies, so a node that ignored
 * the import settings is caught now rather than when nobody can find the record.
 */
export async function putManifest(store: IpfsStore, bytes: Uint8Array, options: IpfsCallOptions = {}): Promise<Hex> {
  if (bytes.length > MAX_MANIFEST_BYTES) throw new IpfsManifestTooLargeError(bytes.length, MAX_MANIFEST_BYTES);
  const digest = await sha256(bytes);
  const expected = manifestCid(digest);
  const actual = await store.add(bytes, options);
  if (actual !== expected) {
    // Not findable under the digest, so of no use: do not leave it pinned.
    await unpin(store, [actual], options);
    throw new IpfsImportMismatchError(store.apiUrl, expected, actual);
  }
  return toHex(digest);
}

/** The manifest the chain's digest names, verified against that digest. */
export async function getManifest(store: IpfsStore, digest: Hex, options: IpfsCallOptions & { what: string }): Promise<Uint8Array> {
  const cid = manifestCid(digest);
  const bytes = await store.cat(cid, { maxBytes: MAX_MANIFEST_BYTES, signal: options.signal });
  const what = `the manifest of ${options.what} (${cid})`;
  if (bytes.length > MAX_MANIFEST_BYTES) throw new IpfsIntegrityError(what, `at most ${MAX_MANIFEST_BYTES} bytes`, "more");
  const actual = toHex(await sha256(bytes));
  if (actual !== digest.toLowerCase()) throw new IpfsIntegrityError(what, `sha256 ${digest}`, `sha256 ${actual}`);
  return bytes;
}
