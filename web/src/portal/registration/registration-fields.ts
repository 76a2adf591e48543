/**
 * What a registration form holds and when it may be signed. Framework-free so the rules are tested
 * without a browser; the form shows each error next to its field.
 */
import { isAddress } from "viem";

import { MAX_PROFILE_FIELD_LENGTH } from "../../core/directory/profile.js";
import { InvalidNationalIdError, normalizeNationalId } from "../../core/identity/commitment.js";
import type { Address } from "../../core/ledger-context.js";

/** Participant kinds as the contract numbers them (IParticipantRegistry.Kind). */
export const Kind = { Patient: 1, Doctor: 2, Hospital: 3, Insurer: 4, Lab: 5, Auditor: 6 } as const;
export type RegistrableKind = (typeof Kind)[keyof typeof Kind];

/** The order the admin's kind select offers them in. */
export const ADMIN_REGISTRABLE_KINDS: readonly RegistrableKind[] = [Kind.Hospital, Kind.Insurer, Kind.Lab, Kind.Auditor, Kind.Doctor, Kind.Patient];
/** A hospital registers its own doctors and labs only. */
export const HOSPITAL_REGISTRABLE_KINDS: readonly RegistrableKind[] = [Kind.Doctor, Kind.Lab];

export const KIND_LABELS: Record<RegistrableKind, string> = {
  [Kind.Patient]: "Patient",
  [Kind.Doctor]: "Doctor",
  [Kind.Hospital]: "Hospital",
  [Kind.Insurer]: "Insurer",
  [Kind.Lab]: "Laboratory",
  [Kind.Auditor]: "Auditor",
};

export const KIND_PLURAL_LABELS: Record<RegistrableKind, string> = {
  [Kind.Patient]: "Patients",
  [Kind.Doctor]: "Doctors",
  [Kind.Hospital]: "Hospitals",
  [Kind.Insurer]: "Insurers",
  [Kind.Lab]: "Laboratories",
  [Kind.Auditor]: "Auditors",
};

/** Providers publish a public directory profile; the contract refuses one from anybody else. */
export function isProviderKind(kind: number): boolean {
  return kind === Kind.Doctor || kind === Kind.Hospital || kind === Kind.Insurer || kind === Kind.Lab;
}

/** Doctors and labs may belong to a hospital. */
export function isStaffKind(kind: number): boolean {
  return kind === Kind.Doctor || kind === Kind.Lab;
}

export interface RegistrationFields {
  account: string;
  kind: RegistrableKind;
  /** A hospital's address, or "" for none. */
  affiliation: string;
  nationalId: string;
  /** Hex salt from randomIdentitySalt; shown to the registrar so the participant can keep it. */
  salt: string;
  name: string;
  specialty: string;
  facility: string;
}

export type RegistrationField = keyof RegistrationFields;
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;

export interface RegistrationRules {
  allowedKinds: readonly RegistrableKind[];
  /** Set when the registrar is a hospital: its staff always belong to it. */
  fixedAffiliation?: Address;
  /** Who is signing: nobody registers themselves through this form. */
  registrar?: Address;
}

/** A registration that passed every check, ready for the commitment and the profile. */
export interface ValidRegistration {
  account: Address;
  kind: RegistrableKind;
  affiliation: Address | undefined;
  nationalId: string;
  salt: string;
  /** Present exactly for providers. */
  profile: { name: string; specialty: string; facility: string } | undefined;
}


export function emptyRegistrationFields(kind: RegistrableKind, salt: string): RegistrationFields {
  return { account: "", kind, affiliation: "", nationalId: "", salt, name: "", specialty: "", facility: "" };
}

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function addressError(value: string, what: string): string | undefined {
  if (value.trim() === "") return `Enter the ${what}.`;
  if (!isAddress(value.trim(), { strict: false })) return `The ${what} must be 0x followed by 40 hexadecimal characters.`;
  return undefined;
}

function textError(value: string, label: string, maxLength: number): string | undefined {
  if (value.trim() === "") return `Enter the ${label}.`;
  if ([...value.trim()].length > maxLength) return `The ${label} is too long: at most ${maxLength} characters.`;
  return undefined;
}

function nationalIdError(nationalId: string): string | undefined {
  try {
    normalizeNationalId(nationalId);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidNationalIdError) return error.message;
    throw error;
  }
}

/** Every problem with `fields`, by field; an empty object means the form may be signed. */
export function registrationErrors(fields: RegistrationFields, rules: RegistrationRules): RegistrationErrors {
  const errors: RegistrationErrors = {};
  const account = fields.account.trim();
  const accountProblem = addressError(account, "wallet address");
  if (accountProblem !== undefined) errors.account = accountProblem;
  else if (/^0x0{40}$/i.test(account)) errors.account = "The zero address cannot be registered.";
  else if (rules.registrar !== undefined && sameAddress(account, rules.registrar)) errors.account = "You cannot register your own wallet.";

  if (!rules.allowedKinds.includes(fields.kind)) errors.kind = "Choose one of the kinds offered.";

  // Other kinds never belong to a hospital: a choice left over from switching kinds is dropped, not an error.
  const affiliation = fields.affiliation.trim();
  if (affiliation !== "" && rules.fixedAffiliation === undefined && isStaffKind(fields.kind)) {
    if (!isAddress(affiliation, { strict: false })) errors.affiliation = "Choose a hospital from the list.";
    else if (sameAddress(affiliation, account)) errors.affiliation = "A participant cannot be its own hospital.";
  }

  const nationalIdProblem = nationalIdError(fields.nationalId);
  if (nationalIdProblem !== undefined) errors.nationalId = nationalIdProblem;

  if (!/^0x[0-9a-fA-F]{64}$/.test(fields.salt)) errors.salt = "The salt must be 32 bytes of hex; generate a new one.";

  if (isProviderKind(fields.kind)) {
    const name = textError(fields.name, "public name", MAX_PROFILE_FIELD_LENGTH);
    if (name !== undefined) errors.name = name;
    const specialty = textError(fields.specialty, "specialty", MAX_PROFILE_FIELD_LENGTH);
    if (specialty !== undefined) errors.specialty = specialty;
    if ([...fields.facility.trim()].length > MAX_PROFILE_FIELD_LENGTH) errors.facility = `The facility is too long: at most ${MAX_PROFILE_FIELD_LENGTH} characters.`;
  }
  return errors;
}

/** The parsed registration when `fields` has no error, otherwise undefined. */
export function validRegistration(fields: RegistrationFields, rules: RegistrationRules): ValidRegistration | undefined {
  if (Object.keys(registrationErrors(fields, rules)).length > 0) return undefined;
  const affiliation = rules.fixedAffiliation ?? (fields.affiliation.trim() === "" ? undefined : (fields.affiliation.trim() as Address));
  return {
    account: fields.account.trim() as Address,
    kind: fields.kind,
    affiliation: isStaffKind(fields.kind) ? affiliation : undefined,
    nationalId: fields.nationalId.trim(),
    salt: fields.salt,
    profile: isProviderKind(fields.kind) ? { name: fields.name.trim(), specialty: fields.specialty.trim(), facility: fields.facility.trim() } : undefined,
  };
}
