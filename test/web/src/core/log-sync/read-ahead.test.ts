import { describe, expect, it } from "vitest";

import { readAhead } from "../../../../../web/src/core/log-sync/read-ahead.js";

/** A source of `count` numbers that records when each is asked for and whether it was closed. */
function source(count: number, failAt?: number) {
  const journal: string[] = [];
  async function* numbers(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < count; i++) {
        journal.push(`asked ${i}`);
        await Promise.resolve();
        if (i === failAt) throw new Error(`item ${i} failed`);
        yield i;
      }
    } finally {
      journal.push("closed");
    }
  }
  return { journal, numbers: numbers() };
}

describe("readAhead", () => {
  it("readAhead_wholeSource_yieldsEveryItemInOrder", async () => {
    const { numbers } = source(4);
    const seen: number[] = [];
    for await (const item of readAhead(numbers)) seen.push(item);
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it("readAhead_whileTheConsumerWorksOnAnItem_theNextIsAlreadyAsked", async () => {
    const { journal, numbers } = source(3);
    for await (const item of readAhead(numbers)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      journal.push(`used ${item}`);
    }
    expect(journal.indexOf("asked 1")).toBeLessThan(journal.indexOf("used 0"));
    expect(journal.indexOf("asked 2")).toBeLessThan(journal.indexOf("used 1"));
  });

  it("readAhead_sourceFailing_throwsAfterTheItemsBefore", async () => {
    const { numbers } = source(5, 2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(numbers)) seen.push(item);
      })(),
    ).rejects.toThrow("item 2 failed");
    expect(seen).toEqual([0, 1]);
  });

  it("readAhead_consumerStopping_closesTheSourceWithoutAnUnhandledFailure", async () => {
    const { journal, numbers } = source(5, 1);
    for await (const item of readAhead(numbers)) {
      expect(item).toBe(0);
      break;
    }
    expect(journal.at(-1)).toBe("closed");
  });
});
