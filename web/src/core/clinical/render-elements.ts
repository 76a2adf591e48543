/** Readable text for the FHIR elements that carry values: value[x], ranges, periods, any element. */
import type { Formatter } from "./render-format.js";
import { isFhirDateText } from "./render-format.js";
import { conceptText, joinTexts, listOf, objectOf, referenceText, textOf, type JsonObject } from "./render-values.js";

function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}

/** A string as shown: dates in the reader's locale, other text as written. */
export function shownText(value: unknown, format: Formatter): string | undefined {
  const text = textOf(value);
  return text !== undefined && isFhirDateText(text) ? format.date(text) : text;
}

export function periodText(value: unknown, format: Formatter): string | undefined {
  const period = objectOf(value);
  const start = shownText(period?.start, format);
  const end = shownText(period?.end, format);
  if (start !== undefined && end !== undefined) return `${start} – ${end}`;
  if (start !== undefined) return `from ${start}`;
  return end === undefined ? undefined : `until ${end}`;
}

/** A Range or an Observation reference range: its text, else its bounds. */
export function rangeText(value: unknown, format: Formatter): string | undefined {
  const range = objectOf(value);
  if (range === undefined) return undefined;
  const low = format.amount(range.low);
  const high = format.amount(range.high);
  if (low !== undefined && high !== undefined) return textOf(range.text) ?? sharedUnitRange(range.low, range.high, format) ?? `${low}–${high}`;
  const bound = low !== undefined ? `≥ ${low}` : high === undefined ? undefined : `≤ ${high}`;
  return textOf(range.text) ?? bound;
}

/** "4–5.6 %" rather than "4 %–5.6 %" when both bounds are plain values in the same unit. */
function sharedUnitRange(lowElement: unknown, highElement: unknown, format: Formatter): string | undefined {
  const low = objectOf(lowElement);
  const high = objectOf(highElement);
  const unit = textOf(low?.unit);
  const plain = (bound: typeof low) => typeof bound?.value === "number" && bound.comparator === undefined && bound.currency === undefined;
  if (unit === undefined || unit !== textOf(high?.unit) || !plain(low) || !plain(high)) return undefined;
  return `${format.number(low!.value as number)}–${format.number(high!.value as number)} ${unit}`;
}

/** An element's value[x] (Observation, component, extension), whichever type it has. */
export function choiceValueText(element: JsonObject, format: Formatter): string | undefined {
  if (typeof element.valueBoolean === "boolean") return yesNo(element.valueBoolean);
  if (typeof element.valueInteger === "number") return format.number(element.valueInteger);
  return (
    format.amount(element.valueQuantity) ??
    textOf(element.valueString) ??
    conceptText(element.valueCodeableConcept) ??
    shownText(element.valueDateTime, format) ??
    textOf(element.valueTime) ??
    periodText(element.valuePeriod, format) ??
    rangeText(element.valueRange, format)
  );
}

/** Any element or primitive: the most readable text it offers, or undefined when it offers none. */
export function elementText(value: unknown, format: Formatter): string | undefined {
  if (typeof value === "string") return shownText(value, format);
  if (typeof value === "number") return Number.isFinite(value) ? format.number(value) : undefined;
  if (typeof value === "boolean") return yesNo(value);
  if (Array.isArray(value)) return joinTexts(value.map((item) => elementText(item, format)));
  const element = objectOf(value);
  if (element === undefined) return undefined;
  return (
    format.amount(element) ??
    conceptText(element) ??
    referenceText(element) ??
    periodText(element, format) ??
    rangeText(element, format) ??
    choiceValueText(element, format)
  );
}

/** The components of an Observation as label and value, e.g. Onset and Severity of a symptom report. */
export function componentFields(value: unknown, format: Formatter): { label: string; value: string }[] {
  return listOf(value).flatMap((item) => {
    const component = objectOf(item);
    const label = conceptText(component?.code);
    const shown = component === undefined ? undefined : choiceValueText(component, format);
    return label === undefined || shown === undefined ? [] : [{ label, value: shown }];
  });
}
