import { describe, expect, it } from "vitest";

import { ReadWriteLock } from "../../../../scripts/ipfs-node/repo/lock.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("ReadWriteLock", () => {
  it("lets shared holders run together and makes the exclusive one wait for them", async () => {
    const lock = new ReadWriteLock();
    const events: string[] = [];
    const firstAdd = deferred();
    const adds = [
      lock.shared(async () => {
        events.push("add 1 start");
        await firstAdd.promise;
        events.push("add 1 end");
      }),
      lock.shared(async () => {
        events.push("add 2");
      }),
    ];
    const gc = lock.exclusive(async () => {
      events.push("gc");
    });
    await adds[1];
    expect(events).toEqual(["add 1 start", "add 2"]);
    firstAdd.resolve();
    await Promise.all([...adds, gc]);
    expect(events).toEqual(["add 1 start", "add 2", "add 1 end", "gc"]);
  });

  it("holds back shared requests that arrive after a waiting exclusive one", async () => {
    const lock = new ReadWriteLock();
    const events: string[] = [];
    const running = deferred();
    const first = lock.shared(async () => {
      await running.promise;
      events.push("first add");
    });
    const gc = lock.exclusive(async () => {
      events.push("gc");
    });
    const later = lock.shared(async () => {
      events.push("later add");
    });
    running.resolve();
    await Promise.all([first, gc, later]);
    expect(events).toEqual(["first add", "gc", "later add"]);
  });

  it("releases the lock when the work throws", async () => {
    const lock = new ReadWriteLock();
    await expect(lock.exclusive(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(lock.shared(async () => "ran")).resolves.toBe("ran");
  });
});
