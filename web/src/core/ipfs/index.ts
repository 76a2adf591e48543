/**
 * IPFS for the client: a store over any Kubo RPC endpoint (kubo-rpc-client), large files in
 * verified parts, manifests as single raw blocks named by their on-chain digest.
 */
export { createIpfsStore, ADD_SETTINGS, type IpfsCallOptions, type IpfsStore, type IpfsStoreConfig } from "./store.js";
export { uploadParts, type StoredPart, type UploadPartsOptions } from "./upload-parts.js";
export { readParts, type ReadPartsOptions } from "./read-parts.js";
export { MAX_PART_BYTES } from "./part-stream.js";
export { getManifest, putManifest, MAX_MANIFEST_BYTES } from "./manifest-block.js";
export { digestOfCid, manifestCid } from "./cid.js";
export { isPinned, unpin } from "./pins.js";
export * from "./errors.js";
