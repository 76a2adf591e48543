import { CID } from "multiformats/cid";

import { MAX_PART_BYTES } from "../ipfs/part-stream.js";
import type { RecordManifest } from "../records/manifest.js";

/**
 * What decodeManifest lets through but no reader could fetch: a part length outside what a part
 * may be, or a part CID that is not a CID. Caught here so that such a manifest is a mismatch at
 * either depth, and so that a CID from an untrusted manifest never reaches the node as an argument.
 */
export function manifestLayoutProblem(manifest: RecordManifest): string | undefined {
  for (const [fileIndex, file] of manifest.files.entries()) {
    for (const [partIndex, part] of file.parts.entries()) {
      const where = `manifest.files[${fileIndex}].parts[${partIndex}]`;
      if (part.length < 1 || part.length > MAX_PART_BYTES) return `${where}.length ${part.length} is not 1 to ${MAX_PART_BYTES} bytes`;
      if (!isCid(part.cid)) return `${where}.cid ${JSON.stringify(part.cid)} is not a CID`;
    }
  }
  return undefined;
}

function isCid(text: string): boolean {
  try {
    CID.parse(text);
    return true;
  } catch {
    return false;
  }
}
