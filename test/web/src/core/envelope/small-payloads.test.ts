import { describe, expect, it } from "vitest";

import { utf8 } from "../../../../../web/src/core/bytes.js";
import { EnvelopeKeyMismatchError, EnvelopeTruncatedError } from "../../../../../web/src/core/envelope/errors.js";
import { decryptBytes, encryptBytes } from "../../../../../web/src/core/envelope/small-payloads.js";
import { CONTEXT, DATA_KEY, OTHER_DATA_KEY } from "./fixtures.js";

const FHIR = utf8(JSON.stringify({ resourceType: "Observation", status: "final", code: { text: "HbA1c" } }));

describe("encryptBytes / decryptBytes", () => {
  it("round-trip a FHIR JSON document with the default chunk size", async () => {
    const envelope = await encryptBytes(DATA_KEY, CONTEXT, 0, FHIR);
    expect(await decryptBytes(DATA_KEY, CONTEXT, 0, envelope)).toEqual(FHIR);
  });

  it("decryptBytes rejects with the typed envelope error", async () => {
    const envelope = await encryptBytes(DATA_KEY, CONTEXT, 0, FHIR);
    await expect(decryptBytes(OTHER_DATA_KEY, CONTEXT, 0, envelope)).rejects.toBeInstanceOf(EnvelopeKeyMismatchError);
    await expect(decryptBytes(DATA_KEY, CONTEXT, 0, envelope.subarray(0, 76))).rejects.toBeInstanceOf(EnvelopeTruncatedError);
  });
});
