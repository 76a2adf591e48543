/** A clinical note as an R4 Composition: title, date and the text as its one narrative section. */
import type { Composition } from "@medplum/fhirtypes";

import { dateOrNow, requiredText } from "./inputs.js";
import { textToXhtml } from "./narrative.js";
import { recordAuthor, recordPatient } from "./record-references.js";
import { noteType } from "./terminology.js";

export interface ClinicalNoteInput {
  title: string;
  text: string;
  /** FHIR date or dateTime (or a Date); now when absent. */
  date?: string | Date;
}

export const MAX_NOTE_LENGTH = 100_000;

export function buildClinicalNote(input: ClinicalNoteInput): Composition {
  const title = requiredText("title", input.title, { label: "title", maxLength: 200 });
  const text = requiredText("text", input.text, { label: "note text", maxLength: MAX_NOTE_LENGTH });
  return {
    resourceType: "Composition",
    status: "final",
    type: noteType(),
    subject: recordPatient(),
    date: dateOrNow("date", input.date, "note date"),
    author: [recordAuthor()],
    title,
    section: [{ text: { status: "generated", div: textToXhtml(text) } }],
  };
}
