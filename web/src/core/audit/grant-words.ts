/** Grants and the grant an entry happened under, in words: the console's cells and the exports' columns. */
import { categoryName } from "../chain/categories.js";
import type { AccessRefusal } from "./access-rule.js";
import type { GrantPeriod } from "./grant-periods.js";
import type { UnderGrant } from "./under-grant.js";

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

/** "read general notes; read and write lab results". */
export function scopeWords(period: Pick<GrantPeriod, "readCategories" | "writeCategories">): string {
  const readOnly = period.readCategories.filter((category) => !period.writeCategories.includes(category));
  const parts: string[] = [];
  if (readOnly.length > 0) parts.push(`read ${readOnly.map(categoryName).join(", ")}`);
  if (period.writeCategories.length > 0) parts.push(`read and write ${period.writeCategories.map(categoryName).join(", ")}`);
  return parts.join("; ");
}

/** "own data", "grant of <time>: read lab results", or "no grant covered this: <why>". */
export function underGrantPhrase(under: UnderGrant, formatTime: (unixSeconds: number) => string): string {
  switch (under.basis) {
    case "own-data":
      return "own data";
    case "grant":
      return `grant of ${formatTime(under.period.grantedAt)}: ${scopeWords(under.period)}`;
    case "uncovered":
      return `no grant covered this: ${refusalPhrase(under.reason)}`;
  }
}
