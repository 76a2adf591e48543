import { describe, expect, it } from "vitest";

import { chartRange, niceCeiling } from "../../../../../../../web/src/portal/roles/auditor/overview/chart-range.js";
import { useTimeZone } from "../../../../../../helpers/time-zone.js";

useTimeZone("Europe/Paris");

const at = (iso: string) => Date.parse(iso) / 1000;

describe("chartRange", () => {
  it("chartRange_lastWeek_startsAtLocalMidnightSixDaysBeforeTheNewestDay", () => {
    expect(chartRange("week", at("2026-01-01T00:00:00Z"), at("2026-03-10T15:00:00Z"))).toEqual({ from: at("2026-03-03T23:00:00Z"), to: at("2026-03-10T15:00:00Z") });
  });

  it("chartRange_historyShorterThanTheRange_startsAtTheFirstEntry", () => {
    expect(chartRange("quarter", at("2026-03-09T10:00:00Z"), at("2026-03-10T15:00:00Z"))).toEqual({ from: at("2026-03-09T10:00:00Z"), to: at("2026-03-10T15:00:00Z") });
  });

  it("chartRange_everything_isFirstToNewestAndEmptyLogIsUndefined", () => {
    expect(chartRange("all", 10, 20)).toEqual({ from: 10, to: 20 });
    expect(chartRange("all", undefined, undefined)).toBeUndefined();
  });
});

describe("niceCeiling", () => {
  it.each([[0, 1], [1, 1], [3, 5], [7, 10], [42, 50], [120, 200], [1_001, 2_000]])("niceCeiling_%d_is%d", (value, expected) => {
    expect(niceCeiling(value)).toBe(expected);
  });
});
