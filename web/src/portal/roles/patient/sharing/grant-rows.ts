/**
 * The sharing overview's rows: each grant with the provider's public name and facility, what it
 * covers in words and how long it still runs; active grants apart from those that ended.
 */
import { categoriesOf } from "../../../../core/chain/categories.js";
import type { GrantState, GrantSummary } from "../../../../core/consent/grants.js";
import { formatTimeLeft } from "../../../../core/consent/time-left.js";
import type { DirectoryEntry } from "../../../../core/directory/directory.js";
import type { Address } from "../../../../core/ledger-context.js";
import { providerFacts, type ProviderFacts } from "./picker-options.js";
import { capitalized, scopeInWords, scopeMask } from "../../../ui/words.js";

export interface GrantRow extends ProviderFacts {
  grantee: Address;
  state: GrantState;
  /** "May read …; may add …" in words. */
  scope: string;
  /** Bitmask of what the grantee can (or could) read: what a revoke rotates. */
  readScope: number;
  /** "3 days 4 hours left", "No end date", or undefined once the grant ended. */
  timeLeft: string | undefined;
  expiresAt: number;
  grantedAt: number;
  /** An active grant the chain does not honour right now (someone suspended, ledger paused). */
  suspendedNow: boolean;
}

export function grantRow(grant: GrantSummary, entries: readonly DirectoryEntry[]): GrantRow {
  const timeLeft = grant.state !== "active" ? undefined : grant.secondsLeft === undefined ? "No end date" : `${formatTimeLeft(grant.secondsLeft)} left`;
  return {
    ...providerFacts(entries, grant.grantee),
    grantee: grant.grantee,
    state: grant.state,
    scope: capitalized(scopeInWords(grant.readCategories, grant.writeCategories)),
    readScope: scopeMask(grant.readCategories),
    timeLeft,
    expiresAt: grant.expiresAt,
    grantedAt: grant.grantedAt,
    suspendedNow: grant.state === "active" && !grant.accessNow,
  };
}

export interface GrantGroups {
  /** Soonest to end first, open-ended last. */
  active: GrantRow[];
  /** Ran out on their own; latest granted first, as read. */
  expired: GrantRow[];
  /** Taken back by the patient; latest granted first, as read. */
  revoked: GrantRow[];
}

export function groupGrants(grants: readonly GrantSummary[], entries: readonly DirectoryEntry[]): GrantGroups {
  const rows = grants.map((grant) => grantRow(grant, entries));
  const endsAt = (row: GrantRow) => (row.expiresAt === 0 ? Number.POSITIVE_INFINITY : row.expiresAt);
  return {
    active: rows.filter((row) => row.state === "active").sort((a, b) => endsAt(a) - endsAt(b)),
    expired: rows.filter((row) => row.state === "expired"),
    revoked: rows.filter((row) => row.state === "revoked"),
  };
}

/** The success message of a grant: one line per provider. */
export function grantedLines(
  providers: readonly { account: Address; name: string | undefined }[],
  read: number,
  write: number,
  until: string | undefined,
  fallbackName: (account: Address) => string,
): string[] {
  const scope = scopeInWords(categoriesOf(read | write), categoriesOf(write));
  return providers.map((provider) => `${provider.name ?? fallbackName(provider.account)} ${scope}${until === undefined ? ", with no end date" : ` until ${until}`}.`);
}
