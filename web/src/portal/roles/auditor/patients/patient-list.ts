/** The patients an auditor can open: everyone who signed up, with how much of the log concerns them. */
import type { AccessLogEntry } from "../../../../core/access-log/entry.js";
import { PATIENT_KIND } from "../../../../core/audit/access-rule.js";
import { grantEnd, type GrantIndex } from "../../../../core/audit/grant-periods.js";
import type { Address } from "../../../../core/ledger-context.js";

export interface PatientSummary {
  patient: Address;
  signedUpAt: number;
  /** Record versions added. */
  records: number;
  /** Read receipts by anyone but the patient. */
  readsByOthers: number;
  /** Grants still giving access at `now`. */
  standingGrants: number;
}

/** Every registered patient in the order they signed up. */
export function patientSummaries(entries: readonly AccessLogEntry[], grants: GrantIndex, now: number): PatientSummary[] {
  const byPatient = new Map<string, PatientSummary>();
  for (const entry of entries) {
    if (entry.action === "participant-registered" && entry.kind === PATIENT_KIND) {
      byPatient.set(entry.subject.toLowerCase(), { patient: entry.subject, signedUpAt: entry.timestamp, records: 0, readsByOthers: 0, standingGrants: 0 });
      continue;
    }
    const summary = entry.patient === undefined ? undefined : byPatient.get(entry.patient.toLowerCase());
    if (summary === undefined) continue;
    if (entry.action === "record-added" || entry.action === "record-amended") summary.records++;
    else if (entry.action === "record-read" && entry.actor.toLowerCase() !== summary.patient.toLowerCase()) summary.readsByOthers++;
  }
  for (const period of grants.periods) {
    const summary = byPatient.get(period.patient.toLowerCase());
    if (summary !== undefined && grantEnd(period, now) === undefined) summary.standingGrants++;
  }
  return [...byPatient.values()];
}

/** Patients whose address contains `text` (case-insensitive), for the list's search box. */
export function searchPatients(patients: readonly PatientSummary[], text: string): PatientSummary[] {
  const wanted = text.trim().toLowerCase();
  return wanted === "" ? [...patients] : patients.filter((summary) => summary.patient.toLowerCase().includes(wanted));
}
