import { createContext } from "react";

import type { ParticipantEntry } from "../../core/directory/directory.js";

/**
 * Where the directory takes its participants from. Absent: read from the chain. The auditor's area,
 * which holds the whole synced log anyway, gives them from the log (undefined until the log is read),
 * which spares five full-range scans of the chain on every visit.
 */
export interface DirectorySource {
  participants: readonly ParticipantEntry[] | undefined;
  /** Changes when the participants do. */
  version: number;
}

export const DirectorySourceContext = createContext<DirectorySource | undefined>(undefined);
