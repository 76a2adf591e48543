import { describe, expect, it } from "vitest";

import { pageFrom, pageOf } from "../../../../../../web/src/portal/roles/auditor/paging.js";

const items = Array.from({ length: 120 }, (_, index) => index);

describe("pageOf", () => {
  it("pageOf_firstPage_holdsTheFirstRows", () => {
    const page = pageOf(items, 0, 50);
    expect(page.rows).toEqual(items.slice(0, 50));
    expect(page).toMatchObject({ index: 0, count: 3, first: 1, last: 50, total: 120 });
  });

  it("pageOf_lastPage_holdsTheRemainder", () => {
    const page = pageOf(items, 2, 50);
    expect(page.rows).toEqual(items.slice(100));
    expect(page).toMatchObject({ index: 2, first: 101, last: 120 });
  });

  it("pageOf_indexPastTheEnd_isClampedToTheLastPage", () => {
    expect(pageOf(items, 9, 50).index).toBe(2);
  });

  it("pageOf_negativeIndex_isClampedToTheFirstPage", () => {
    expect(pageOf(items, -3, 50).index).toBe(0);
  });

  it("pageOf_noItems_isOneEmptyPage", () => {
    expect(pageOf([], 0, 50)).toEqual({ rows: [], index: 0, count: 1, first: 0, last: 0, total: 0 });
  });

  it("pageOf_exactMultiple_hasNoEmptyTrailingPage", () => {
    expect(pageOf(items.slice(0, 100), 5, 50)).toMatchObject({ index: 1, count: 2, last: 100 });
  });

  it("pageOf_defaultSize_isFifty", () => {
    expect(pageOf(items, 0).rows).toHaveLength(50);
  });

  it("pageOf_zeroSize_throws", () => {
    expect(() => pageOf(items, 0, 0)).toThrow(RangeError);
  });
});

describe("pageFrom", () => {
  it("pageFrom_source_asksForTheRequestedWindowOnly", () => {
    const asked: [number, number][] = [];
    const page = pageFrom((offset, limit) => {
      asked.push([offset, limit]);
      return { rows: items.slice(offset, offset + limit), total: items.length };
    }, 1, 50);
    expect(asked).toEqual([[50, 50]]);
    expect(page).toMatchObject({ rows: items.slice(50, 100), index: 1, count: 3, first: 51, last: 100, total: 120 });
  });

  it("pageFrom_indexPastASourceThatShrank_asksAgainForTheLastPage", () => {
    const asked: number[] = [];
    const page = pageFrom((offset, limit) => {
      asked.push(offset);
      return { rows: items.slice(0, 30).slice(offset, offset + limit), total: 30 };
    }, 4, 10);
    expect(asked).toEqual([40, 20]);
    expect(page).toMatchObject({ rows: items.slice(20, 30), index: 2, count: 3, first: 21, last: 30 });
  });
});
