import { createContext } from "react";

import type { ParticipantEntry } from "../../core/directory/directory.js";

/**
 * Where the directory takes its participants from. Absent: read from the chain. The auditor's area,
 * which holds the whole synced log anyway, gives them from the log (undefined until the log is read),
 * which spares five full-range scans of the chain on every visit.
 */
export interface DirectorySource {
  participants: readonly ParticipantEntry[] | undefined;
  /** Changes when the participants do (directorySignature). */
  version: string;
}

/**
 * What the directory depends on of each participant, hashed (FNV-1a) into a short key that changes
 * when any of it does: it sits in a query key, which is hashed again on every render.
 */
export function directorySignature(participants: readonly ParticipantEntry[]): string {
  let hash = 0x811c9dc5;
  for (const entry of participants) {
    const text = `${entry.account}:${entry.kind}:${entry.affiliation}:${entry.active ? 1 : 0}:${entry.hasEncryptionKey ? 1 : 0}:${entry.profileDigest};`;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return `${participants.length}:${hash.toString(16)}`;
}

export const DirectorySourceContext = createContext<DirectorySource | undefined>(undefined);
