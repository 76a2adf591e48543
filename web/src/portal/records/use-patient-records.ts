import { useQuery } from "@tanstack/react-query";

import type { Address } from "../../core/ledger-context.js";
import { listPatientRecords, type RecordSummary } from "../../core/records/record-list.js";
import { useSession } from "../session/session-context.js";

/** The query key of a patient's record list; invalidate it after adding a record. */
export function patientRecordsKey(ledgerAddress: string, patient: Address) {
  return ["records", ledgerAddress, patient.toLowerCase()] as const;
}

/**
 * Every record of `patient` from the ledger's events: categories, authors, dates and status, all
 * public. Nothing decrypted is cached here.
 */
export function usePatientRecords(patient: Address) {
  const { readConnection, config } = useSession();
  return useQuery<RecordSummary[]>({
    queryKey: patientRecordsKey(config.ledgerAddress, patient),
    queryFn: () => listPatientRecords(readConnection, patient),
  });
}
