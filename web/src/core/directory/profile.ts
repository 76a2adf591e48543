/**
 * A provider's public directory profile: the name, specialty and facility patients choose providers
 * by. Public by design — it describes a professional, never a patient — so it is the one document
 * stored on IPFS in clear; the chain's `profileDigest` is the sha256 of its exact bytes.
 */
import { utf8 } from "../bytes.js";

export interface ProviderProfile {
  name: string;
  specialty?: string;
  facility?: string;
}

export const PROVIDER_PROFILE_TYPE = "ehr-ledger/provider-profile";
export const PROVIDER_PROFILE_VERSION = 1;
/** Characters (Unicode code points) per field, after trimming. */
export const MAX_PROFILE_FIELD_LENGTH = 120;

const OPTIONAL_FIELDS = ["specialty", "facility"] as const;
const FIELDS: readonly string[] = ["name", ...OPTIONAL_FIELDS];

export class ProviderProfileError extends Error {
  readonly code = "PROVIDER_PROFILE_INVALID";

  constructor(detail: string) {
    super(`The provider profile is not valid: ${detail}.`);
    this.name = "ProviderProfileError";
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The trimmed text of `field`, or undefined when absent or blank. */
function text(profile: Record<string, unknown>, field: string): string | undefined {
  const value = profile[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ProviderProfileError(`the ${field} must be text`);
  const trimmed = value.trim();
  if ([...trimmed].length > MAX_PROFILE_FIELD_LENGTH) {
    throw new ProviderProfileError(`the ${field} is longer than ${MAX_PROFILE_FIELD_LENGTH} characters`);
  }
  return trimmed === "" ? undefined : trimmed;
}

/**
 * The profile `value` describes, with every field trimmed and blank optional fields left out.
 * Throws ProviderProfileError when it is not an object, lacks a name, has a field that is not text
 * or is too long, or has any other key.
 */
export function validateProviderProfile(value: unknown): ProviderProfile {
  if (!isPlainObject(value)) throw new ProviderProfileError("it must be an object with a name");
  const unknown = Object.keys(value).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) throw new ProviderProfileError(`unknown field ${unknown.map((key) => JSON.stringify(key)).join(", ")}`);
  const name = text(value, "name");
  if (name === undefined) throw new ProviderProfileError("the name is required");
  const profile: ProviderProfile = { name };
  for (const field of OPTIONAL_FIELDS) {
    const fieldText = text(value, field);
    if (fieldText !== undefined) profile[field] = fieldText;
  }
  return profile;
}

/**
 * Canonical bytes: validated fields plus the type and version markers, keys sorted, no spaces, so
 * the same profile always has the same digest.
 */
export function encodeProviderProfile(profile: ProviderProfile): Uint8Array {
  const document: Record<string, unknown> = { ...validateProviderProfile(profile), type: PROVIDER_PROFILE_TYPE, version: PROVIDER_PROFILE_VERSION };
  const sorted = Object.fromEntries(Object.keys(document).sort().map((key) => [key, document[key]]));
  return utf8(JSON.stringify(sorted));
}

/** Strict: anyone can publish a profile, so nothing in it is trusted before it validates. */
export function decodeProviderProfile(bytes: Uint8Array): ProviderProfile {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ProviderProfileError("it is not UTF-8 JSON");
  }
  if (!isPlainObject(document)) throw new ProviderProfileError("it must be an object with a name");
  const { type, version, ...fields } = document;
  if (type !== PROVIDER_PROFILE_TYPE) throw new ProviderProfileError(`its type is not "${PROVIDER_PROFILE_TYPE}"`);
  if (version !== PROVIDER_PROFILE_VERSION) throw new ProviderProfileError(`version ${String(version)} is not supported`);
  return validateProviderProfile(fields);
}
