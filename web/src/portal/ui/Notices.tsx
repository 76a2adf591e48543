import type { ReactNode } from "react";

import { errorSentence } from "./error-sentence.js";

export function Loading({ what }: { what: string }) {
  return (
    <p className="notice notice-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice notice-empty">
      <p className="notice-title">{title}</p>
      {children}
    </div>
  );
}

/** An error with a way forward: what happened, and a retry when there is one. */
export function ErrorNotice({ error, retry, what }: { error: unknown; retry?: () => void; what?: string }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {what === undefined ? "" : `Could not load ${what}: `}
        {errorSentence(error)}
      </p>
      {retry === undefined ? null : (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="progress">
      <label>
        {label} <span className="progress-figure">{percent}%</span>
        <progress value={value} max={max > 0 ? max : 1} aria-label={label} />
      </label>
    </div>
  );
}
