import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";

import type { Hex } from "../../../../../web/src/core/bytes.js";
import { IndexedDbStore } from "../../../../../web/src/core/storage/indexed-db-store.js";
import { createProfileCache } from "../../../../../web/src/portal/directory/profile-cache.js";

const DIGEST: Hex = `0x${"ab".repeat(32)}`;
const PROFILE = { name: "Dr. Ada Osei", specialty: "Cardiology" };

describe("createProfileCache", () => {
  it("get_profileKeptInAnEarlierVisit_isReadFromIndexedDb", async () => {
    const factory = new IDBFactory();
    await createProfileCache(factory).put(DIGEST, PROFILE);
    expect(await createProfileCache(factory).get(DIGEST.toUpperCase().replace("0X", "0x") as Hex)).toEqual(PROFILE);
    expect(await createProfileCache(factory).get(`0x${"cd".repeat(32)}`)).toBeUndefined();
  });

  it("get_withoutIndexedDb_stillRemembersWithinTheTab", async () => {
    // Node has no IndexedDB of its own, as a browser that disabled it would.
    const cache = createProfileCache();
    expect(await cache.get(DIGEST)).toBeUndefined();
    await cache.put(DIGEST, PROFILE);
    expect(await cache.get(DIGEST)).toEqual(PROFILE);
  });

  it("get_keptValueThatIsNoProfile_isTreatedAsAbsent", async () => {
    const factory = new IDBFactory();
    const store = await IndexedDbStore.open<unknown>("ehr-ledger-profiles", "profiles", "provider profiles", { factory });
    await store.put(DIGEST.toLowerCase(), { name: 42 });
    expect(await createProfileCache(factory).get(DIGEST)).toBeUndefined();
  });
});
