/**
 * Calendar days for the console's charts. The caller says which day a second belongs to (local days
 * in the portal, UTC in the CLI); the boundaries are found from that function alone, so daylight
 * saving days of 23 or 25 hours come out right without knowing any time zone.
 */

/** The calendar day of a unix time, as "yyyy-mm-dd" (any format that sorts as the days do). */
export type DayOf = (unixSeconds: number) => string;

export interface Day {
  /** dayOf's name for it. */
  day: string;
  /** Its first second, within the range asked for. */
  start: number;
  /** Its last second, within the range asked for. */
  end: number;
}

export class DayFunctionError extends Error {
  readonly code = "DAY_FUNCTION_INVALID";
  constructor(readonly at: number, readonly day: string) {
    super(`dayOf gave "${day}" for ${MAX_DAY_SECONDS / 3600} hours from unix time ${at} on, or went back in time: pass a function that names the calendar day of a unix time.`);
    this.name = "DayFunctionError";
  }
}

// No calendar day lasts longer than 26 hours (25 with daylight saving, plus the odd zone change).
const MAX_DAY_SECONDS = 26 * 3600;

export const utcDayOf: DayOf = (unixSeconds) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

/** The day in the time zone of whatever runs it (the browser's, for the portal). */
export const localDayOf: DayOf = (unixSeconds) => {
  const date = new Date(unixSeconds * 1000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The first second after `start` on a later day than `start`'s. */
function nextDayStart(start: number, dayOf: DayOf): number {
  const day = dayOf(start);
  let low = start;
  let high = start + 3600;
  while (dayOf(high) === day) {
    low = high;
    high = Math.min(start + MAX_DAY_SECONDS, start + 2 * (high - start));
    if (low === high) throw new DayFunctionError(start, day);
  }
  if (dayOf(high) < day) throw new DayFunctionError(start, day);
  // dayOf(low) is `day`, dayOf(high) is not: the boundary lies in between.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (dayOf(middle) === day) low = middle;
    else high = middle;
  }
  return high;
}

/** Every day from the one holding `from` to the one holding `to` (unix seconds, inclusive), each clipped to the range. */
export function daysBetween(from: number, to: number, dayOf: DayOf): Day[] {
  const days: Day[] = [];
  for (let start = Math.floor(from); start <= to; ) {
    const next = nextDayStart(start, dayOf);
    days.push({ day: dayOf(start), start, end: Math.min(next - 1, Math.floor(to)) });
    start = next;
  }
  return days;
}

/** The index of the day holding `unixSeconds` in `days` (ascending, as daysBetween gives them), or -1 outside them. */
export function dayIndexOf(days: readonly Day[], unixSeconds: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const day = days[middle] as Day;
    if (unixSeconds < day.start) high = middle - 1;
    else if (unixSeconds > day.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
