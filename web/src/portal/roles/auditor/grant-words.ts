/** The grant an entry happened under, and where a grant stands, as the auditor's pages show them. */
import type { FormatDate } from "../../../core/access-log/describe.js";
import { grantEnd, type GrantPeriod } from "../../../core/audit/grant-periods.js";
import { underGrantPhrase } from "../../../core/audit/grant-words.js";
import type { UnderGrant } from "../../../core/audit/under-grant.js";

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
  const phrase = underGrantPhrase(under, formatDate);
  return { text: phrase.charAt(0).toUpperCase() + phrase.slice(1), flagged: under.basis === "uncovered" };
}
