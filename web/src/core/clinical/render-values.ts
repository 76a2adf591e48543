/**
 * Readers for decrypted FHIR content of any shape: each takes `unknown` and returns readable text or
 * undefined, never throwing, so one odd element cannot keep a record from being shown.
 */

export type JsonObject = Record<string, unknown>;

export function objectOf(value: unknown): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-blank string, trimmed. */
export function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function joinTexts(texts: readonly (string | undefined)[], separator = "; "): string | undefined {
  const present = texts.filter((text): text is string => text !== undefined);
  return present.length === 0 ? undefined : present.join(separator);
}

/** "DiagnosticReport" → "Diagnostic report", "effectiveDateTime" → "Effective date time". */
export function humanize(name: string): string {
  const words = name
    .replace(/[-_]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A CodeableConcept's text, else its codings' displays, else their codes. */
export function conceptText(value: unknown): string | undefined {
  const concept = objectOf(value);
  if (concept === undefined) return undefined;
  const codings = listOf(concept.coding).map(objectOf);
  return textOf(concept.text) ?? joinTexts(codings.map((coding) => textOf(coding?.display) ?? textOf(coding?.code)), ", ");
}

export function conceptsText(value: unknown): string | undefined {
  return joinTexts(listOf(value).map(conceptText), ", ");
}

/** The texts of a list of Annotations (or of any elements with a `text`), one per line. */
export function annotationsText(value: unknown): string | undefined {
  return joinTexts(listOf(value).map((annotation) => textOf(objectOf(annotation)?.text)), "\n");
}

export function referenceText(value: unknown): string | undefined {
  const reference = objectOf(value);
  return textOf(reference?.display) ?? textOf(reference?.reference);
}

/** The first present value among `keys` of `object`, as a string (dates and the like). */
export function firstText(object: JsonObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const text = textOf(object[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}
