import { createContext, useContext, useSyncExternalStore } from "react";

import type { IntegrityRuns, IntegrityRunsSnapshot } from "./integrity-runs.js";

/** The auditor area's one IntegrityRuns, so verdicts found on one page show on the others. */
export const IntegrityContext = createContext<IntegrityRuns | null>(null);

export function useIntegrityRuns(): { runs: IntegrityRuns; snapshot: IntegrityRunsSnapshot } {
  const runs = useContext(IntegrityContext);
  if (runs === null) throw new Error("useIntegrityRuns outside the auditor area");
  const snapshot = useSyncExternalStore(runs.subscribe, runs.getSnapshot);
  return { runs, snapshot };
}
