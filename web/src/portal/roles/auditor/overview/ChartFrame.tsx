import { formatDate } from "../../../ui/format.js";

/** The frame both day charts share: the y axis's top and zero, the baseline, and the first and last day under it. */
export function ChartFrame({ width, height, axis, top, firstDay, lastDay }: { width: number; height: number; axis: number; top: number; firstDay?: number; lastDay?: number }) {
  const baseline = height - 20;
  return (
    <>
      <text x={axis - 4} y={10} textAnchor="end" className="chart-label">
        {top.toLocaleString()}
      </text>
      <text x={axis - 4} y={baseline} textAnchor="end" className="chart-label">
        0
      </text>
      <line x1={axis} y1={baseline} x2={width} y2={baseline} stroke="var(--line)" />
      <text x={axis} y={height - 4} className="chart-label">
        {firstDay === undefined ? "" : formatDate(firstDay)}
      </text>
      <text x={width} y={height - 4} textAnchor="end" className="chart-label">
        {lastDay === undefined ? "" : formatDate(lastDay)}
      </text>
    </>
  );
}
