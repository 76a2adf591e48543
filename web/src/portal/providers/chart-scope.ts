/**
 * What a provider's chart may list: only the categories the patient's grant lets this provider read
 * (and, for roles that only look at one kind of record, only those). A record outside the scope is
 * never listed, not merely hidden behind a failed decryption.
 */
import { filterRecords, type RecordSummary } from "../../core/records/record-list.js";

/** The grant's readable categories, narrowed to `only` when a role looks at some categories alone. */
export function readableCategories(readCategories: readonly number[], only?: readonly number[]): number[] {
  return only === undefined ? [...readCategories] : readCategories.filter((category) => only.includes(category));
}

/** The records whose category is one of `categories`; none at all when `categories` is empty. */
export function recordsInScope(records: readonly RecordSummary[], categories: readonly number[]): RecordSummary[] {
  if (categories.length === 0) return [];
  return filterRecords(records, { categories });
}
