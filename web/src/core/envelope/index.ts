/** The streaming record envelope: docs/envelope.md is the specification. */
export { encryptEnvelope, type EncryptEnvelopeOptions } from "./encrypt.js";
export { decryptEnvelope } from "./decrypt.js";
export { encryptBytes, decryptBytes } from "./small-payloads.js";
export { chunkCount, envelopeLength, envelopePartLengths, DEFAULT_CHUNKS_PER_PART } from "./layout.js";
export { DEFAULT_CHUNK_SIZE, HEADER_LENGTH, TAG_LENGTH } from "./format.js";
export { DATA_KEY_LENGTH } from "./keys.js";
export {
  EnvelopeError,
  EnvelopeFormatError,
  EnvelopeKeyMismatchError,
  EnvelopeCorruptedError,
  EnvelopeTruncatedError,
  EnvelopeTrailingDataError,
  type EnvelopeErrorCode,
  type EnvelopeFormatProblem,
} from "./errors.js";
