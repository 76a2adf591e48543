import { describe, expect, it } from "vitest";

import {
  EnvelopeCorruptedError,
  EnvelopeError,
  EnvelopeFormatError,
  EnvelopeKeyMismatchError,
  EnvelopeTrailingDataError,
  EnvelopeTruncatedError,
} from "../../../../../web/src/core/envelope/errors.js";

describe("envelope errors", () => {
  it("each have a stable code and name, extend EnvelopeError and say what to do", () => {
    const errors = [
      [new EnvelopeFormatError("magic", "Not an envelope"), "ENVELOPE_FORMAT", "EnvelopeFormatError"],
      [new EnvelopeKeyMismatchError(), "ENVELOPE_KEY_MISMATCH", "EnvelopeKeyMismatchError"],
      [new EnvelopeCorruptedError(4), "ENVELOPE_CORRUPTED", "EnvelopeCorruptedError"],
      [new EnvelopeTruncatedError(2), "ENVELOPE_TRUNCATED", "EnvelopeTruncatedError"],
      [new EnvelopeTrailingDataError(9), "ENVELOPE_TRAILING_DATA", "EnvelopeTrailingDataError"],
    ] as const;
    for (const [error, code, name] of errors) {
      expect(error).toBeInstanceOf(EnvelopeError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
      expect(error.message).toMatch(/download|fetch|check|update|decrypted/i);
    }
    expect(new EnvelopeCorruptedError(4).message).toContain("Chunk 4");
  });
});
