import { describe, expect, it } from "vitest";

import { capitalized, listPhrase, scopeInWords, scopeMask } from "../../../../../web/src/portal/ui/words.js";

describe("listPhrase", () => {
  it("listPhrase joins none, one, two and three items as a sentence does", () => {
    expect([[], ["a"], ["a", "b"], ["a", "b", "c"]].map(listPhrase)).toEqual(["", "a", "a and b", "a, b and c"]);
  });
});

describe("scopeInWords", () => {
  it("scopeInWords separates read-only categories from those that may also be added to", () => {
    expect(scopeInWords([0, 1, 2], [2])).toBe("may read general notes and lab results; may read and add imaging");
  });

  it("scopeInWords with write only on every category reads as read and add", () => {
    expect(scopeInWords([3], [3])).toBe("may read and add prescriptions");
  });
});

describe("capitalized and scopeMask", () => {
  it("capitalized upper-cases the first letter only", () => {
    expect(capitalized("may read imaging")).toBe("May read imaging");
  });

  it("scopeMask sets one bit per category", () => {
    expect(scopeMask([0, 2, 7])).toBe(0b10000101);
  });
});
