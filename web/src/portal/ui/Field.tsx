import type { ReactNode } from "react";

/** A label above its control, with the control's error right below it (the control points at it with aria-describedby). */
export function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error === undefined ? null : (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The accessibility attributes of a control whose error, if any, sits in `${id}-error`. */
export function fieldProps(id: string, error: string | undefined) {
  return { id, "aria-invalid": error !== undefined, "aria-describedby": error === undefined ? undefined : `${id}-error` };
}
