/** What the integrity pages show of the verdicts: counts, a filter by verdict, and each verdict in words. */
import type { CheckableRecord } from "../../../../core/audit/integrity-records.js";
import { verdictKey, type RecordVerdict } from "./integrity-runs.js";

export const VERDICT_FILTERS = {
  all: "Every record",
  unchecked: "Not checked yet",
  verified: "Verified",
  mismatch: "Mismatch",
  missing: "Missing",
} as const;

export type VerdictFilter = keyof typeof VERDICT_FILTERS;

export function isVerdictFilter(value: string): value is VerdictFilter {
  return Object.hasOwn(VERDICT_FILTERS, value);
}

export interface IntegritySummary {
  total: number;
  unchecked: number;
  verified: number;
  mismatch: number;
  missing: number;
}

export function integritySummary(records: readonly CheckableRecord[], verdicts: ReadonlyMap<string, RecordVerdict>): IntegritySummary {
  const summary: IntegritySummary = { total: records.length, unchecked: 0, verified: 0, mismatch: 0, missing: 0 };
  for (const record of records) {
    const verdict = verdicts.get(verdictKey(record));
    if (verdict === undefined) summary.unchecked++;
    else summary[verdict.status]++;
  }
  return summary;
}

export function recordsWithVerdict(records: readonly CheckableRecord[], verdicts: ReadonlyMap<string, RecordVerdict>, filter: VerdictFilter): CheckableRecord[] {
  if (filter === "all") return [...records];
  return records.filter((record) => {
    const verdict = verdicts.get(verdictKey(record));
    return filter === "unchecked" ? verdict === undefined : verdict?.status === filter;
  });
}

export interface VerdictText {
  label: string;
  /** The status-* class of styles.css. */
  tone: "status-active" | "status-warn" | "status-bad" | "muted";
  /** What was compared, or what differed. */
  detail?: string;
}

const bytes = (count: number) => (count < 1024 ? `${count} bytes` : count < 1_048_576 ? `${(count / 1024).toFixed(1)} KiB` : `${(count / 1_048_576).toFixed(1)} MiB`);

export function verdictText(verdict: RecordVerdict | undefined): VerdictText {
  if (verdict === undefined) return { label: "Not checked", tone: "muted" };
  if (verdict.status === "verified") {
    const { files, parts } = verdict.checked;
    return {
      label: "Verified",
      tone: "status-active",
      detail:
        verdict.depth === "manifest"
          ? "The manifest matches the digest on chain (its parts were not fetched)."
          : `The manifest and all ${parts} encrypted ${parts === 1 ? "part" : "parts"} of ${files} ${files === 1 ? "file" : "files"} (${bytes(verdict.checked.bytes)}) match.`,
    };
  }
  return { label: verdict.status === "missing" ? "Missing" : "Mismatch", tone: "status-bad", detail: verdict.problem };
}
