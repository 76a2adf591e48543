import type { DailyEvents } from "../../../../core/audit/charts.js";
import { ACTION_GROUPS, type ActionGroupName } from "../../../../core/access-log/filter.js";
import { formatDate } from "../../../ui/format.js";
import { niceCeiling } from "./chart-range.js";
import { ChartFrame } from "./ChartFrame.js";

const WIDTH = 720;
const HEIGHT = 220;
const AXIS = 36;
const GROUPS = Object.keys(ACTION_GROUPS) as ActionGroupName[];
export const GROUP_COLOURS: Record<ActionGroupName, string> = {
  access: "#0b6e6e",
  records: "#1a73e8",
  reads: "#9a5b00",
  registry: "#6b4fbb",
  keys: "#5b6675",
  admin: "#b3261e",
};

/** Entries per day as stacked bars, one colour per action group, with the numbers in a table below. */
export function EventsPerDayChart({ days }: { days: readonly DailyEvents[] }) {
  const top = niceCeiling(Math.max(0, ...days.map((day) => day.total)));
  const plotWidth = WIDTH - AXIS;
  const plotHeight = HEIGHT - 20;
  // A week's bars should not fill the chart like a quarter's: at most 40 units a day.
  const barWidth = Math.min(40, plotWidth / Math.max(1, days.length));
  const total = days.reduce((sum, day) => sum + day.total, 0);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${total.toLocaleString()} entries over ${days.length} days, at most ${Math.max(0, ...days.map((day) => day.total)).toLocaleString()} in a day`}>
        <ChartFrame width={WIDTH} height={HEIGHT} axis={AXIS} top={top} firstDay={days[0]?.start} lastDay={days.at(-1)?.start} />
        {days.map((day, index) => {
          let y = plotHeight;
          return (
            <g key={day.day}>
              <title>{`${formatDate(day.start)}: ${day.total.toLocaleString()} entries (${GROUPS.filter((group) => day.counts[group] > 0).map((group) => `${ACTION_GROUPS[group].label.toLowerCase()} ${day.counts[group]}`).join(", ") || "none"})`}</title>
              {GROUPS.map((group) => {
                const height = (day.counts[group] / top) * (plotHeight - 10);
                y -= height;
                return height === 0 ? null : <rect key={group} x={AXIS + index * barWidth + barWidth * 0.1} y={y} width={Math.max(1, barWidth * 0.8)} height={height} fill={GROUP_COLOURS[group]} />;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {GROUPS.map((group) => (
          <span key={group}>
            <span className="swatch" style={{ background: GROUP_COLOURS[group] }} /> {ACTION_GROUPS[group].label}
          </span>
        ))}
      </figcaption>
      <details>
        <summary>The numbers</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {GROUPS.map((group) => (
                  <th key={group} scope="col">
                    {ACTION_GROUPS[group].label}
                  </th>
                ))}
                <th scope="col">All</th>
              </tr>
            </thead>
            <tbody>
              {[...days].reverse().map((day) => (
                <tr key={day.day}>
                  <td>{formatDate(day.start)}</td>
                  {GROUPS.map((group) => (
                    <td key={group}>{day.counts[group].toLocaleString()}</td>
                  ))}
                  <td>{day.total.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
