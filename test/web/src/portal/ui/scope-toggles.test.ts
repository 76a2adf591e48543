import { describe, expect, it } from "vitest";

import { inScope, toggleRead, toggleWrite } from "../../../../../web/src/portal/ui/scope-toggles.js";

describe("toggleRead and toggleWrite", () => {
  it("toggleWrite_on_alsoTicksRead", () => {
    expect(toggleWrite({ read: 0, write: 0 }, 1, true)).toEqual({ read: 0b10, write: 0b10 });
  });

  it("toggleRead_off_alsoUnticksWriteOfThatCategoryOnly", () => {
    expect(toggleRead({ read: 0b11, write: 0b11 }, 0, false)).toEqual({ read: 0b10, write: 0b10 });
  });

  it("toggleWrite_off_keepsRead", () => {
    expect(toggleWrite({ read: 0b1, write: 0b1 }, 0, false)).toEqual({ read: 0b1, write: 0 });
  });

  it("toggleRead_on_leavesWriteAndOtherFieldsAlone", () => {
    expect(toggleRead({ read: 0, write: 0, patient: "p" }, 3, true)).toEqual({ read: 0b1000, write: 0, patient: "p" });
  });
});

describe("inScope", () => {
  it("inScope_bitSetOrNot_answersPerCategory", () => {
    expect([0, 1, 2].map((category) => inScope(0b101, category))).toEqual([true, false, true]);
  });
});
