import { describe, expect, it } from "vitest";

import { readableCategories, recordsInScope } from "../../../../../web/src/portal/providers/chart-scope.js";
import { ids, recordSummary as summary } from "../records/record-summaries.js";

const RECORDS = [summary(1, 0, 100), summary(2, 1, 200), summary(3, 4, 300), summary(4, 0, 400, { supersedes: 1n })];

describe("readableCategories", () => {
  it("readableCategories without a narrowing keeps every category of the grant", () => {
    expect(readableCategories([0, 1, 4])).toEqual([0, 1, 4]);
  });

  it("readableCategories narrowed to billing keeps billing only when the grant covers it", () => {
    expect(readableCategories([0, 1, 4], [4])).toEqual([4]);
    expect(readableCategories([0, 1], [4])).toEqual([]);
  });
});

describe("recordsInScope", () => {
  it("recordsInScope lists only records of the readable categories, every version included", () => {
    expect(ids(recordsInScope(RECORDS, [0]))).toEqual([1, 4]);
  });

  it("recordsInScope with no readable category lists nothing", () => {
    expect(recordsInScope(RECORDS, [])).toEqual([]);
  });

  it("recordsInScope leaves out a category the grant does not cover", () => {
    expect(ids(recordsInScope(RECORDS, [1, 4]))).toEqual([2, 3]);
  });
});
