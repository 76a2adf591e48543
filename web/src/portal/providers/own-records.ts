/**
 * What a provider may do to a record in a chart: only its author may amend or retract it, and only
 * while it is the current version (RecordLog: RecordsNotAuthor, RecordsNotCurrent); a prescription
 * still to be given can be marked given.
 */
import { RETRACT_REASON_NAMES } from "../../core/access-log/codes.js";
import { sameAddress } from "../../core/chain/address.js";
import { CATEGORY_NAMES } from "../../core/chain/categories.js";
import type { Address } from "../../core/ledger-context.js";
import type { RecordSummary } from "../../core/records/record-list.js";

const PRESCRIPTIONS = CATEGORY_NAMES.indexOf("prescriptions");

/** `reader` wrote `record` and it is the current version: amend and retract apply. */
export function isOwnCurrentRecord(record: Pick<RecordSummary, "author" | "status">, reader: Address): boolean {
  return sameAddress(record.author, reader) && record.status === "active";
}

/** An own current prescription, which may still be pending: "Mark given" is offered, and checks once decrypted. */
export function mayMarkGiven(record: Pick<RecordSummary, "author" | "status" | "category">, reader: Address): boolean {
  return isOwnCurrentRecord(record, reader) && record.category === PRESCRIPTIONS;
}

/** The reasons the contract accepts for a retraction (Codes.sol RETRACT_REASON_MAX), with their codes. */
export const RETRACT_REASONS: readonly { code: number; label: string }[] = RETRACT_REASON_NAMES.map((name, code) => ({
  code,
  label: name.charAt(0).toUpperCase() + name.slice(1),
}));
