/**
 * Verified provider profiles kept by their digest, in memory for the tab and in IndexedDB between
 * visits. A digest names exactly one profile, so nothing kept ever goes stale; a reload then needs no
 * IPFS request for providers seen before. Profiles are public by design, so keeping them is harmless.
 */
import type { Hex } from "../../core/bytes.js";
import type { ProfileCache } from "../../core/directory/directory.js";
import { validateProviderProfile, type ProviderProfile } from "../../core/directory/profile.js";
import { IndexedDbStore } from "../../core/storage/indexed-db-store.js";

const DATABASE = "ehr-ledger-profiles";
const STORE = "profiles";

export function createProfileCache(factory?: IDBFactory): ProfileCache {
  const memory = new Map<string, ProviderProfile>();
  // Without IndexedDB the memory map still spares this tab the repeated fetches.
  const stored = IndexedDbStore.open<unknown>(DATABASE, STORE, "provider profiles", factory === undefined ? {} : { factory }).catch(() => undefined);
  return {
    async get(digest: Hex) {
      const key = digest.toLowerCase();
      const known = memory.get(key);
      if (known !== undefined) return known;
      const kept = await (await stored)?.get(key).catch(() => undefined);
      if (kept === undefined) return undefined;
      try {
        const profile = validateProviderProfile(kept);
        memory.set(key, profile);
        return profile;
      } catch {
        // A copy this portal version cannot read is as good as none: it is fetched again.
        return undefined;
      }
    },
    async put(digest: Hex, profile: ProviderProfile) {
      const key = digest.toLowerCase();
      memory.set(key, profile);
      await (await stored)?.put(key, profile).catch(() => undefined);
    },
  };
}

/** The tab's one profile cache. */
export const profileCache = createProfileCache();
