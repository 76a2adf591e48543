import { describe, expect, it } from "vitest";

import { decimal, fhirDateTime, optionalChoice, optionalText, positiveDecimal, requiredText } from "../../../../../web/src/core/clinical/inputs.js";

import { clinicalInputError as inputError } from "./support.js";

const rule = { label: "title", maxLength: 5 };

describe("requiredText / optionalText", () => {
  it("requiredText trims the value", () => {
    expect(requiredText("title", "  Visit \n", rule)).toBe("Visit");
  });

  it("requiredText refuses a blank value, naming the field in a sentence", () => {
    const error = inputError(() => requiredText("title", "   ", rule));
    expect(error.field).toBe("title");
    expect(error.code).toBe("CLINICAL_INPUT_INVALID");
    expect(error.message).toBe("The title is required.");
  });

  it("optionalText refuses text over the limit without repeating it", () => {
    const error = inputError(() => optionalText("title", "secret-text", rule));
    expect(error.message).toBe("The title is 11 characters long; shorten it to at most 5.");
  });

  it("optionalText refuses a value that is not text", () => {
    expect(inputError(() => optionalText("title", 42, rule)).message).toBe("The title must be text.");
  });

  it("optionalText reads blank and absent values as absent", () => {
    expect([optionalText("title", undefined, rule), optionalText("title", null, rule), optionalText("title", " ", rule)]).toEqual([undefined, undefined, undefined]);
  });
});

describe("decimal / positiveDecimal", () => {
  it.each([
    [6.1, 6.1],
    [" 6.1 ", 6.1],
    ["-2", -2],
    [".5", 0.5],
    ["12.", 12],
  ])("decimal reads %j as %d", (value, expected) => {
    expect(decimal("value", value, "result value")).toBe(expected);
  });

  it.each(["6,1", "1e3", "abc", "", Number.NaN, Number.POSITIVE_INFINITY])("decimal refuses %j", (value) => {
    expect(inputError(() => decimal("value", value, "result value")).message).toBe("The result value must be a number, written with digits and a decimal point.");
  });

  it("positiveDecimal refuses zero", () => {
    expect(inputError(() => positiveDecimal("amount", "0", "amount")).message).toBe("The amount must be greater than zero.");
  });
});

describe("fhirDateTime", () => {
  it.each(["2025", "2025-03", "2025-03-02"])("keeps the partial date %s as written", (value) => {
    expect(fhirDateTime("date", value, "date")).toBe(value);
  });

  it("turns a date-time with an offset into the same instant in UTC", () => {
    expect(fhirDateTime("date", "2025-03-02T10:30:00+02:00", "date")).toBe("2025-03-02T08:30:00.000Z");
  });

  it("reads a datetime-local value in the runtime's time zone", () => {
    expect(fhirDateTime("date", "2025-03-02T10:30", "date")).toBe(new Date(2025, 2, 2, 10, 30).toISOString());
  });

  it("accepts a Date", () => {
    expect(fhirDateTime("date", new Date(Date.UTC(2025, 0, 1)), "date")).toBe("2025-01-01T00:00:00.000Z");
  });

  it.each([
    ["2025-02-30", "The date is not a calendar date."],
    ["2025-13", "The date is not a calendar date."],
    ["02/03/2025", "The date must be a date such as 2025-03-02, or a date and time."],
    ["2025-03-02T25:00", "The date must be a date such as 2025-03-02, or a date and time."],
    [new Date(Number.NaN), "The date is not a valid date."],
    [20250302, "The date must be a date such as 2025-03-02, or a date and time."],
  ])("refuses %j", (value, message) => {
    expect(inputError(() => fhirDateTime("date", value, "date")).message).toBe(message);
  });
});

describe("optionalChoice", () => {
  it("returns a listed choice and undefined for an empty one", () => {
    expect([optionalChoice("severity", "mild", ["mild", "severe"], "severity"), optionalChoice("severity", "", ["mild"], "severity")]).toEqual(["mild", undefined]);
  });

  it("refuses an unlisted choice, listing the allowed ones", () => {
    expect(inputError(() => optionalChoice("severity", "awful", ["mild", "severe"], "severity")).message).toBe("The severity must be one of: mild, severe.");
  });
});
