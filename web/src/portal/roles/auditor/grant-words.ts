/** Grants and the grant an entry happened under, in the words the auditor's pages use. */
import type { AccessRefusal } from "../../../core/audit/access-rule.js";
import { grantEnd, type GrantPeriod } from "../../../core/audit/grant-periods.js";
import type { UnderGrant } from "../../../core/audit/under-grant.js";
import { categoryName } from "../../../core/chain/categories.js";
import type { FormatDate } from "../../../core/access-log/describe.js";

const REFUSALS: Record<AccessRefusal, string> = {
  paused: "the ledger was paused",
  "invalid-category": "the category does not exist",
  "patient-inactive": "the patient was not an active patient",
  "no-grant": "the patient had granted nothing to this party",
  "out-of-scope": "the grant did not cover this category",
  expired: "the grant had expired",
  "grantee-inactive": "the party was unregistered or suspended",
};

export function refusalPhrase(refusal: AccessRefusal): string {
  return REFUSALS[refusal];
}

/** "read general notes and lab results; write lab results". */
export function scopeWords(period: Pick<GrantPeriod, "readCategories" | "writeCategories">): string {
  const readOnly = period.readCategories.filter((category) => !period.writeCategories.includes(category));
  const parts: string[] = [];
  if (readOnly.length > 0) parts.push(`read ${readOnly.map(categoryName).join(", ")}`);
  if (period.writeCategories.length > 0) parts.push(`read and write ${period.writeCategories.map(categoryName).join(", ")}`);
  return parts.join("; ");
}

export type GrantState = "standing" | "expired" | "revoked" | "replaced";

/** Where a grant stands at `now`, and since when it ended. */
export function grantState(period: GrantPeriod, now: number): { state: GrantState; endedAt?: number } {
  const end = grantEnd(period, now);
  if (end === undefined) return { state: "standing" };
  return { state: end.how, endedAt: end.at };
}

export interface UnderGrantText {
  text: string;
  /** The log and the contract disagree: the row is flagged. */
  flagged: boolean;
}

/** The "Under grant" cell of an access-log row; undefined for actions that need no access. */
export function underGrantText(under: UnderGrant | undefined, formatDate: FormatDate): UnderGrantText | undefined {
  if (under === undefined) return undefined;
  switch (under.basis) {
    case "own-data":
      return { text: "Own data", flagged: false };
    case "grant":
      return { text: `Grant of ${formatDate(under.period.grantedAt)}: ${scopeWords(under.period)}`, flagged: false };
    case "uncovered":
      return { text: `No grant covered this: ${refusalPhrase(under.reason)}`, flagged: true };
  }
}
