/** Benchmark results as rows of { metric, value, unit, target }, rendered as a Markdown table or as JSON. */

export type Target = { atLeast: number } | { atMost: number };

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  target?: Target;
}

/** One JSON row: `target` is the condition as text ("≥ 0.8"), or null for context rows. */
export interface MetricJson {
  metric: string;
  value: number;
  unit: string;
  target: string | null;
}

export function targetText(target: Target | undefined): string | null {
  if (target === undefined) return null;
  return "atLeast" in target ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
}

/** Whether the row meets its target; undefined for rows without one. */
export function meetsTarget({ value, target }: Metric): boolean | undefined {
  if (target === undefined) return undefined;
  return "atLeast" in target ? value >= target.atLeast : value <= target.atMost;
}

export function renderMarkdown(metrics: readonly Metric[]): string {
  const lines = ["| metric | value | unit | target | met |", "|---|---:|---|---|---|"];
  for (const metric of metrics) {
    const met = meetsTarget(metric);
    const value = metric.value.toLocaleString("en-US", { maximumFractionDigits: 3 });
    lines.push(`| ${metric.metric} | ${value} | ${metric.unit} | ${targetText(metric.target) ?? ""} | ${met === undefined ? "" : met ? "✅" : "❌"} |`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderJson(metrics: readonly Metric[]): string {
  const rows: MetricJson[] = metrics.map(({ metric, value, unit, target }) => ({ metric, value, unit, target: targetText(target) }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
