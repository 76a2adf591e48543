/**
 * A provider's own access requests as rows: which patient (by short address — patients have no
 * public name), what was asked and why, and the answer in words, with a denial's reason.
 */
import type { AccessRequest, RequestStatus } from "../../../core/consent/requests.js";
import type { Address } from "../../../core/ledger-context.js";
import { shortAddress } from "../../ui/format.js";
import { capitalized, scopeInWords } from "../../ui/words.js";

export interface OwnRequestRow {
  patient: Address;
  /** "0x1234…abcd" */
  patientLabel: string;
  /** "may read general notes; may read and add prescriptions" */
  scope: string;
  /** "Treatment" */
  purpose: string;
  requestedAt: number;
  status: RequestStatus;
  /** "Waiting for the patient", "Approved: the patient granted access", "Denied: not my provider" */
  answer: string;
  /** CSS class of the answer's colour. */
  answerClass: string;
}

const ANSWER_CLASSES: Record<RequestStatus, string> = { pending: "status-warn", granted: "status-active", denied: "status-bad" };

function answerOf(request: Pick<AccessRequest, "status" | "denyReason">): string {
  switch (request.status) {
    case "pending":
      return "Pending: waiting for the patient's answer";
    case "granted":
      return "Approved: the patient granted access";
    case "denied":
      return request.denyReason === undefined ? "Denied" : `Denied: ${request.denyReason}`;
  }
}

export function ownRequestRows(requests: readonly AccessRequest[]): OwnRequestRow[] {
  return requests.map((request) => ({
    patient: request.patient,
    patientLabel: shortAddress(request.patient),
    scope: scopeInWords(request.readCategories, request.writeCategories),
    purpose: capitalized(request.purpose),
    requestedAt: request.requestedAt,
    status: request.status,
    answer: answerOf(request),
    answerClass: ANSWER_CLASSES[request.status],
  }));
}
