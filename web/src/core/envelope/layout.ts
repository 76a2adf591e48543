/**
 * Envelope sizes, known from the plaintext length alone: chunk i always starts at
 * HEADER_LENGTH + i·(chunkSize + TAG_LENGTH), so uploads can be cut and ranges located without
 * decrypting anything.
 */
import { chunkSizeLog2, DEFAULT_CHUNK_SIZE, HEADER_LENGTH, TAG_LENGTH } from "./format.js";

/** Chunks per upload part: 8 chunks of 1 MiB make the uploader's 8 MiB parts. */
export const DEFAULT_CHUNKS_PER_PART = 8;

function checkLength(name: string, value: number, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) throw new RangeError(`${name} must be an integer ≥ ${minimum}, got ${value}`);
}

/** Chunks in the envelope of `plaintextLength` bytes: an empty plaintext still has one (empty) final chunk. */
export function chunkCount(plaintextLength: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  checkLength("plaintext length", plaintextLength, 0);
  chunkSizeLog2(chunkSize);
  return Math.max(1, Math.ceil(plaintextLength / chunkSize));
}

export function envelopeLength(plaintextLength: number, chunkSize = DEFAULT_CHUNK_SIZE): number {
  return HEADER_LENGTH + plaintextLength + chunkCount(plaintextLength, chunkSize) * TAG_LENGTH;
}

/**
 * Ciphertext bytes of each upload part when the envelope is cut every `chunksPerPart` chunks;
 * part 0 also carries the header. The lengths add up to envelopeLength(plaintextLength, chunkSize).
 */
export function envelopePartLengths(plaintextLength: number, chunksPerPart = DEFAULT_CHUNKS_PER_PART, chunkSize = DEFAULT_CHUNK_SIZE): number[] {
  checkLength("chunks per part", chunksPerPart, 1);
  const chunks = chunkCount(plaintextLength, chunkSize);
  const parts: number[] = [];
  for (let first = 0; first < chunks; first += chunksPerPart) {
    const end = Math.min(first + chunksPerPart, chunks);
    const plaintextInPart = Math.min(plaintextLength, end * chunkSize) - first * chunkSize;
    parts.push((first === 0 ? HEADER_LENGTH : 0) + plaintextInPart + (end - first) * TAG_LENGTH);
  }
  return parts;
}
