/** What the portal shows of a clinical resource: readable text only, no FHIR structure left. */

export interface RenderedField {
  label: string;
  value: string;
}

export interface RenderedResource {
  /** What this is about, e.g. "HbA1c" or "Metformin 500 mg tablet". */
  title: string;
  /** What kind of record it is, e.g. "Lab result", "Prescription". */
  kind: string;
  /** E.g. "Final"; "Pending" or "Given" for prescriptions; "No status" when the resource has none. */
  status: string;
  /** One sentence for a timeline entry. */
  summary: string;
  fields: RenderedField[];
  /** The date or date-time the resource is about, as written (ISO 8601), for sorting and formatting. */
  date?: string;
}

/** The fields whose value is present, in order. */
export function presentFields(...entries: [label: string, value: string | undefined][]): RenderedField[] {
  return entries.flatMap(([label, value]) => (value === undefined ? [] : [{ label, value }]));
}

/** At most `length` characters of `text`'s first paragraph, cut at a word, for a summary. */
export function excerpt(text: string, length = 160): string {
  const first = text.split(/\n/)[0]?.trim() ?? "";
  if (first.length <= length) return first;
  const cut = first.slice(0, length);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > length / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** Ends `text` with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
