/**
 * What an envelope is bound to and the keys it is sealed with (docs/envelope.md, "Keys"). Every
 * derivation and every AEAD call takes the same associated data, so an envelope only opens for the
 * record context and file index it was written for.
 */
import { concatBytes, equalBytes, uintBE } from "../bytes.js";
import { hkdf, hmacSha256, importAesGcmKey } from "../crypto/webcrypto.js";
import { encodeRecordContext, label, type RecordContext } from "../ledger-context.js";
import { EnvelopeKeyMismatchError } from "./errors.js";
import type { ParsedHeader } from "./format.js";

export const DATA_KEY_LENGTH = 32;
const DERIVED_KEY_LENGTH = 32;
const MAX_FILE_INDEX = 0xffff;

/** label("envelope v1") ‖ encodeRecordContext(context) ‖ uint16BE(fileIndex); file 0 is the FHIR JSON. */
export function envelopeAad(context: RecordContext, fileIndex: number): Uint8Array {
  if (!Number.isInteger(fileIndex) || fileIndex < 0 || fileIndex > MAX_FILE_INDEX) {
    throw new RangeError(`envelope file index must be an integer from 0 to ${MAX_FILE_INDEX}, got ${fileIndex}`);
  }
  return concatBytes(label("envelope v1"), encodeRecordContext(context), uintBE(fileIndex, 2));
}

export function checkDataKey(dataKey: Uint8Array): void {
  if (dataKey.length !== DATA_KEY_LENGTH) throw new RangeError(`a record data key is ${DATA_KEY_LENGTH} bytes, got ${dataKey.length}`);
}

export interface EnvelopeKeyMaterial {
  headerKey: Uint8Array;
  payloadKey: Uint8Array;
}

/** The raw derived keys; exported for the published test vectors, otherwise use the helpers below. */
export async function deriveEnvelopeKeyMaterial(dataKey: Uint8Array, salt: Uint8Array, aad: Uint8Array): Promise<EnvelopeKeyMaterial> {
  checkDataKey(dataKey);
  const [headerKey, payloadKey] = await Promise.all([
    hkdf(dataKey, salt, concatBytes(label("header key"), aad), DERIVED_KEY_LENGTH),
    hkdf(dataKey, salt, concatBytes(label("payload key"), aad), DERIVED_KEY_LENGTH),
  ]);
  return { headerKey, payloadKey };
}

/** HMAC-SHA-256(headerKey, header fields ‖ aad): commits the envelope to one data key and context. */
export function headerMac(headerKey: Uint8Array, fieldBytes: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  return hmacSha256(headerKey, concatBytes(fieldBytes, aad));
}

/** The keys for writing an envelope whose header fields are `fieldBytes`, and the MAC to append to them. */
export async function sealingKeys(
  dataKey: Uint8Array,
  fieldBytes: Uint8Array,
  salt: Uint8Array,
  aad: Uint8Array,
): Promise<{ payloadKey: CryptoKey; mac: Uint8Array }> {
  const material = await deriveEnvelopeKeyMaterial(dataKey, salt, aad);
  const [payloadKey, mac] = await Promise.all([
    importAesGcmKey(material.payloadKey, ["encrypt"]),
    headerMac(material.headerKey, fieldBytes, aad),
  ]);
  return { payloadKey, mac };
}

/** The payload key of a parsed header, after its MAC verified; EnvelopeKeyMismatchError otherwise. */
export async function openingKey(dataKey: Uint8Array, header: ParsedHeader, aad: Uint8Array): Promise<CryptoKey> {
  const material = await deriveEnvelopeKeyMaterial(dataKey, header.salt, aad);
  const expectedMac = await headerMac(material.headerKey, header.fieldBytes, aad);
  if (!equalBytes(expectedMac, header.mac)) throw new EnvelopeKeyMismatchError();
  return importAesGcmKey(material.payloadKey, ["decrypt"]);
}
