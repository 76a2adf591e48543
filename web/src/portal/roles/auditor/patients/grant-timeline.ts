/** A patient's grants as bars on a time axis: who could read what, from when until when. */
import type { GrantPeriod } from "../../../../core/audit/grant-periods.js";
import { grantState, type GrantState } from "../grant-words.js";

export interface TimelineBar {
  period: GrantPeriod;
  state: GrantState;
  start: number;
  /** When it stopped giving access, or `now` for one still standing. */
  end: number;
  /** Share of the axis, 0..1. */
  left: number;
  width: number;
}

export interface GrantTimeline {
  from: number;
  to: number;
  bars: TimelineBar[];
  /** Grants left out to keep the picture readable (the oldest ones). */
  hidden: number;
}

export const TIMELINE_ROWS = 40;

/** The newest `rows` grants of `periods` (oldest first in the result) on an axis from the first of them to `now`. */
export function grantTimeline(periods: readonly GrantPeriod[], now: number, rows = TIMELINE_ROWS): GrantTimeline {
  const shown = periods.slice(-rows);
  const first = shown[0];
  if (first === undefined) return { from: now, to: now, bars: [], hidden: 0 };
  const from = Math.min(first.grantedAt, now);
  // A grant made at the very moment `now` still gets a visible bar.
  const to = Math.max(now, from + 1);
  const span = to - from;
  const bars = shown.map((period): TimelineBar => {
    const { state, endedAt } = grantState(period, now);
    const start = Math.max(period.grantedAt, from);
    const end = Math.max(start, Math.min(endedAt ?? to, to));
    return { period, state, start, end, left: (start - from) / span, width: Math.max((end - start) / span, 0.004) };
  });
  return { from, to, bars, hidden: periods.length - shown.length };
}
