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

export function pageOf<T>(items: readonly T[], requestedIndex: number, size: number = ACCESS_LOG_PAGE_SIZE): Page<T> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A page holds at least one row, not ${size}.`);
  const count = Math.max(1, Math.ceil(items.length / size));
  const index = Math.min(Math.max(0, Math.trunc(requestedIndex)), count - 1);
  const rows = items.slice(index * size, (index + 1) * size);
  return { rows, index, count, first: rows.length === 0 ? 0 : index * size + 1, last: index * size + rows.length, total: items.length };
}
