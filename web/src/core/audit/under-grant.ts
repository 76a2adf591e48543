/**
 * "Under which grant?" for one row of the access log: the grant that let a party other than the
 * patient read, write or hold the keys of the patient's data at that moment. The contract checks
 * the same before it emits any of these events, so an uncovered answer means the log and the
 * contract disagree: the console flags it.
 */
import type { AccessLogEntry } from "../access-log/entry.js";
import type { Address } from "../ledger-context.js";
import type { AccessRefusal } from "./access-rule.js";
import type { GrantIndex, GrantPeriod } from "./grant-periods.js";

export type AccessNeed = "read" | "write";

export interface AccessConcern {
  /** Whose access the entry relies on: the actor, or for a key wrap its recipient. */
  party: Address;
  need: AccessNeed;
  category: number;
}

export type UnderGrant = AccessConcern &
  (
    | { basis: "own-data" }
    | { basis: "grant"; period: GrantPeriod }
    /** No grant covered it; `period` is the grant stored then, if any, that did not. */
    | { basis: "uncovered"; reason: AccessRefusal; period?: GrantPeriod }
  );

/** The access an entry relied on; undefined for actions that need none (consent, registry, admin). */
export function concernOf(entry: AccessLogEntry): AccessConcern | undefined {
  const category = entry.categories?.[0];
  if (category === undefined) return undefined;
  switch (entry.action) {
    case "record-read":
      return { party: entry.actor, need: "read", category };
    case "record-added":
    case "record-amended":
    case "record-retracted":
    case "scope-key-rotated":
      return { party: entry.actor, need: "write", category };
    // Whoever sealed it, the recipient can now read the category: its grant is what matters.
    case "scope-key-wrapped":
      return { party: entry.subject, need: "read", category };
    default:
      return undefined;
  }
}

/**
 * The grant `entry` happened under, judged as the contract did just before the entry, in its block;
 * `grants` must be built over the same log (or a longer one). Undefined when the entry needs no access.
 */
export function underGrant(grants: GrantIndex, entry: AccessLogEntry): UnderGrant | undefined {
  const concern = concernOf(entry);
  const patient = entry.patient;
  if (concern === undefined || patient === undefined) return undefined;
  const { allowed, refusal, period } = grants.decide(patient, concern.party, concern.category, concern.need === "write", entry.timestamp, entry);
  if (!allowed) return { ...concern, basis: "uncovered", reason: refusal as AccessRefusal, ...(period === undefined ? {} : { period }) };
  if (period === undefined) return { ...concern, basis: "own-data" };
  return { ...concern, basis: "grant", period };
}
