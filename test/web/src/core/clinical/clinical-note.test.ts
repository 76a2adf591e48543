import { afterEach, describe, expect, it, vi } from "vitest";

import { buildClinicalNote } from "../../../../../web/src/core/clinical/clinical-note.js";
import { expectInputError } from "./support.js";

afterEach(() => vi.useRealTimers());

describe("buildClinicalNote", () => {
  it("builds a final Composition with the text as its narrative", () => {
    expect(buildClinicalNote({ title: " Follow-up visit ", text: "Feels better.\n\nPlan: review in 4 weeks.", date: "2025-03-02" })).toEqual({
      resourceType: "Composition",
      status: "final",
      type: { coding: [{ system: "http://loinc.org", code: "34109-9", display: "Note" }], text: "Note" },
      subject: { type: "Patient", display: "The patient this record is filed under" },
      date: "2025-03-02",
      author: [{ display: "The author of this record on the ledger" }],
      title: "Follow-up visit",
      section: [{ text: { status: "generated", div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Feels better.</p><p>Plan: review in 4 weeks.</p></div>' } }],
    });
  });

  it("dates the note now when the form gives no date", () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 4, 6, 7, 8, 9) });
    expect(buildClinicalNote({ title: "t", text: "x" }).date).toBe("2025-05-06T07:08:09.000Z");
  });

  it("returns independent objects: editing one note leaves the next alone", () => {
    const first = buildClinicalNote({ title: "t", text: "x", date: "2025" });
    first.type.text = "changed";
    expect(buildClinicalNote({ title: "t", text: "x", date: "2025" }).type.text).toBe("Note");
  });

  it.each([
    [{ title: "", text: "x" }, "title", "The title is required."],
    [{ title: "t", text: " " }, "text", "The note text is required."],
    [{ title: "t".repeat(201), text: "x" }, "title", "The title is 201 characters long; shorten it to at most 200."],
    [{ title: "t", text: "x", date: "yesterday" }, "date", "The note date must be a date such as 2025-03-02, or a date and time."],
  ])("refuses %j", (input, field, message) => {
    expectInputError(() => buildClinicalNote(input), field, message);
  });
});
