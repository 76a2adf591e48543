/**
 * What makes the doctor's, the lab's and the insurer's pages differ: which categories they look at,
 * which kinds of record they may add, and the purpose their read receipts give. The pages themselves
 * are shared (My patients, a patient's chart).
 */
import type { RecordKind } from "../records/composer-form.js";

export interface ProviderRole {
  role: "doctor" | "lab" | "insurer";
  /** The area's path, e.g. "/doctor"; the chart lives under `${basePath}/patients/<address>`. */
  basePath: string;
  /** The categories this role looks at, when it looks at some only (a lab at lab results); every granted one when absent. */
  onlyCategories?: readonly number[];
  /** The kinds of record it may add, in the order offered; none for a read-only role. */
  kinds: readonly RecordKind[];
  /** Codes.sol purpose its read receipts give. */
  readPurpose: number;
  /** The patients page's heading, as the area's navigation names it. */
  patientsTitle: string;
  /** Says, on the patients page, what this role does with the records. */
  patientsIntro: string;
}

export function chartPath(role: Pick<ProviderRole, "basePath">, patient: string): string {
  return `${role.basePath}/patients/${patient}`;
}
