/** The command line of `npm run bench:audit`. */

export interface AuditBenchOptions {
  json: boolean;
  events: number;
  patients: number;
  providers: number;
  seed: string;
  /** Keep the generated chain in this folder (and reopen it next time). */
  keepDir?: string;
  /** After measuring, leave anvil running with the history until Ctrl-C. */
  serve: boolean;
  /** Measure the auditor's console in Chromium too (--no-browser skips it). */
  browser: boolean;
}

export const AUDIT_BENCH_DEFAULTS: AuditBenchOptions = { json: false, events: 100_000, patients: 1_000, providers: 200, seed: "ehr-ledger", serve: false, browser: true };

const WHOLE_FLAGS = { "--events": "events", "--patients": "patients", "--providers": "providers" } as const;

export function parseAuditBenchArgs(args: readonly string[]): AuditBenchOptions {
  const options: AuditBenchOptions = { ...AUDIT_BENCH_DEFAULTS };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    if (flag === "--json" || flag === "--serve") {
      options[flag === "--json" ? "json" : "serve"] = true;
      continue;
    }
    if (flag === "--no-browser") {
      options.browser = false;
      continue;
    }
    const value = args[++i];
    if (flag in WHOLE_FLAGS && value !== undefined && /^[1-9]\d*$/.test(value.replaceAll("_", "").replaceAll(",", ""))) {
      options[WHOLE_FLAGS[flag as keyof typeof WHOLE_FLAGS]] = Number(value.replaceAll("_", "").replaceAll(",", ""));
    } else if (flag === "--seed" && value !== undefined && value !== "") options.seed = value;
    else if (flag === "--keep" && value !== undefined && value !== "") options.keepDir = value;
    else throw new Error(`unknown flag or bad value: ${flag} ${value ?? ""}`.trim());
  }
  return options;
}
