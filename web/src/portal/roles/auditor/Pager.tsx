import type { Page } from "./paging.js";

/** Previous and next for a paged table, with where the reader is; nothing when everything fits on one page. */
export function Pager({ page, label, onPage }: { page: Page<unknown>; label: string; onPage: (index: number) => void }) {
  if (page.count <= 1) return null;
  return (
    <nav aria-label={label} className="form-row">
      <button type="button" className="secondary" onClick={() => onPage(page.index - 1)} disabled={page.index === 0}>
        Previous page
      </button>
      <span>
        Page {(page.index + 1).toLocaleString()} of {page.count.toLocaleString()}
      </span>
      <button type="button" className="secondary" onClick={() => onPage(page.index + 1)} disabled={page.index === page.count - 1}>
        Next page
      </button>
    </nav>
  );
}
