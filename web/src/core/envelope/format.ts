/**
 * The envelope header's byte layout (docs/envelope.md, "Header"). Only structure is checked here;
 * whether the header belongs to a key and record is the MAC's job (keys.ts).
 */
import { equalBytes, utf8 } from "../bytes.js";
import { EnvelopeFormatError } from "./errors.js";

/** "EHRLENV\n": the newline catches text-mode transfers that rewrite line endings. */
export const MAGIC = utf8("EHRLENV\n");
export const FORMAT_VERSION = 1;
/** AES-256-GCM in the STREAM construction, keys from HKDF-SHA-256, header MAC HMAC-SHA-256. */
export const ALGORITHM_AES_256_GCM_STREAM = 1;
export const SALT_LENGTH = 32;
export const MAC_LENGTH = 32;
/** magic ‖ version ‖ algorithm ‖ chunkSizeLog2 ‖ reserved ‖ salt: the bytes the MAC covers. */
export const HEADER_FIELDS_LENGTH = MAGIC.length + 4 + SALT_LENGTH;
export const HEADER_LENGTH = HEADER_FIELDS_LENGTH + MAC_LENGTH;
export const TAG_LENGTH = 16;
export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const MIN_CHUNK_SIZE_LOG2 = 12;
export const MAX_CHUNK_SIZE_LOG2 = 24;

const VERSION_OFFSET = MAGIC.length;
const ALGORITHM_OFFSET = VERSION_OFFSET + 1;
const CHUNK_SIZE_OFFSET = ALGORITHM_OFFSET + 1;
const RESERVED_OFFSET = CHUNK_SIZE_OFFSET + 1;
const SALT_OFFSET = RESERVED_OFFSET + 1;

export interface HeaderFields {
  chunkSize: number;
  salt: Uint8Array;
}

export interface ParsedHeader extends HeaderFields {
  /** The first HEADER_FIELDS_LENGTH bytes, as the MAC covers them. */
  fieldBytes: Uint8Array;
  mac: Uint8Array;
}

/** log2 of a chunk size the format allows; a RangeError names the allowed sizes otherwise. */
export function chunkSizeLog2(chunkSize: number): number {
  const log2 = Math.log2(chunkSize);
  if (!Number.isInteger(log2) || log2 < MIN_CHUNK_SIZE_LOG2 || log2 > MAX_CHUNK_SIZE_LOG2) {
    throw new RangeError(
      `envelope chunk size must be a power of two from 2^${MIN_CHUNK_SIZE_LOG2} to 2^${MAX_CHUNK_SIZE_LOG2} bytes, got ${chunkSize}`,
    );
  }
  return log2;
}

export function encodeHeaderFields({ chunkSize, salt }: HeaderFields): Uint8Array {
  if (salt.length !== SALT_LENGTH) throw new RangeError(`envelope salt must be ${SALT_LENGTH} bytes, got ${salt.length}`);
  const fields = new Uint8Array(HEADER_FIELDS_LENGTH);
  fields.set(MAGIC, 0);
  fields[VERSION_OFFSET] = FORMAT_VERSION;
  fields[ALGORITHM_OFFSET] = ALGORITHM_AES_256_GCM_STREAM;
  fields[CHUNK_SIZE_OFFSET] = chunkSizeLog2(chunkSize);
  fields[RESERVED_OFFSET] = 0;
  fields.set(salt, SALT_OFFSET);
  return fields;
}

/** Reads a complete header (HEADER_LENGTH bytes), copying it so the caller may reuse its buffer. */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  if (bytes.length !== HEADER_LENGTH) throw new RangeError(`an envelope header is ${HEADER_LENGTH} bytes, got ${bytes.length}`);
  const header = bytes.slice();
  if (!equalBytes(header.subarray(0, MAGIC.length), MAGIC)) {
    throw new EnvelopeFormatError("magic", "These bytes are not a record envelope: they do not start with the EHRLENV magic. Check that the right file was fetched");
  }
  const version = header[VERSION_OFFSET] as number;
  if (version !== FORMAT_VERSION) {
    throw new EnvelopeFormatError("version", `Envelope format version ${version} is not supported (this client reads version ${FORMAT_VERSION}); update the portal`);
  }
  const algorithm = header[ALGORITHM_OFFSET] as number;
  if (algorithm !== ALGORITHM_AES_256_GCM_STREAM) {
    throw new EnvelopeFormatError("algorithm", `Envelope algorithm ${algorithm} is not supported (this client reads algorithm ${ALGORITHM_AES_256_GCM_STREAM}); update the portal`);
  }
  const log2 = header[CHUNK_SIZE_OFFSET] as number;
  if (log2 < MIN_CHUNK_SIZE_LOG2 || log2 > MAX_CHUNK_SIZE_LOG2) {
    throw new EnvelopeFormatError(
      "chunk-size",
      `Envelope chunk size 2^${log2} is outside 2^${MIN_CHUNK_SIZE_LOG2}..2^${MAX_CHUNK_SIZE_LOG2}: the header is damaged or was not written by EHR Ledger`,
    );
  }
  const reserved = header[RESERVED_OFFSET] as number;
  if (reserved !== 0) {
    throw new EnvelopeFormatError("reserved", `Envelope reserved byte is ${reserved}, not 0: the header is damaged or was written by a newer version`);
  }
  return {
    chunkSize: 2 ** log2,
    salt: header.subarray(SALT_OFFSET, HEADER_FIELDS_LENGTH),
    fieldBytes: header.subarray(0, HEADER_FIELDS_LENGTH),
    mac: header.subarray(HEADER_FIELDS_LENGTH),
  };
}

export function shortHeaderError(received: number): EnvelopeFormatError {
  return new EnvelopeFormatError(
    "short-header",
    `The envelope ends after ${received} byte(s), inside its ${HEADER_LENGTH}-byte header: the file was cut short or is not an envelope; fetch it again`,
  );
}
