/**
 * Whether a provider may add records for a patient, asked of the contract before any form is shown:
 * hasAccess(write) also says no when the grant expired, the patient or provider was suspended or the
 * ledger is paused, which the grant's scope alone would not tell. Saying so up front beats a failed
 * key step after the provider has typed a note.
 */
import { categoryName } from "../../core/chain/categories.js";
import type { LedgerConnection } from "../../core/chain/connection.js";
import { readHasAccess } from "../../core/chain/views.js";
import type { Address } from "../../core/ledger-context.js";

/** The categories among `categories` that `provider` may write for `patient` right now, ascending. */
export async function writableCategories(connection: LedgerConnection, patient: Address, provider: Address, categories: readonly number[]): Promise<number[]> {
  const answers = await Promise.all(categories.map((category) => readHasAccess(connection, patient, provider, category, true)));
  return categories.filter((_, index) => answers[index] === true).sort((a, b) => a - b);
}

/**
 * What to tell the provider before offering the composer: undefined when every category it might
 * add to is writable, otherwise which ones are not.
 */
export function writeAccessNotice(wanted: readonly number[], writable: readonly number[]): string | undefined {
  const missing = wanted.filter((category) => !writable.includes(category));
  if (missing.length === 0) return undefined;
  if (writable.length === 0) {
    return "This patient has not given you permission to add records: you can read the records below, but not add to them. Ask the patient to let you add records.";
  }
  return `You may add ${writable.map(categoryName).join(", ")} for this patient, but not ${missing.map(categoryName).join(", ")}.`;
}
