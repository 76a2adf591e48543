/**
 * Consent._hasAccess / _canAccess as one rule over facts the audit models looked up, so the answer
 * for "now" and the answer at any earlier entry cannot drift apart. The checks run in the
 * contract's order; the first that fails is the reason.
 */
import { CATEGORY_COUNT, KIND_NAMES } from "../chain/categories.js";

export const PATIENT_KIND = KIND_NAMES.indexOf("patient");

export type AccessRefusal =
  | "paused"
  | "invalid-category"
  /** The patient is not a registered patient, or is suspended. */
  | "patient-inactive"
  /** No grant was in storage for the pair. */
  | "no-grant"
  /** A grant stood but did not cover the category (for writing, when writing). */
  | "out-of-scope"
  | "expired"
  /** The grantee is unregistered or suspended. */
  | "grantee-inactive";

/** A grant's scopes as bitmasks and its expiry (0: none), as the contract stores them. */
export interface StoredScope {
  readScope: number;
  writeScope: number;
  expiresAt: number;
}

export interface AccessFacts {
  paused: boolean;
  patientKind: number;
  patientActive: boolean;
  /** The grantee is the patient. */
  self: boolean;
  /** The grant in storage for the pair; undefined (or an all-zero scope) for none. */
  grant: StoredScope | undefined;
  granteeActive: boolean;
  /** Unix seconds the access is judged at: the block's time. */
  now: number;
}

export function isValidCategory(category: number): boolean {
  return Number.isInteger(category) && category >= 0 && category < CATEGORY_COUNT;
}

export function coversCategory(scope: number, category: number): boolean {
  return ((scope >> category) & 1) === 1;
}

/** The scope bitmask of `categories`: bit c for category c. */
export function scopeOf(categories: readonly number[]): number {
  let scope = 0;
  for (const category of categories) scope |= 1 << category;
  return scope;
}

/** Why the contract would refuse `category` (for writing when `write`), or undefined when it allows it. */
export function accessRefusal(facts: AccessFacts, category: number, write: boolean): AccessRefusal | undefined {
  if (facts.paused) return "paused";
  if (!isValidCategory(category)) return "invalid-category";
  if (facts.patientKind !== PATIENT_KIND || !facts.patientActive) return "patient-inactive";
  if (facts.self) return undefined;
  const { grant } = facts;
  if (grant === undefined || grant.readScope === 0) return "no-grant";
  if (!coversCategory(write ? grant.writeScope : grant.readScope, category)) return "out-of-scope";
  if (grant.expiresAt !== 0 && facts.now >= grant.expiresAt) return "expired";
  if (!facts.granteeActive) return "grantee-inactive";
  return undefined;
}
