import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";

import { IndexedDbStore } from "../../../../../web/src/core/storage/indexed-db-store.js";

describe("IndexedDbStore", () => {
  it("put_objects_areReadBackByKeyAndDeleted", async () => {
    const store = await IndexedDbStore.open<{ name: string; tags: string[] }>("test-db", "things", "things", { factory: new IDBFactory() });
    await store.put("a", { name: "Ada", tags: ["x"] });
    await store.put("b", { name: "Bo", tags: [] });
    expect([await store.get("a"), await store.get("b"), await store.get("c")]).toEqual([{ name: "Ada", tags: ["x"] }, { name: "Bo", tags: [] }, undefined]);
    await store.delete("a");
    expect(await store.get("a")).toBeUndefined();
  });

  it("open_twoDatabasesOfOneFactory_keepTheirValuesApart", async () => {
    const factory = new IDBFactory();
    const [one, two] = await Promise.all([IndexedDbStore.open<number>("one", "values", "ones", { factory }), IndexedDbStore.open<number>("two", "values", "twos", { factory })]);
    await one.put("k", 1);
    await two.put("k", 2);
    expect([await one.get("k"), await two.get("k")]).toEqual([1, 2]);
  });
});
