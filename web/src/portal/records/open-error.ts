/**
 * Why a record could not be opened, in words a patient or clinician can act on. Branches on the
 * core's stable error codes, so this module loads none of the core's error classes.
 */
import { errorSentence } from "../ui/error-sentence.js";

export type OpenFailureKind = "no-access" | "integrity" | "unavailable" | "other";

export interface OpenFailure {
  kind: OpenFailureKind;
  /** What it means for the reader. */
  headline: string;
  /** The core's own sentence: what exactly failed. */
  detail: string;
}

const NO_ACCESS = new Set(["NO_SCOPE_KEY", "DATA_KEY_WRAP_DID_NOT_OPEN"]);
const INTEGRITY = new Set([
  "IPFS_INTEGRITY",
  "IPFS_BAD_CID",
  "RECORD_MANIFEST_INVALID",
  "RECORD_DOCUMENT_INVALID",
  "ENVELOPE_FORMAT",
  "ENVELOPE_KEY_MISMATCH",
  "ENVELOPE_CORRUPTED",
  "ENVELOPE_TRUNCATED",
  "ENVELOPE_TRAILING_DATA",
]);
const UNAVAILABLE = new Set(["IPFS_UNAVAILABLE", "IPFS_TIMEOUT", "IPFS_NOT_FOUND", "IPFS_UNAUTHORIZED"]);

const HEADLINES: Record<OpenFailureKind, string> = {
  "no-access": "You no longer have access to this record: its key was never shared with you, or your access ended before it was added.",
  integrity: "This record failed its integrity check: the stored copy does not match what the ledger recorded, so none of it is shown.",
  unavailable: "The encrypted copy of this record cannot be fetched right now; try again in a moment.",
  other: "This record could not be opened.",
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function describeOpenFailure(error: unknown): OpenFailure {
  const code = codeOf(error);
  const kind: OpenFailureKind =
    code === undefined ? "other" : NO_ACCESS.has(code) ? "no-access" : INTEGRITY.has(code) ? "integrity" : UNAVAILABLE.has(code) ? "unavailable" : "other";
  return { kind, headline: HEADLINES[kind], detail: errorSentence(error) };
}
