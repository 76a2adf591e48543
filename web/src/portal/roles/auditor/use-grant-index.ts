/**
 * The grant periods of the synced log, built once per change of the log (about 60 ms at 100,000
 * entries) and shared by every auditor page that asks.
 */
import { useMemo } from "react";

import { GrantIndex } from "../../../core/audit/grant-periods.js";
import type { LedgerLog } from "../../../core/log-sync/ledger-log.js";

let built: { log: LedgerLog; version: number; index: GrantIndex } | undefined;

export function grantIndexOf(log: LedgerLog, version: number): GrantIndex {
  if (built?.log !== log || built.version !== version) built = { log, version, index: GrantIndex.of(log.entries) };
  return built.index;
}

export function useGrantIndex(log: LedgerLog | undefined, version: number): GrantIndex | undefined {
  return useMemo(() => (log === undefined ? undefined : grantIndexOf(log, version)), [log, version]);
}
