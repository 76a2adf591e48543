import { toHex, type Hex } from "../bytes.js";
import { sha256 } from "../crypto/webcrypto.js";
import { IpfsPartLayoutError, IpfsSourceChangedError } from "./errors.js";
import { assertPartLengths, splitIntoParts } from "./part-stream.js";
import { isPinned } from "./pins.js";
import type { IpfsStore } from "./store.js";

/** One stored part of an encrypted file, as the record manifest lists it. */
export interface StoredPart {
  cid: string;
  /** Ciphertext bytes. */
  length: number;
  /** sha256 of the ciphertext bytes, checked before any of them are decrypted. */
  sha256: Hex;
}

export interface UploadPartsOptions {
  /** Ciphertext bytes per part, as the envelope lays them out (parts end on encryption-chunk boundaries). */
  partLengths: readonly number[];
  /** Parts an interrupted upload already stored, in order, from its onPartStored calls. */
  alreadyStored?: readonly StoredPart[];
  onProgress?(bytesDone: number, bytesTotal: number): void;
  /** Called as each part is safely stored (and pinned): persist these to resume after an interruption. */
  onPartStored?(index: number, part: StoredPart): void;
  signal?: AbortSignal;
}

/**
 * Stores `ciphertext` as pinned parts, one part in memory at a time. To resume, pass the parts an
 * earlier attempt stored and the same ciphertext again (re-encryption is deterministic): their
 * bytes still flow through and are hashed, and must match what was stored, but a part still pinned
 * is not uploaded again.
 */
export async function uploadParts(
  store: IpfsStore,
  ciphertext: ReadableStream<Uint8Array>,
  options: UploadPartsOptions,
): Promise<StoredPart[]> {
  const { partLengths, alreadyStored = [], signal } = options;
  assertPartLengths(partLengths);
  assertResumable(partLengths, alreadyStored);
  const bytesTotal = partLengths.reduce((total, length) => total + length, 0);
  let bytesDone = 0;
  let reported = -1;
  const report = (bytes: number) => {
    // Per-part progress can restart from zero on a retried add; the caller sees it only grow.
    if (bytes <= reported) return;
    reported = bytes;
    options.onProgress?.(bytes, bytesTotal);
  };

  const stored: StoredPart[] = [];
  for await (const bytes of splitIntoParts(ciphertext, partLengths, signal)) {
    const index = stored.length;
    const digest = toHex(await sha256(bytes));
    const earlier = alreadyStored[index];
    if (earlier !== undefined && earlier.sha256.toLowerCase() !== digest) {
      throw new IpfsSourceChangedError(index, earlier.sha256, digest);
    }
    const part: StoredPart =
      earlier !== undefined && (await isPinned(store, earlier.cid, { signal }))
        ? earlier
        : {
            cid: await store.add(bytes, { signal, onProgress: (imported) => report(bytesDone + imported) }),
            length: bytes.length,
            sha256: digest,
          };
    bytesDone += bytes.length;
    report(bytesDone);
    stored.push(part);
    options.onPartStored?.(index, part);
  }
  return stored;
}

function assertResumable(partLengths: readonly number[], alreadyStored: readonly StoredPart[]): void {
  if (alreadyStored.length > partLengths.length) {
    throw new IpfsPartLayoutError(`${alreadyStored.length} parts were stored, but the file has only ${partLengths.length}`);
  }
  alreadyStored.forEach((part, index) => {
    if (part.length !== partLengths[index]) {
      throw new IpfsPartLayoutError(
        `stored part ${index} has ${part.length} bytes but the file's part ${index} has ${partLengths[index]}; ` +
          "the file changed since the interrupted upload: start a new upload",
      );
    }
  });
}
