/** Dates, numbers and amounts of FHIR content in the reader's locale. */
import { objectOf, textOf } from "./render-values.js";

export interface RenderOptions {
  /** BCP 47 locale(s); the runtime's (the user's, in a browser) when absent. */
  locale?: string | string[];
  /** For date-times; the runtime's when absent. Dates without a time are shown as written. */
  timeZone?: string;
}

export interface Formatter {
  date(value: string): string;
  number(value: number): string;
  /** A Quantity or Money element, or undefined when it has no numeric value. */
  amount(value: unknown): string | undefined;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function isFhirDateText(value: string): boolean {
  return PARTIAL_DATE.test(value) || DATE_TIME.test(value);
}

export function createFormatter(options: RenderOptions = {}): Formatter {
  const { locale, timeZone } = options;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });

  function date(value: string): string {
    const partial = PARTIAL_DATE.exec(value);
    if (partial !== null) {
      const [, year, month, day] = partial;
      const utc = new Date(Date.UTC(Number(year), month === undefined ? 0 : Number(month) - 1, day === undefined ? 1 : Number(day)));
      if (Number.isNaN(utc.getTime())) return value;
      const parts: Intl.DateTimeFormatOptions =
        day !== undefined ? { year: "numeric", month: "long", day: "numeric" } : month !== undefined ? { year: "numeric", month: "long" } : { year: "numeric" };
      // A calendar date names a day, not an instant: no time zone may move it.
      return new Intl.DateTimeFormat(locale, { ...parts, timeZone: "UTC" }).format(utc);
    }
    const instant = DATE_TIME.test(value) ? new Date(value) : undefined;
    if (instant === undefined || Number.isNaN(instant.getTime())) return value;
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(instant);
  }

  function amount(value: unknown): string | undefined {
    const element = objectOf(value);
    const number = element?.value;
    if (element === undefined || typeof number !== "number" || !Number.isFinite(number)) return undefined;
    const currency = textOf(element.currency);
    if (currency !== undefined && /^[A-Z]{3}$/.test(currency)) {
      return new Intl.NumberFormat(locale, { style: "currency", currency }).format(number);
    }
    const comparator = textOf(element.comparator) ?? "";
    const unit = textOf(element.unit) ?? textOf(element.code);
    const text = `${comparator}${numbers.format(number)}`;
    return unit === undefined ? text : `${text} ${unit}`;
  }

  return { date, number: (value) => numbers.format(value), amount };
}
