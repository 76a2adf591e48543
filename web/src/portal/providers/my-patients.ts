/**
 * "My patients" rows: each patient whose grant to this provider stands, by short address (patients
 * have no public name), what the provider may do in words, and the time left. A role that looks at
 * some categories only (a lab, an insurer) lists only the patients who share one of them.
 */
import type { GrantSummary } from "../../core/consent/grants.js";
import type { Address } from "../../core/ledger-context.js";
import { shortAddress } from "../ui/format.js";
import { scopeInWords } from "../ui/words.js";
import { readableCategories } from "./chart-scope.js";
import { sortGrantedPatients, timeLeftText } from "./granted-patients.js";

export interface PatientRow {
  patient: Address;
  /** "0x1234…abcd" */
  patientLabel: string;
  /** "May read general notes; may read and add prescriptions", within the role's categories. */
  scope: string;
  /** "3 days 4 hours left", "No end date", "Expired". */
  timeLeft: string;
  /** Unix seconds; 0 when the grant never expires. */
  expiresAt: number;
  /** Whether the chart can be opened: the grant has not expired. */
  current: boolean;
  /** The grant stands but the ledger refuses access for now (a suspension, a pause). */
  onHold: boolean;
}

export function myPatientRows(grants: readonly GrantSummary[], only?: readonly number[]): PatientRow[] {
  return sortGrantedPatients(grants).flatMap((grant) => {
    const read = readableCategories(grant.readCategories, only);
    if (read.length === 0) return [];
    const write = grant.writeCategories.filter((category) => read.includes(category));
    const scope = scopeInWords(read, write);
    return [
      {
        patient: grant.patient,
        patientLabel: shortAddress(grant.patient),
        scope: scope.charAt(0).toUpperCase() + scope.slice(1),
        timeLeft: timeLeftText(grant),
        expiresAt: grant.expiresAt,
        current: grant.state === "active",
        onHold: grant.state === "active" && !grant.accessNow,
      },
    ];
  });
}
