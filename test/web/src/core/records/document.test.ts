import type { Observation } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";

import { utf8 } from "../../../../../web/src/core/bytes.js";
import {
  decodeRecordDocument,
  encodeRecordDocument,
  FHIR_VERSION,
  MAX_DOCUMENT_BYTES,
  RecordDocumentError,
  type RecordDocument,
} from "../../../../../web/src/core/records/document.js";

const observation: Observation = { resourceType: "Observation", status: "final", code: { text: "HbA1c" } };

function document(): RecordDocument {
  return { fhirVersion: FHIR_VERSION, resource: observation, attachments: [{ file: 1, contentType: "application/pdf", title: "report.pdf", size: 1234 }] };
}

describe("encodeRecordDocument / decodeRecordDocument", () => {
  it("round-trips the resource and its attachments", () => {
    expect(decodeRecordDocument(encodeRecordDocument(document()))).toEqual(document());
  });

  it("encodeRecordDocument refuses content over the size limit", () => {
    const huge: RecordDocument = { ...document(), resource: { ...observation, note: [{ text: "x".repeat(MAX_DOCUMENT_BYTES) }] } };
    expect(() => encodeRecordDocument(huge)).toThrowError(RecordDocumentError);
  });

  it.each([
    ["another FHIR version", { ...document(), fhirVersion: "5.0.0" }, /not FHIR 4.0.1/],
    ["no resourceType", { ...document(), resource: { status: "final" } }, /no FHIR resource/],
    ["attachments out of order", { ...document(), attachments: [{ file: 2, contentType: "a", title: "b", size: 1 }] }, /points at file 2/],
    ["an attachment without a size", { ...document(), attachments: [{ file: 1, contentType: "a", title: "b" }] }, /no valid size/],
  ])("decodeRecordDocument rejects %s", (_name, json, message) => {
    expect(() => decodeRecordDocument(utf8(JSON.stringify(json)))).toThrowError(message);
  });
});
