/**
 * The ledger's record categories and participant kinds, in the order of the contracts' enums
 * (contracts/libraries/Categories.sol, IParticipantRegistry.Kind).
 */

export const CATEGORY_NAMES = [
  "general notes",
  "lab results",
  "imaging",
  "prescriptions",
  "billing and claims",
  "mental health",
  "genomics",
  "patient-reported data",
] as const;

export const CATEGORY_COUNT = CATEGORY_NAMES.length;

export const KIND_NAMES = ["unregistered", "patient", "doctor", "hospital", "insurer", "lab", "auditor"] as const;

export function categoryName(category: number): string {
  return CATEGORY_NAMES[category] ?? `category ${category}`;
}

export function kindName(kind: number): string {
  return KIND_NAMES[kind] ?? `kind ${kind}`;
}

// ParticipantRegistry._isWriterKind: doctors, hospitals and labs; a write scope for anyone else
// reverts with ConsentWriteNotAllowed.
const WRITER_KINDS: ReadonlySet<number> = new Set([KIND_NAMES.indexOf("doctor"), KIND_NAMES.indexOf("hospital"), KIND_NAMES.indexOf("lab")]);

/** Whether the contract lets a participant of this kind be granted write access (add records). */
export function mayWriteRecords(kind: number): boolean {
  return WRITER_KINDS.has(kind);
}

/** The categories of an 8-bit scope mask, ascending: the order the contract expects wraps in. */
export function categoriesOf(scope: number): number[] {
  const categories: number[] = [];
  for (let category = 0; category < CATEGORY_COUNT; category++) {
    if ((scope >> category) & 1) categories.push(category);
  }
  return categories;
}
