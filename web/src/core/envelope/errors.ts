/**
 * Why an envelope was refused. Callers branch on the stable `code`; people read the message, which
 * says what failed and what to do. None of them carries key material or plaintext.
 */
export type EnvelopeErrorCode =
  | "ENVELOPE_FORMAT"
  | "ENVELOPE_KEY_MISMATCH"
  | "ENVELOPE_CORRUPTED"
  | "ENVELOPE_TRUNCATED"
  | "ENVELOPE_TRAILING_DATA";

export abstract class EnvelopeError extends Error {
  abstract readonly code: EnvelopeErrorCode;
}

/** Which header field made the bytes unreadable as a version-1 envelope. */
export type EnvelopeFormatProblem = "short-header" | "magic" | "version" | "algorithm" | "chunk-size" | "reserved";

/** The header is not one this client can read; nothing was authenticated or decrypted. */
export class EnvelopeFormatError extends EnvelopeError {
  readonly code = "ENVELOPE_FORMAT";
  override readonly name = "EnvelopeFormatError";

  constructor(
    readonly problem: EnvelopeFormatProblem,
    detail: string,
  ) {
    super(`${detail}. No data was decrypted.`);
  }
}

/**
 * The header MAC does not verify: the data key is wrong, or the envelope was written for another
 * record, patient, category, epoch, ledger or file of the record.
 */
export class EnvelopeKeyMismatchError extends EnvelopeError {
  readonly code = "ENVELOPE_KEY_MISMATCH";
  override readonly name = "EnvelopeKeyMismatchError";

  constructor() {
    super(
      "The envelope header does not authenticate with this data key and record context: either the data key is wrong " +
        "or the envelope belongs to another record, patient, category, key epoch, ledger or file. " +
        "Check that the manifest, the unwrapped data key and the file index belong together. No data was decrypted.",
    );
  }
}

/** A chunk failed authentication; the plaintext of this chunk and every later one was withheld. */
export class EnvelopeCorruptedError extends EnvelopeError {
  readonly code = "ENVELOPE_CORRUPTED";
  override readonly name = "EnvelopeCorruptedError";

  constructor(readonly chunkIndex: number) {
    super(
      `Chunk ${chunkIndex} of the envelope failed authentication: its bytes were altered, reordered, duplicated or cut short. ` +
        "Discard what was decrypted so far and download the file again; if it keeps failing, the stored copy is damaged.",
    );
  }
}

/** The stream ended before a valid final chunk, so the plaintext released so far is incomplete. */
export class EnvelopeTruncatedError extends EnvelopeError {
  readonly code = "ENVELOPE_TRUNCATED";
  override readonly name = "EnvelopeTruncatedError";

  constructor(readonly chunksAuthenticated: number) {
    super(
      `The envelope ends after ${chunksAuthenticated} authenticated chunk(s) without its final chunk: the file was cut short. ` +
        "Discard what was decrypted so far and download the file again.",
    );
  }
}

/** Bytes follow the final chunk, e.g. a chunk appended from elsewhere or a part concatenated twice. */
export class EnvelopeTrailingDataError extends EnvelopeError {
  readonly code = "ENVELOPE_TRAILING_DATA";
  override readonly name = "EnvelopeTrailingDataError";

  constructor(readonly finalChunkIndex: number) {
    super(
      `The envelope has extra bytes after its final chunk (chunk ${finalChunkIndex}): the file was assembled wrongly or tampered with. ` +
        "Discard what was decrypted so far and download the file again.",
    );
  }
}
