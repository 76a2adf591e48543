import { describe, expect, it } from "vitest";

import { LogRangeTooSmallError, type SpanPolicy } from "../../../../../web/src/core/log-sync/block-span.js";
import { logPages, type GetLogs, type LogPage } from "../../../../../web/src/core/log-sync/log-pages.js";

interface FakeLog {
  block: bigint;
  index: number;
}

const POLICY: SpanPolicy = { initial: 64n, max: 4_096n, resultCap: 50, sparseBelow: 10 };

/** A chain of `blocks` blocks where `logsIn(block)` logs sit in each block. */
function fakeChain(blocks: number, logsIn: (block: number) => number): FakeLog[] {
  const logs: FakeLog[] = [];
  for (let block = 0; block < blocks; block++) for (let index = 0; index < logsIn(block); index++) logs.push({ block: BigInt(block), index });
  return logs;
}

function between(logs: readonly FakeLog[], from: bigint, to: bigint): FakeLog[] {
  return logs.filter((log) => log.block >= from && log.block <= to);
}

async function collect<Log>(pages: AsyncIterable<LogPage<Log>>): Promise<LogPage<Log>[]> {
  const all: LogPage<Log>[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

function expectContiguous(pages: readonly LogPage<unknown>[], from: bigint, to: bigint): void {
  expect(pages[0]?.fromBlock).toBe(from);
  expect(pages.at(-1)?.toBlock).toBe(to);
  pages.slice(1).forEach((page, i) => expect(page.fromBlock).toBe((pages[i] as LogPage<unknown>).toBlock + 1n));
}

describe("logPages", () => {
  it("logPages_providerCappingTheBlockRange_returnsEveryLogOnceInOrder", async () => {
    const chain = fakeChain(3_000, (block) => block % 7);
    const asked: bigint[] = [];
    const capped: GetLogs<FakeLog> = async (from, to) => {
      asked.push(to - from + 1n);
      if (to - from + 1n > 20n) throw new Error("eth_getLogs block range is too large, max is 20");
      return between(chain, from, to);
    };
    const pages = await collect(logPages(capped, 0n, 2_999n, { policy: POLICY }));
    expect(pages.flatMap((page) => page.logs)).toEqual(chain);
    expectContiguous(pages, 0n, 2_999n);
    expect(pages.every((page) => page.toBlock - page.fromBlock + 1n <= 20n)).toBe(true);
    expect(asked.filter((span) => span > 20n).length).toBeLessThan(asked.length / 2);
  });

  it("logPages_providerTruncatingResultsAtTheCap_asksAgainSmallerAndMissesNothing", async () => {
    const chain = fakeChain(500, () => 9);
    const truncating: GetLogs<FakeLog> = async (from, to) => between(chain, from, to).slice(0, POLICY.resultCap);
    const pages = await collect(logPages(truncating, 0n, 499n, { policy: POLICY }));
    expect(pages.flatMap((page) => page.logs)).toEqual(chain);
    expect(pages.every((page) => page.logs.length < POLICY.resultCap)).toBe(true);
  });

  it("logPages_sparseHistory_growsTheSpanUpToTheMax", async () => {
    const chain = fakeChain(100_000, (block) => (block % 10_000 === 0 ? 1 : 0));
    const spans: bigint[] = [];
    const sparse: GetLogs<FakeLog> = async (from, to) => {
      spans.push(to - from + 1n);
      return between(chain, from, to);
    };
    const pages = await collect(logPages(sparse, 0n, 99_999n, { policy: POLICY }));
    expect(pages.flatMap((page) => page.logs)).toEqual(chain);
    expect(spans.slice(0, 4)).toEqual([64n, 128n, 256n, 512n]);
    expect(spans.reduce((a, b) => (a > b ? a : b))).toBe(POLICY.max);
  });

  it("logPages_refusalSayingHowMuchTooLarge_shrinksToFitInOneStep", async () => {
    const chain = fakeChain(2_000, () => 2);
    const spans: bigint[] = [];
    // A response limit of 40 logs; the refusal carries the size it would have had, as viem's does.
    const sizeLimited: GetLogs<FakeLog> = async (from, to) => {
      spans.push(to - from + 1n);
      const logs = between(chain, from, to);
      if (logs.length > 40) throw Object.assign(new Error("HTTP response body exceeded the size limit."), { size: logs.length, maxSize: 40 });
      return logs;
    };
    const pages = await collect(logPages(sizeLimited, 0n, 1_999n, { policy: POLICY }));
    expect(pages.flatMap((page) => page.logs)).toEqual(chain);
    // 64 blocks are 128 logs, 3.2 times the limit: the next request asks for 64 / 6.4 = 10 blocks.
    expect(spans.slice(0, 2)).toEqual([64n, 10n]);
  });

  it("logPages_pagesDenserThanDenseAbove_settleBetweenSparseBelowAndDenseAbove", async () => {
    // Denser further on: 3 logs a block, then 9.
    const chain = fakeChain(4_000, (block) => (block < 2_000 ? 3 : 9));
    const sizes: number[] = [];
    const pages = await collect(logPages(async (from, to) => between(chain, from, to), 0n, 3_999n, { policy: { ...POLICY, denseAbove: 30 } }));
    for (const page of pages) sizes.push(page.logs.length);
    expect(pages.flatMap((page) => page.logs)).toEqual(chain);
    // 64 blocks are 192 logs, over the cap of 50: asked again over 64 / (192 / 20) = 6 blocks. From
    // then on pages stay within 10..30 logs, but for one where the chain gets denser.
    expect(sizes[0]).toBe(18);
    expect(sizes.every((size) => size < 50)).toBe(true);
    expect(sizes.slice(0, -1).filter((size) => size < 10 || size > 30)).toHaveLength(1);
  });

  it("logPages_singleBlockStillRefused_throwsLogRangeTooSmallErrorNamingTheBlock", async () => {
    const refusing: GetLogs<FakeLog> = async (from) => {
      if (from === 5n) throw new Error("query returned more than 10000 results");
      return [];
    };
    const failure = collect(logPages(refusing, 5n, 10n, { policy: POLICY }));
    await expect(failure).rejects.toThrow(LogRangeTooSmallError);
    await expect(failure).rejects.toMatchObject({ blockNumber: 5n });
  });

  it("logPages_singleBlockAtTheCap_isTakenAsTheProviderGaveIt", async () => {
    const chain = fakeChain(3, (block) => (block === 1 ? 80 : 1));
    const pages = await collect(logPages(async (from, to) => between(chain, from, to), 0n, 2n, { policy: POLICY }));
    expect(pages.flatMap((page) => page.logs)).toEqual(chain);
  });

  it("logPages_otherProviderError_propagatesUnchanged", async () => {
    const down = new Error("fetch failed: ECONNREFUSED");
    await expect(collect(logPages(async () => Promise.reject(down), 0n, 10n, { policy: POLICY }))).rejects.toBe(down);
  });

  it("logPages_aborted_stopsBeforeTheNextRequest", async () => {
    const controller = new AbortController();
    let requests = 0;
    const pages = logPages(
      async () => {
        requests++;
        controller.abort();
        return [];
      },
      0n,
      10_000n,
      { policy: POLICY, signal: controller.signal },
    );
    await expect(collect(pages)).rejects.toThrow();
    expect(requests).toBe(1);
  });

  it("logPages_emptyRange_yieldsNothing", async () => {
    expect(await collect(logPages(async () => [], 10n, 9n, { policy: POLICY }))).toEqual([]);
  });
});
