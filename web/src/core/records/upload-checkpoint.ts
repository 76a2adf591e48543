/**
 * What an interrupted record upload leaves behind so it can resume: no keys in clear and no PHI,
 * only the data key's wraps, random salts and the parts already pinned. Safe to persist.
 */
import type { Hex } from "../bytes.js";
import type { StoredPart } from "../ipfs/upload-parts.js";
import type { Address } from "../ledger-context.js";

export interface UploadCheckpoint {
  patient: Address;
  category: number;
  epoch: number;
  recordNonce: Hex;
  dataKey: { forPatient: Hex; underScopeKey: Hex };
  chunkSize: number;
  /** Per file: the envelope salt (so re-encryption reproduces the same ciphertext) and the parts stored so far. */
  files: { salt: Hex; parts: StoredPart[] }[];
}
