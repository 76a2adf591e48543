/**
 * The requests page's rows: who asks (from the public directory), for what and why, in words, and
 * the grant form an approval opens with.
 */
import { DENY_REASON_NAMES } from "../../../../core/access-log/codes.js";
import type { AccessRequest } from "../../../../core/consent/requests.js";
import type { DirectoryEntry } from "../../../../core/directory/directory.js";
import type { Address } from "../../../../core/ledger-context.js";
import { grantFormFromRequest, type GrantFormFields } from "./grant-form.js";
import { providerFacts, type ProviderFacts } from "./picker-options.js";
import { capitalized, scopeInWords, scopeMask } from "../../../ui/words.js";

export interface RequestRow extends ProviderFacts {
  requester: Address;
  /** "may read imaging; may read and add general notes" */
  scope: string;
  /** "Treatment", "Payment and claims" */
  purpose: string;
  requestedAt: number;
  readScope: number;
  writeScope: number;
}

export function requestRow(request: AccessRequest, entries: readonly DirectoryEntry[]): RequestRow {
  return {
    ...providerFacts(entries, request.requester),
    requester: request.requester,
    scope: scopeInWords(request.readCategories, request.writeCategories),
    purpose: capitalized(request.purpose),
    requestedAt: request.requestedAt,
    readScope: scopeMask(request.readCategories),
    writeScope: scopeMask(request.writeCategories),
  };
}

/** The grant form filled in with exactly what `row` asked for; `kind` from the chain when the directory lacked it. */
export function approvalForm(row: RequestRow, kind: number): GrantFormFields {
  return grantFormFromRequest({ account: row.requester, kind, name: row.name }, row.readScope, row.writeScope);
}

/** The reasons the contract accepts for a denial (Codes.sol DENY_REASON_MAX), with their codes. */
export const DENY_REASONS: readonly { code: number; label: string }[] = DENY_REASON_NAMES.map((name, code) => ({
  code,
  label: capitalized(name),
}));
