/** One page of a long list, with the numbers a pager shows. */

export const ACCESS_LOG_PAGE_SIZE = 50;

export interface Page<T> {
  rows: T[];
  /** 0-based, clamped to the pages that exist. */
  index: number;
  count: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  first: number;
  last: number;
  total: number;
}

/** A source that answers one window of rows and how many there are in all (a log query). */
export type PagedSource<T> = (offset: number, limit: number) => { rows: T[]; total: number };

/** Page `requestedIndex` of `source`, clamped to the pages that exist (a filter may have shortened the list under the pager). */
export function pageFrom<T>(source: PagedSource<T>, requestedIndex: number, size: number = ACCESS_LOG_PAGE_SIZE): Page<T> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A page holds at least one row, not ${size}.`);
  let index = Math.max(0, Math.trunc(requestedIndex));
  let { rows, total } = source(index * size, size);
  const count = Math.max(1, Math.ceil(total / size));
  if (index > count - 1) {
    index = count - 1;
    ({ rows, total } = source(index * size, size));
  }
  return { rows, index, count, first: rows.length === 0 ? 0 : index * size + 1, last: index * size + rows.length, total };
}

export function pageOf<T>(items: readonly T[], requestedIndex: number, size: number = ACCESS_LOG_PAGE_SIZE): Page<T> {
  return pageFrom((offset, limit) => ({ rows: items.slice(offset, offset + limit), total: items.length }), requestedIndex, size);
}
