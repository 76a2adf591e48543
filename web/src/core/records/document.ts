/**
 * File 0 of every record: the FHIR R4 resource plus a description of each attachment file. It is
 * encrypted like every other file; attachment titles and types are PHI-adjacent, so they live here
 * rather than in the clear manifest.
 */
import type { Resource } from "@medplum/fhirtypes";

import { utf8 } from "../bytes.js";

export const FHIR_VERSION = "4.0.1";
/** Large enough for any clinical document; the bound keeps a hostile record from exhausting memory. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

export interface AttachmentDescription {
  /** Index of the attachment's file in the manifest (1 for the first attachment). */
  file: number;
  contentType: string;
  title: string;
  /** Plaintext bytes. */
  size: number;
}

export interface RecordDocument {
  fhirVersion: typeof FHIR_VERSION;
  resource: Resource;
  attachments: AttachmentDescription[];
}

export class RecordDocumentError extends Error {
  readonly code = "RECORD_DOCUMENT_INVALID";
  constructor(detail: string) {
    super(`The record decrypted, but its content is not a valid EHR Ledger document (${detail}).`);
    this.name = "RecordDocumentError";
  }
}

export function encodeRecordDocument(document: RecordDocument): Uint8Array {
  const bytes = utf8(JSON.stringify(document));
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new RecordDocumentError(`the FHIR content is ${bytes.length} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit; attach large content as files`);
  }
  return bytes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseAttachment(value: unknown, index: number): AttachmentDescription {
  if (!isObject(value)) throw new RecordDocumentError(`attachment ${index} is not an object`);
  const { file, contentType, title, size } = value;
  if (file !== index + 1) throw new RecordDocumentError(`attachment ${index} points at file ${String(file)}`);
  if (typeof contentType !== "string" || typeof title !== "string") throw new RecordDocumentError(`attachment ${index} lacks a type or title`);
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) throw new RecordDocumentError(`attachment ${index} has no valid size`);
  return { file, contentType, title, size };
}

export function decodeRecordDocument(bytes: Uint8Array): RecordDocument {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new RecordDocumentError("not UTF-8 JSON");
  }
  if (!isObject(json) || json.fhirVersion !== FHIR_VERSION) throw new RecordDocumentError(`not FHIR ${FHIR_VERSION}`);
  const { resource, attachments } = json;
  if (!isObject(resource) || typeof resource.resourceType !== "string") throw new RecordDocumentError("no FHIR resource");
  if (!Array.isArray(attachments)) throw new RecordDocumentError("no attachment list");
  return { fhirVersion: FHIR_VERSION, resource: resource as unknown as Resource, attachments: attachments.map(parseAttachment) };
}
