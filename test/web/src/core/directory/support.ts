/** A hand-made directory entry for the pure functions' tests: an active doctor with a key and a profile digest. */
import type { DirectoryEntry } from "../../../../../web/src/core/directory/directory.js";

const ZERO = "0x0000000000000000000000000000000000000000" as const;

export function directoryEntry(account: `0x${string}`, extra: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    account,
    kind: 2,
    affiliation: ZERO,
    registeredBy: ZERO,
    active: true,
    profileDigest: `0x${"11".repeat(32)}`,
    hasEncryptionKey: true,
    registeredAtBlock: 1n,
    ...extra,
  };
}
