import type { ChangeEvent } from "react";

import { formatFileSize } from "./attachment-files.js";
import type { ComposerField } from "./composer-form.js";

/** One input of the composer with its label, hint and the builder's error next to it. */
export function FieldInput({
  id,
  field,
  value,
  error,
  onChange,
  onBlur,
}: {
  id: string;
  field: ComposerField;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  onBlur(): void;
}) {
  const hintId = field.hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((part) => part !== undefined).join(" ") || undefined;
  const common = {
    id,
    value,
    required: field.required,
    onBlur,
    "aria-invalid": error !== undefined,
    "aria-describedby": describedBy,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(event.target.value),
  };
  return (
    <div className={field.input === "textarea" ? "field field-wide" : "field"}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? "" : " (optional)"}
      </label>
      {field.input === "textarea" ? (
        <textarea {...common} />
      ) : field.input === "select" ? (
        <select {...common}>
          {field.required ? null : <option value="">Not stated</option>}
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={field.input === "date" ? "date" : "text"} />
      )}
      {hintId === undefined ? null : (
        <small id={hintId} className="muted">
          {field.hint}
        </small>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** Files to attach; each becomes an encrypted attachment of the record. */
export function FilePicker({ id, files, onChange, error }: { id: string; files: readonly File[]; onChange(files: File[]): void; error: string | undefined }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>Files (optional)</label>
      <input
        id={id}
        type="file"
        multiple
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => {
          onChange([...files, ...Array.from(event.target.files ?? [])]);
          // The same file can be chosen again after removing it.
          event.target.value = "";
        }}
      />
      {files.length === 0 ? null : (
        <ul aria-label="Chosen files">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {file.name} <span className="muted">({formatFileSize(file.size)})</span>{" "}
              <button type="button" className="secondary" onClick={() => onChange(files.filter((_, i) => i !== index))}>
                Remove {file.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

function FieldError({ id, error }: { id: string | undefined; error: string | undefined }) {
  if (id === undefined || error === undefined) return null;
  return (
    <p id={id} className="field-error">
      {error}
    </p>
  );
}
