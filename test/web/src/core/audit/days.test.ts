import { describe, expect, it } from "vitest";

import { DayFunctionError, dayIndexOf, daysBetween, localDayOf, utcDayOf } from "../../../../../web/src/core/audit/days.js";

const DAY = 86_400;
/** 2024-03-09T00:00:00Z */
const MARCH_9 = 1_709_942_400;

describe("daysBetween", () => {
  it("daysBetween_utcRange_givesEveryDayClippedToTheRange", () => {
    expect(daysBetween(MARCH_9 + 3_600, MARCH_9 + 2 * DAY + 60, utcDayOf)).toEqual([
      { day: "2024-03-09", start: MARCH_9 + 3_600, end: MARCH_9 + DAY - 1 },
      { day: "2024-03-10", start: MARCH_9 + DAY, end: MARCH_9 + 2 * DAY - 1 },
      { day: "2024-03-11", start: MARCH_9 + 2 * DAY, end: MARCH_9 + 2 * DAY + 60 },
    ]);
  });

  it("daysBetween_dayWith23Hours_findsItsBoundariesFromDayOfAlone", () => {
    // A zone five hours behind UTC that moves an hour forward at 07:00 UTC on 10 March (as New York does).
    const shift = MARCH_9 + DAY + 7 * 3_600;
    const dayOf = (seconds: number) => utcDayOf(seconds - (seconds < shift ? 5 : 4) * 3_600);
    const days = daysBetween(MARCH_9 + DAY, MARCH_9 + 3 * DAY, dayOf);
    expect(days.map(({ day, start, end }) => [day, start - MARCH_9, end - MARCH_9])).toEqual([
      ["2024-03-09", DAY, DAY + 5 * 3_600 - 1],
      ["2024-03-10", DAY + 5 * 3_600, 2 * DAY + 4 * 3_600 - 1],
      ["2024-03-11", 2 * DAY + 4 * 3_600, 3 * DAY],
    ]);
    expect(days[1]!.end - days[1]!.start + 1).toBe(23 * 3_600);
  });

  it("daysBetween_sameSecond_isOneDay", () => {
    expect(daysBetween(MARCH_9, MARCH_9, utcDayOf)).toEqual([{ day: "2024-03-09", start: MARCH_9, end: MARCH_9 }]);
  });

  it("daysBetween_toBeforeFrom_isEmpty", () => {
    expect(daysBetween(MARCH_9, MARCH_9 - 1, utcDayOf)).toEqual([]);
  });

  it("daysBetween_dayOfThatNeverChanges_throwsDayFunctionError", () => {
    expect(() => daysBetween(MARCH_9, MARCH_9 + 3 * DAY, () => "always")).toThrow(DayFunctionError);
  });

  it("daysBetween_dayOfThatGoesBack_throwsDayFunctionError", () => {
    expect(() => daysBetween(MARCH_9, MARCH_9 + 3 * DAY, (seconds) => (seconds < MARCH_9 + 3_600 ? "2024-03-09" : "2024-03-01"))).toThrow(DayFunctionError);
  });
});

describe("localDayOf", () => {
  it("localDayOf_anyTime_isTheLocalCalendarDate", () => {
    // en-CA writes dates as yyyy-mm-dd, in the runtime's own time zone.
    const local = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
    for (const seconds of [MARCH_9, MARCH_9 + 12 * 3_600, MARCH_9 + DAY - 1]) expect(localDayOf(seconds)).toBe(local.format(new Date(seconds * 1000)));
  });
});

describe("dayIndexOf", () => {
  const days = daysBetween(MARCH_9, MARCH_9 + 2 * DAY - 1, utcDayOf);

  it("dayIndexOf_secondsInsideAndOutside_findTheirDayOrMinusOne", () => {
    expect([MARCH_9 - 1, MARCH_9, MARCH_9 + DAY - 1, MARCH_9 + DAY, MARCH_9 + 2 * DAY - 1, MARCH_9 + 2 * DAY].map((seconds) => dayIndexOf(days, seconds)))
      .toEqual([-1, 0, 0, 1, 1, -1]);
  });
});
