/**
 * The access-request form: which patient (the account the front desk gave the doctor), which
 * categories to read and add to, and why. Checked before the wallet is asked, in the contract's own
 * terms (Consent.requestAccess): a registered, active patient, a non-empty scope, a coded purpose.
 */
import { isAddress } from "viem";

import { sameAddress } from "../../../core/chain/address.js";
import { PURPOSE_NAMES } from "../../../core/access-log/codes.js";
import type { Participant } from "../../../core/chain/views.js";
import type { Address } from "../../../core/ledger-context.js";
import type { ScopeFields } from "../../ui/scope-toggles.js";

export interface RequestFormFields extends ScopeFields {
  /** The patient's account address as typed. */
  patient: string;
  /** Codes.sol purpose of use. */
  purpose: number;
}

export type RequestFormField = "patient" | "read" | "purpose";
export type RequestFormErrors = Partial<Record<RequestFormField, string>>;

const PATIENT_KIND = 1;
const SUSPENDED = 1;
const TREATMENT = 0;

export function emptyRequestForm(): RequestFormFields {
  return { patient: "", read: 0, write: 0, purpose: TREATMENT };
}

/** Every problem the form itself shows, by field; whether the account is a patient is asked of the chain next. */
export function requestFormErrors(fields: RequestFormFields, requester: Address): RequestFormErrors {
  const errors: RequestFormErrors = {};
  const patient = fields.patient.trim();
  if (patient === "") errors.patient = "Enter the patient's account address, as the front desk gave it to you.";
  else if (!isAddress(patient, { strict: false })) errors.patient = "An account address is 0x followed by 40 hexadecimal digits; check it and enter it again.";
  else if (sameAddress(patient as Address, requester)) errors.patient = "That is your own account; enter the patient's.";
  if ((fields.read | fields.write) === 0) errors.read = "Choose at least one category to read.";
  if (!Number.isInteger(fields.purpose) || PURPOSE_NAMES[fields.purpose] === undefined) errors.purpose = "Choose the purpose of the request.";
  return errors;
}

/** Why the chain's participant at the typed address cannot receive a request; undefined when it can. */
export function patientStandingError(participant: Pick<Participant, "kind" | "status">): string | undefined {
  if (participant.kind !== PATIENT_KIND) return "No patient is registered with this account address; check it with the front desk.";
  if (participant.status === SUSPENDED) return "This patient's account is suspended, so it cannot receive requests.";
  return undefined;
}

/** The contract call's arguments: patient, readScope (including write), writeScope, purpose. */
export function requestArgs(fields: RequestFormFields): readonly [Address, number, number, number] {
  return [fields.patient.trim() as Address, fields.read | fields.write, fields.write, fields.purpose];
}
