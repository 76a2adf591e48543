/**
 * "My patients": the patients whose grant to this provider stands (core readGrantsToProvider: a
 * revoked grant has no row), current ones first, with the time each has left in words.
 */
import { sameAddress } from "../../core/chain/address.js";
import type { GrantSummary } from "../../core/consent/grants.js";
import { formatTimeLeft } from "../../core/consent/time-left.js";
import type { Address } from "../../core/ledger-context.js";

/** Current grants first (soonest expiry first, open-ended after), expired ones last. */
export function sortGrantedPatients(grants: readonly GrantSummary[]): GrantSummary[] {
  const order = (grant: GrantSummary) => (grant.expiresAt === 0 ? Number.MAX_SAFE_INTEGER : grant.expiresAt);
  const expired = (grant: GrantSummary) => Number(grant.state !== "active");
  return [...grants].sort((a, b) => expired(a) - expired(b) || order(a) - order(b));
}

/** "3 days 4 hours left", "No end date", "Expired". */
export function timeLeftText(grant: Pick<GrantSummary, "state" | "secondsLeft">): string {
  if (grant.state !== "active") return "Expired";
  return grant.secondsLeft === undefined ? "No end date" : `${formatTimeLeft(grant.secondsLeft)} left`;
}

/** The patients who let this provider read (or, with `write`, add to) `category`, with an unexpired grant. */
export function patientsWithCategory(grants: readonly GrantSummary[], category: number, write: boolean): GrantSummary[] {
  return grants.filter((grant) => grant.state === "active" && (write ? grant.writeCategories : grant.readCategories).includes(category));
}

/** The patient's current grant, or undefined once it was revoked (no row) or expired: an open chart must close. */
export function currentAccess(grants: readonly GrantSummary[], patient: Address): GrantSummary | undefined {
  return grants.find((grant) => sameAddress(grant.patient, patient) && grant.state === "active");
}
