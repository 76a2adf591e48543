import type { DirectoryEntry } from "./directory.js";

/** Lower-cased address → the name people know a provider by, with its facility when it has one. */
export function directoryNames(entries: readonly DirectoryEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    const name = entry.profile?.name;
    if (name === undefined) continue;
    const facility = entry.facility ?? entry.profile?.facility;
    names.set(entry.account.toLowerCase(), facility === undefined || facility === name ? name : `${name} (${facility})`);
  }
  return names;
}
