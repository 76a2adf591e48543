import { describe, expect, it } from "vitest";

import {
  applyTimelineFilters,
  categoriesPresent,
  facilitiesPresent,
  hasRecordsWithoutFacility,
  NO_TIMELINE_FILTERS,
  timelineCountText,
  toggleCategory,
} from "../../../../../web/src/portal/records/timeline-filters.js";
import { address, ids, recordSummary as record } from "./record-summaries.js";

const CITY = address("c1");
const COAST = address("c2");

const RECORDS = [
  record(1, 0, 100, { facility: CITY, status: "superseded", supersededBy: 3n }),
  record(2, 7, 200),
  record(3, 0, 300, { facility: CITY, supersedes: 1n }),
  record(4, 1, 400, { facility: COAST }),
  record(5, 1, 500, { facility: COAST.toUpperCase().replace("0X", "0x") as typeof COAST, status: "retracted", retractedReason: 1 }),
];

describe("applyTimelineFilters", () => {
  it("applyTimelineFilters without filters shows current and retracted versions, newest first", () => {
    expect(ids(applyTimelineFilters(RECORDS, NO_TIMELINE_FILTERS))).toEqual([5, 4, 3, 2]);
  });

  it("applyTimelineFilters shows superseded versions when asked", () => {
    expect(ids(applyTimelineFilters(RECORDS, { ...NO_TIMELINE_FILTERS, showEarlierVersions: true }))).toEqual([5, 4, 3, 2, 1]);
  });

  it("applyTimelineFilters keeps only the chosen categories", () => {
    expect(ids(applyTimelineFilters(RECORDS, { ...NO_TIMELINE_FILTERS, categories: [0, 7] }))).toEqual([3, 2]);
  });

  it("applyTimelineFilters matches a facility whatever its address's case", () => {
    expect(ids(applyTimelineFilters(RECORDS, { ...NO_TIMELINE_FILTERS, facility: COAST }))).toEqual([5, 4]);
  });

  it("applyTimelineFilters with facility none keeps records added without a facility", () => {
    expect(ids(applyTimelineFilters(RECORDS, { ...NO_TIMELINE_FILTERS, facility: "none" }))).toEqual([2]);
  });

  it("applyTimelineFilters puts trusted facilities first, newest first within each group", () => {
    expect(ids(applyTimelineFilters(RECORDS, NO_TIMELINE_FILTERS, [CITY]))).toEqual([3, 5, 4, 2]);
  });
});

describe("timeline filter options", () => {
  it("categoriesPresent lists each category once, ascending", () => {
    expect(categoriesPresent(RECORDS)).toEqual([0, 1, 7]);
  });

  it("facilitiesPresent lists each facility once in first-seen order, ignoring case", () => {
    expect(facilitiesPresent(RECORDS)).toEqual([CITY, COAST]);
  });

  it("hasRecordsWithoutFacility tells whether the none choice can match", () => {
    expect(hasRecordsWithoutFacility(RECORDS)).toBe(true);
    expect(hasRecordsWithoutFacility(RECORDS.filter((r) => r.facility !== undefined))).toBe(false);
  });

  it("toggleCategory adds a missing category in order and removes a present one", () => {
    expect(toggleCategory([0, 7], 1)).toEqual([0, 1, 7]);
    expect(toggleCategory([0, 1, 7], 1)).toEqual([0, 7]);
  });
});

describe("timelineCountText", () => {
  it("timelineCountText_noFilters_countsCurrentRecordsAndSaysHowManyEarlierVersionsAreHidden", () => {
    expect(timelineCountText(RECORDS, 4, NO_TIMELINE_FILTERS)).toBe("4 records (1 earlier version hidden)");
  });

  it("timelineCountText_categoryFilter_saysHowManyOfTheListableRecordsMatch", () => {
    expect(timelineCountText(RECORDS, 2, { ...NO_TIMELINE_FILTERS, categories: [1] })).toBe("2 of 4 records match (1 earlier version hidden)");
  });

  it("timelineCountText_earlierVersionsShown_countsThemAndHidesNothing", () => {
    expect(timelineCountText(RECORDS, 5, { ...NO_TIMELINE_FILTERS, showEarlierVersions: true })).toBe("5 records");
  });

  it("timelineCountText_oneRecord_isSingular", () => {
    expect(timelineCountText([RECORDS[1]!], 1, NO_TIMELINE_FILTERS)).toBe("1 record");
  });
});
