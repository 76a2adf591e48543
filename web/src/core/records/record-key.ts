import type { Address } from "../ledger-context.js";

/** A record as a map key: record ids count per patient, and addresses come in any checksum case. */
export function recordKey(patient: Address, recordId: bigint): string {
  return `${patient.toLowerCase()}#${recordId}`;
}
