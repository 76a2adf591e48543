/**
 * Any other resource, read generically: its top-level values that have a readable form (text,
 * numbers, dates, codes, quantities, references, periods), labelled by their element names.
 */
import type { Formatter } from "./render-format.js";
import { elementText } from "./render-elements.js";
import { sentence, type RenderedField, type RenderedResource } from "./rendered-resource.js";
import { statusLabel } from "./render-known.js";
import { conceptText, firstText, humanize, objectOf, textOf, type JsonObject } from "./render-values.js";

/** Bookkeeping and structure that mean nothing to a reader, and values shown elsewhere. */
const NOT_SHOWN = new Set(["resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "status"]);

const DATE_ELEMENTS = ["effectiveDateTime", "date", "authoredOn", "created", "issued", "recordedDate", "onsetDateTime", "occurrenceDateTime", "performedDateTime"];

function resourceDate(resource: JsonObject): string | undefined {
  return firstText(resource, DATE_ELEMENTS) ?? textOf(objectOf(resource.effectivePeriod)?.start) ?? textOf(objectOf(resource.period)?.start);
}

export function renderGeneric(resource: JsonObject, format: Formatter): RenderedResource {
  const kind = textOf(resource.resourceType) === undefined ? "Health record" : humanize(textOf(resource.resourceType)!);
  const title = conceptText(resource.code) ?? textOf(resource.title) ?? textOf(resource.name) ?? kind;
  const fields: RenderedField[] = [];
  for (const [key, value] of Object.entries(resource)) {
    if (NOT_SHOWN.has(key)) continue;
    const shown = elementText(value, format);
    if (shown !== undefined) fields.push({ label: humanize(key), value: shown });
  }
  const date = resourceDate(resource);
  return {
    title,
    kind,
    status: statusLabel(resource.status),
    summary: sentence(title === kind ? kind : `${kind}: ${title}`),
    fields,
    ...(date === undefined ? {} : { date }),
  };
}
