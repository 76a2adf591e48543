/** How a record's metadata reads: its status, who wrote it and where, without decrypting anything. */
import { sameAddress, shortAddress } from "../../core/chain/address.js";
import { categoryName } from "../../core/chain/categories.js";
import type { RecordStatusName, RecordSummary } from "../../core/records/record-list.js";
import type { Address } from "../../core/ledger-context.js";

export const STATUS_LABELS: Record<RecordStatusName, string> = {
  active: "Active",
  superseded: "Superseded by a newer version",
  retracted: "Retracted (entered in error)",
};

export const STATUS_CLASSES: Record<RecordStatusName, string> = {
  active: "status-active",
  superseded: "status-warn",
  retracted: "status-bad",
};

/** "Lab results" rather than "lab results": a chip starts a phrase. */
export function categoryLabel(category: number): string {
  const name = categoryName(category);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export type NameOf = (address: Address) => string | undefined;

/**
 * Who wrote the record: "You" for the reader's own records, "The patient" for the patient's when
 * someone else reads them, else the directory name, else the short address.
 */
export function authorLabel(record: Pick<RecordSummary, "author" | "patient">, reader: Address | undefined, nameOf: NameOf): string {
  if (reader !== undefined && sameAddress(record.author, reader)) return "You";
  if (sameAddress(record.author, record.patient)) return "The patient";
  return nameOf(record.author) ?? shortAddress(record.author);
}

const ZERO_ADDRESS = /^0x0{40}$/;

/**
 * Where it was written: the facility's directory name, or "No facility" for the patient's own records
 * and unaffiliated authors (an undefined facility, or the zero address the ledger's event carries).
 */
export function facilityLabel(facility: Address | undefined, nameOf: NameOf): string {
  if (facility === undefined || ZERO_ADDRESS.test(facility)) return "No facility";
  return nameOf(facility) ?? shortAddress(facility);
}
