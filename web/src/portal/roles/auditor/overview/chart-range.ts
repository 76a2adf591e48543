/** Which days the overview's charts cover: the last week, month or quarter of the chain's activity, or all of it. */
export const CHART_RANGES = {
  week: { label: "Last 7 days", days: 7 },
  month: { label: "Last 30 days", days: 30 },
  quarter: { label: "Last 90 days", days: 90 },
  all: { label: "Everything", days: undefined },
} as const;

export type ChartRangeName = keyof typeof CHART_RANGES;

export function isChartRangeName(value: string): value is ChartRangeName {
  return Object.hasOwn(CHART_RANGES, value);
}

/**
 * Unix seconds from the local midnight `days - 1` days before `newest`'s day, to `newest`; from the
 * first entry for "all". Undefined for an empty log.
 */
export function chartRange(name: ChartRangeName, first: number | undefined, newest: number | undefined): { from: number; to: number } | undefined {
  if (first === undefined || newest === undefined) return undefined;
  const { days } = CHART_RANGES[name];
  if (days === undefined) return { from: first, to: newest };
  const start = new Date(newest * 1000);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (days - 1));
  return { from: Math.max(first, Math.floor(start.getTime() / 1000)), to: newest };
}

/** Rounded up to 1, 2 or 5 times a power of ten, so an axis ends on a round number. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) as number;
  return step * power;
}
