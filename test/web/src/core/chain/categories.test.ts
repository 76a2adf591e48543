import { describe, expect, it } from "vitest";

import { categoriesOf, categoryName, KIND_NAMES, kindName, mayWriteRecords } from "../../../../../web/src/core/chain/categories.js";

describe("mayWriteRecords", () => {
  it("mayWriteRecords_eachKind_holdsForDoctorsHospitalsAndLabsOnly", () => {
    expect(KIND_NAMES.map((_, kind) => mayWriteRecords(kind))).toEqual([false, false, true, true, false, true, false]);
  });
});

describe("names", () => {
  it("categoryName_unknownCategory_saysItsNumber", () => {
    expect(categoryName(4)).toBe("billing and claims");
    expect(categoryName(9)).toBe("category 9");
  });

  it("kindName_unknownKind_saysItsNumber", () => {
    expect(kindName(5)).toBe("lab");
    expect(kindName(7)).toBe("kind 7");
  });

  it("categoriesOf_scopeMask_listsItsCategoriesAscending", () => {
    expect(categoriesOf(0b1000_0101)).toEqual([0, 2, 7]);
    expect(categoriesOf(0)).toEqual([]);
  });
});
