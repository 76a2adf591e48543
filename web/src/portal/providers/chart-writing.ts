/**
 * Which kinds of record a chart offers to add. The grant's write scope says what the patient meant
 * to allow; the contract (writableCategories) says what holds right now; a role only adds its own
 * kinds of record.
 */
import { kindCategories, type RecordKind } from "../records/composer-form.js";

/** Every category some kind of `kinds` is filed under, ascending. */
export function roleCategories(kinds: readonly RecordKind[]): number[] {
  return [...new Set(kinds.flatMap(kindCategories))].sort((a, b) => a - b);
}

/**
 * The categories to ask the contract about: those the grant lets this role add to, or, when it lets
 * it add to none, all of the role's (so the answer, "none", becomes the notice that says so).
 */
export function wantedWriteCategories(kinds: readonly RecordKind[], grantWriteCategories: readonly number[]): number[] {
  const own = roleCategories(kinds);
  const granted = own.filter((category) => grantWriteCategories.includes(category));
  return granted.length > 0 ? granted : own;
}

/** The kinds the composer offers: those with a category that may be written now. */
export function addableKinds(kinds: readonly RecordKind[], writable: readonly number[]): RecordKind[] {
  return kinds.filter((kind) => kindCategories(kind).some((category) => writable.includes(category)));
}
