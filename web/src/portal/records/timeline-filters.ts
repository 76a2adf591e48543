/**
 * What the record timeline shows: the current version of each record (earlier versions stay
 * reachable through its history), filtered by category and facility, trusted facilities first,
 * newest first.
 */
import { sameAddress } from "../../core/chain/address.js";
import { filterRecords, sortByTrustedFacilities, type RecordSummary } from "../../core/records/record-list.js";
import type { Address } from "../../core/ledger-context.js";

/** "all", "none" (records with no facility: the patient's own and unaffiliated authors'), or one facility. */
export type FacilityChoice = "all" | "none" | Address;

export interface TimelineFilters {
  /** Empty means every category. */
  categories: readonly number[];
  facility: FacilityChoice;
  /** Superseded versions are hidden unless asked for. */
  showEarlierVersions: boolean;
}

export const NO_TIMELINE_FILTERS: TimelineFilters = { categories: [], facility: "all", showEarlierVersions: false };

/** The categories present in `records`, ascending: only those are worth a filter control. */
export function categoriesPresent(records: readonly RecordSummary[]): number[] {
  return [...new Set(records.map((record) => record.category))].sort((a, b) => a - b);
}

/** The distinct facilities of `records`, in the order first seen. */
export function facilitiesPresent(records: readonly RecordSummary[]): Address[] {
  const facilities: Address[] = [];
  for (const { facility } of records) {
    if (facility !== undefined && !facilities.some((known) => sameAddress(known, facility))) facilities.push(facility);
  }
  return facilities;
}

/** True when some record was added without a facility, so the "none" choice can match anything. */
export function hasRecordsWithoutFacility(records: readonly RecordSummary[]): boolean {
  return records.some((record) => record.facility === undefined);
}

export function applyTimelineFilters(records: readonly RecordSummary[], filters: TimelineFilters, trustedFacilities: readonly Address[] = []): RecordSummary[] {
  const matching = filterRecords(records, {
    ...(filters.categories.length === 0 ? {} : { categories: filters.categories }),
    ...(filters.facility === "all" || filters.facility === "none" ? {} : { facilities: [filters.facility] }),
    ...(filters.showEarlierVersions ? {} : { status: ["active", "retracted"] as const }),
  }).filter((record) => filters.facility !== "none" || record.facility === undefined);
  return sortByTrustedFacilities(matching, trustedFacilities);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The line above the list: how many records it shows, out of how many when the user filtered, and
 * how many earlier versions are tucked away (hiding them is the default, not the user's filter).
 */
export function timelineCountText(inScope: readonly RecordSummary[], shownCount: number, filters: TimelineFilters): string {
  const earlier = filters.showEarlierVersions ? 0 : inScope.filter((record) => record.status === "superseded").length;
  const listable = inScope.length - earlier;
  const filtered = filters.categories.length > 0 || filters.facility !== "all";
  const count = filtered ? `${shownCount} of ${plural(listable, "record", "records")} match` : plural(listable, "record", "records");
  return earlier === 0 ? count : `${count} (${plural(earlier, "earlier version", "earlier versions")} hidden)`;
}

/** Flips `category` in the selection. */
export function toggleCategory(selected: readonly number[], category: number): number[] {
  return selected.includes(category) ? selected.filter((c) => c !== category) : [...selected, category].sort((a, b) => a - b);
}
