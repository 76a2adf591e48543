/**
 * Whole-buffer encryption for payloads that fit in memory anyway, such as a record's FHIR JSON
 * (file 0). Built on the streams, so both paths share one implementation of the format.
 */
import type { RecordContext } from "../ledger-context.js";
import { readAllBytes, streamOfBytes } from "../streams.js";
import { decryptEnvelope } from "./decrypt.js";
import { encryptEnvelope, type EncryptEnvelopeOptions } from "./encrypt.js";

function runThrough(bytes: Uint8Array, transform: TransformStream<Uint8Array, Uint8Array>): Promise<Uint8Array> {
  return readAllBytes(streamOfBytes(bytes).pipeThrough(transform));
}

export function encryptBytes(
  dataKey: Uint8Array,
  context: RecordContext,
  fileIndex: number,
  plaintext: Uint8Array,
  options?: EncryptEnvelopeOptions,
): Promise<Uint8Array> {
  return runThrough(plaintext, encryptEnvelope(dataKey, context, fileIndex, options));
}

/** Rejects with an EnvelopeError subclass when the envelope does not open. */
export function decryptBytes(dataKey: Uint8Array, context: RecordContext, fileIndex: number, envelope: Uint8Array): Promise<Uint8Array> {
  return runThrough(envelope, decryptEnvelope(dataKey, context, fileIndex));
}
