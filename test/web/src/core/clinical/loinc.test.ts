import { describe, expect, it } from "vitest";

import { isLoincCode } from "../../../../../web/src/core/clinical/loinc.js";

describe("isLoincCode", () => {
  it.each(["4548-4", "2345-7", "718-7", "34109-9"])("accepts the real code %s", (code) => {
    expect(isLoincCode(code)).toBe(true);
  });

  it.each(["4548-5", "2345-1", "4548", "4548-44", "A548-4", " 4548-4", ""])("refuses %j", (code) => {
    expect(isLoincCode(code)).toBe(false);
  });
});
