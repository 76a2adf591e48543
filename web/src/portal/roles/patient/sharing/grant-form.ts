/**
 * The grant form: who (one or several providers), which categories they may read and add to, and
 * until when. Framework-free so the rules are tested without a browser; the page shows each error
 * next to its field and signs only a form without errors.
 */
import { CATEGORY_COUNT, mayWriteRecords } from "../../../../core/chain/categories.js";
import type { GrantRequest } from "../../../../core/scope-keys/grants.js";
import type { ChosenProvider } from "./picker-options.js";
import type { ScopeFields } from "../../../ui/scope-toggles.js";
import { listPhrase } from "../../../ui/words.js";

export type ExpiryMode = "none" | "date";

export interface GrantFormFields extends ScopeFields {
  providers: readonly ChosenProvider[];
  /** `read` and `write` are category bitmasks; the form keeps `write` inside `read`, as the contract stores it. */
  expiryMode: ExpiryMode;
  /** "YYYY-MM-DD" from a date input: access ends when that day ends, in the user's time zone. */
  expiryDate: string;
}

export type GrantFormField = "providers" | "read" | "write" | "expiry";
export type GrantFormErrors = Partial<Record<GrantFormField, string>>;

const ALL_CATEGORIES = (1 << CATEGORY_COUNT) - 1;

export function emptyGrantForm(): GrantFormFields {
  return { providers: [], read: 0, write: 0, expiryMode: "none", expiryDate: "" };
}

/** A form pre-filled from an access request: the requester and exactly the scope asked for. */
export function grantFormFromRequest(requester: ChosenProvider, readScope: number, writeScope: number): GrantFormFields {
  const write = writeScope & ALL_CATEGORIES;
  return { ...emptyGrantForm(), providers: [requester], read: (readScope | write) & ALL_CATEGORIES, write };
}

/** Unix seconds at which access granted until `date` ends: the next local midnight; undefined when `date` is not a valid day. */
export function endOfDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) return undefined;
  return Math.floor(new Date(year, month - 1, day + 1).getTime() / 1000);
}

/** "YYYY-MM-DD" of the local day containing `nowSeconds`: the earliest expiry date the picker offers. */
export function localDateInput(nowSeconds: number): string {
  const now = new Date(nowSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function displayName(provider: ChosenProvider): string {
  return provider.name ?? provider.account;
}

/** Every problem with `fields` at `nowSeconds`, by field; an empty object means the grant may be signed. */
export function grantFormErrors(fields: GrantFormFields, nowSeconds: number): GrantFormErrors {
  const errors: GrantFormErrors = {};
  if (fields.providers.length === 0) errors.providers = "Choose at least one provider.";
  if ((fields.read | fields.write) === 0) errors.read = "Choose at least one category they may read.";
  if (fields.write !== 0) {
    const readOnly = fields.providers.filter((provider) => !mayWriteRecords(provider.kind));
    if (readOnly.length > 0) {
      errors.write = `${listPhrase(readOnly.map(displayName))} may only read: only doctors, hospitals and laboratories may add records. Untick "May add records" or choose them in a separate grant.`;
    }
  }
  if (fields.expiryMode === "date") {
    const expiresAt = endOfDay(fields.expiryDate);
    if (fields.expiryDate === "") errors.expiry = "Choose the last day of access, or choose no end date.";
    else if (expiresAt === undefined) errors.expiry = "Enter a valid date.";
    else if (expiresAt <= nowSeconds) errors.expiry = "Choose today or a later day: the end date has passed.";
  }
  return errors;
}

/** One request per provider, all with the same scope and expiry; undefined while the form has errors. */
export function grantRequests(fields: GrantFormFields, nowSeconds: number): GrantRequest[] | undefined {
  if (Object.keys(grantFormErrors(fields, nowSeconds)).length > 0) return undefined;
  const expiresAt = fields.expiryMode === "date" ? (endOfDay(fields.expiryDate) as number) : 0;
  return fields.providers.map((provider) => ({ grantee: provider.account, readScope: fields.read | fields.write, writeScope: fields.write, expiresAt }));
}
