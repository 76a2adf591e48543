/** Scopes and lists as a patient reads them. */
import { categoryName } from "../../core/chain/categories.js";

/** "a", "a and b", "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1) as string}`;
}

/** "may read general notes and imaging; may read and add lab results" (adding implies reading). */
export function scopeInWords(readCategories: readonly number[], writeCategories: readonly number[]): string {
  const readOnly = readCategories.filter((category) => !writeCategories.includes(category));
  const parts: string[] = [];
  if (readOnly.length > 0) parts.push(`may read ${listPhrase(readOnly.map(categoryName))}`);
  if (writeCategories.length > 0) parts.push(`may read and add ${listPhrase(writeCategories.map(categoryName))}`);
  return parts.join("; ");
}

export function capitalized(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function scopeMask(categories: readonly number[]): number {
  return categories.reduce((mask, category) => mask | (1 << category), 0);
}
