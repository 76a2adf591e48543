/**
 * The STREAM nonce of age (C2SP age spec, "Payload"): an 11-byte big-endian chunk counter and a
 * final-chunk flag. The counter rules out reordering and dropping chunks; the flag rules out
 * truncating at a chunk boundary or appending after the final chunk.
 */
import { uintBE } from "../bytes.js";

export const NONCE_LENGTH = 12;
const COUNTER_LENGTH = NONCE_LENGTH - 1;
const FINAL_CHUNK = 0x01;

export function chunkNonce(chunkIndex: number, isFinal: boolean): Uint8Array {
  const nonce = new Uint8Array(NONCE_LENGTH);
  nonce.set(uintBE(chunkIndex, COUNTER_LENGTH), 0);
  if (isFinal) nonce[COUNTER_LENGTH] = FINAL_CHUNK;
  return nonce;
}
