/**
 * Checks on the values a clinical form hands to the builders. Each failure is a ClinicalInputError
 * naming the input and saying, in a sentence, what to enter instead; messages never repeat the value.
 */
import { ClinicalInputError } from "./errors.js";

export interface TextRule {
  /** How the sentence names the input: "The {label} is required." */
  label: string;
  maxLength: number;
}

export function requiredText(field: string, value: unknown, rule: TextRule): string {
  const text = optionalText(field, value, rule);
  if (text === undefined) throw new ClinicalInputError(field, `The ${rule.label} is required.`);
  return text;
}

/** Trimmed text, or undefined when the value is absent or blank. */
export function optionalText(field: string, value: unknown, rule: TextRule): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ClinicalInputError(field, `The ${rule.label} must be text.`);
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > rule.maxLength) {
    throw new ClinicalInputError(field, `The ${rule.label} is ${text.length} characters long; shorten it to at most ${rule.maxLength}.`);
  }
  return text;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A finite number, from a number or from text such as "5.4" (a decimal point, no thousands separators). */
export function decimal(field: string, value: unknown, label: string): number {
  const number = typeof value === "string" && DECIMAL.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) {
    throw new ClinicalInputError(field, `The ${label} must be a number, written with digits and a decimal point.`);
  }
  return number;
}

export function positiveDecimal(field: string, value: unknown, label: string): number {
  const number = decimal(field, value, label);
  if (!(number > 0)) throw new ClinicalInputError(field, `The ${label} must be greater than zero.`);
  return number;
}

/** Whether `text` reads as a decimal number, so a form's text field can carry a measured value. */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A FHIR date or dateTime. A year, year-month or calendar date stays as entered; a date with a time
 * (an ISO string, a `datetime-local` value read in the user's time zone, or a Date) becomes a UTC
 * instant, which FHIR requires whenever a time is given.
 */
export function fhirDateTime(field: string, value: unknown, label: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ClinicalInputError(field, `The ${label} is not a valid date.`);
    return value.toISOString();
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new ClinicalInputError(field, `The ${label} must be a date such as 2025-03-02, or a date and time.`);
  }
  const text = value.trim();
  const partial = PARTIAL_DATE.exec(text);
  if (partial !== null) {
    const [, year, month = "01", day = "01"] = partial;
    if (!isCalendarDate(Number(year), Number(month), Number(day))) throw new ClinicalInputError(field, `The ${label} is not a calendar date.`);
    return text;
  }
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) {
    throw new ClinicalInputError(field, `The ${label} must be a date such as 2025-03-02, or a date and time.`);
  }
  return instant.toISOString();
}

export function optionalDateTime(field: string, value: unknown, label: string): string | undefined {
  return value === undefined || value === null || value === "" ? undefined : fhirDateTime(field, value, label);
}

/** The given date, or now: when a form leaves the date out, the record is about the moment it is written. */
export function dateOrNow(field: string, value: unknown, label: string): string {
  return optionalDateTime(field, value, label) ?? new Date().toISOString();
}

/** One of `choices`, or undefined when absent. */
export function optionalChoice<Choice extends string>(field: string, value: unknown, choices: readonly Choice[], label: string): Choice | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new ClinicalInputError(field, `The ${label} must be one of: ${choices.join(", ")}.`);
  }
  return value as Choice;
}
