import type { DailyActiveGrants } from "../../../../core/audit/charts.js";
import { formatDate } from "../../../ui/format.js";
import { niceCeiling } from "./chart-range.js";
import { ChartFrame } from "./ChartFrame.js";

const WIDTH = 720;
const HEIGHT = 180;
const AXIS = 36;

/** Grants in force at the end of each day, as a line over the range. */
export function ActiveGrantsChart({ days }: { days: readonly DailyActiveGrants[] }) {
  const most = Math.max(0, ...days.map((day) => day.active));
  const top = niceCeiling(most);
  const plotHeight = HEIGHT - 20;
  const step = (WIDTH - AXIS) / Math.max(1, days.length - 1);
  const point = (day: DailyActiveGrants, index: number) => `${AXIS + index * step},${plotHeight - (day.active / top) * (plotHeight - 10)}`;
  const last = days.at(-1);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Grants in force: ${last?.active.toLocaleString() ?? 0} at the end of the range, at most ${most.toLocaleString()}`}>
        <ChartFrame width={WIDTH} height={HEIGHT} axis={AXIS} top={top} firstDay={days[0]?.start} lastDay={last?.start} />
        <polyline points={days.map(point).join(" ")} fill="none" stroke="var(--brand)" strokeWidth={2} />
        {days.map((day, index) => (
          <circle key={day.day} cx={AXIS + index * step} cy={plotHeight - (day.active / top) * (plotHeight - 10)} r={days.length > 60 ? 1.5 : 3} fill="var(--brand)">
            <title>{`${formatDate(day.start)}: ${day.active.toLocaleString()} grants in force`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
