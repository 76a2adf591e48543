import { useId, useMemo, useState } from "react";

import type { AddedRecord } from "../../core/records/add-record.js";
import { attachmentFromBlob, type AttachmentSource } from "../../core/records/attachment-source.js";
import type { Address } from "../../core/ledger-context.js";
import { ErrorNotice } from "../ui/Notices.js";
import { AddProgressSteps } from "./AddProgressSteps.js";
import { FieldInput, FilePicker } from "./ComposerFields.js";
import { attachmentsError, composeRecord, composerFields, emptyValues, kindAcceptsFiles, RECORD_KIND_LABELS, type FormValues, type RecordKind } from "./composer-form.js";
import { categoryLabel } from "./record-labels.js";
import { useAddRecord } from "./use-add-record.js";

export interface RecordComposerProps {
  patient: Address;
  /** The kinds of record this user may add, in the order offered. */
  kinds: readonly RecordKind[];
  /** Amend this record: the new version supersedes it (only its author may). */
  supersedes?: bigint;
  initialKind?: RecordKind;
  initialValues?: FormValues;
  /** Categories a note may be filed under (what this user may add to; an amendment's own); all when absent. */
  allowedCategories?: readonly number[];
  /** Files the new version keeps from the version it amends, added before any newly chosen ones. */
  carriedAttachments?: readonly AttachmentSource[];
  /** The submit button's text; "Add record" unless amending. */
  submitLabel?: string;
  onAdded?(added: AddedRecord & { category: number }): void;
  /** After a record was added, the user asked for a fresh form. */
  onStartOver?(): void;
}

/**
 * A form for one record of a chosen kind: the core's builders check it before anything is signed,
 * then addRecord encrypts, uploads and records it with every step shown.
 */
export function RecordComposer({ patient, kinds, supersedes, initialKind, initialValues, allowedCategories, carriedAttachments = [], submitLabel, onAdded, onStartOver }: RecordComposerProps) {
  const firstKind = initialKind ?? kinds[0] ?? "clinical-note";
  const [kind, setKind] = useState<RecordKind>(firstKind);
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...emptyValues(firstKind, allowedCategories), ...initialValues }));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [files, setFiles] = useState<File[]>([]);
  const { run, progress, start, retry, cancel, reset, cancellable } = useAddRecord({
    onAdded: (added, record) => onAdded?.({ ...added, category: record.category }),
  });
  const formId = useId();

  const fields = useMemo(() => composerFields(kind, allowedCategories), [kind, allowedCategories]);
  const composed = useMemo(() => composeRecord(kind, values), [kind, values]);
  const filesProblem = attachmentsError(kind, files, carriedAttachments.length);
  const running = run.stage === "running";
  const label = submitLabel ?? (supersedes === undefined ? "Add record" : "Add amended version");

  const chooseKind = (next: RecordKind) => {
    setKind(next);
    setValues(emptyValues(next, allowedCategories));
    setTouched(new Set());
    if (!kindAcceptsFiles(next)) setFiles([]);
  };

  const submit = async () => {
    if (!composed.ok || filesProblem !== undefined) return;
    await start({
      patient,
      category: composed.category,
      resource: composed.resource,
      attachments: [...carriedAttachments, ...files.map((file) => attachmentFromBlob(file, file.name))],
      ...(supersedes === undefined ? {} : { supersedes }),
    });
  };

  const startOver = () => {
    reset();
    setValues(emptyValues(kind, allowedCategories));
    setTouched(new Set());
    setFiles([]);
    onStartOver?.();
  };

  if (run.stage === "added") {
    return (
      <section className="panel" aria-labelledby={`${formId}-done`}>
        <h2 id={`${formId}-done`}>Record #{run.added.recordId.toString()} added</h2>
        <p className="notice notice-ok">
          It is encrypted, stored and recorded on the ledger under {categoryLabel(run.category).toLowerCase()}.
        </p>
        <AddProgressSteps view={progress} />
        <button type="button" className="secondary" onClick={startOver}>
          Add another record
        </button>
      </section>
    );
  }

  const fieldError = (field: string) => (!composed.ok && composed.field === field && touched.has(field) ? composed.message : undefined);
  // What still stops the button, unless it is already shown next to its field.
  const shownByField = !composed.ok && touched.has(composed.field) && fields.some((field) => field.name === composed.field);
  const pendingProblem = composed.ok || shownByField ? undefined : composed.message;

  return (
    <form
      className="panel composer"
      aria-labelledby={`${formId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${formId}-title`}>{supersedes === undefined ? "New record" : `Amend record #${supersedes.toString()}`}</h2>
      <fieldset disabled={running}>
        {kinds.length > 1 ? (
          <label>
            Kind of record
            <select value={kind} onChange={(event) => chooseKind(event.target.value as RecordKind)}>
              {kinds.map((option) => (
                <option key={option} value={option}>
                  {RECORD_KIND_LABELS[option]}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p>
            <strong>{RECORD_KIND_LABELS[kind]}</strong>
          </p>
        )}
        <div className="form-row">
          {fields.map((field) => (
            <FieldInput
              key={`${kind}-${field.name}`}
              id={`${formId}-field-${field.name}`}
              field={field}
              value={values[field.name] ?? ""}
              error={fieldError(field.name)}
              onChange={(value) => setValues((previous) => ({ ...previous, [field.name]: value }))}
              onBlur={() => setTouched((previous) => new Set(previous).add(field.name))}
            />
          ))}
        </div>
        {carriedAttachments.length === 0 ? null : (
          <div>
            <p>Files kept from the version it amends:</p>
            <ul aria-label="Files kept">
              {carriedAttachments.map((attachment, index) => (
                <li key={`${index}-${attachment.title}`}>{attachment.title}</li>
              ))}
            </ul>
          </div>
        )}
        {kindAcceptsFiles(kind) ? <FilePicker id={`${formId}-files`} files={files} onChange={setFiles} error={filesProblem} /> : null}
      </fieldset>
      <div className="form-row">
        <button type="submit" disabled={running || !composed.ok || filesProblem !== undefined} aria-describedby={`${formId}-pending`}>
          {running ? "Adding…" : label}
        </button>
        {running ? (
          <button type="button" className="secondary" onClick={cancel} disabled={!cancellable}>
            Cancel
          </button>
        ) : null}
      </div>
      <p id={`${formId}-pending`} className="muted">
        {pendingProblem === undefined || running ? "" : `Before adding: ${pendingProblem}`}
      </p>
      {run.stage === "idle" ? null : <AddProgressSteps view={progress} />}
      {run.stage === "cancelled" ? (
        <p className="notice" role="status">
          Cancelled. Nothing was recorded on the ledger; you can change the record and add it again.
        </p>
      ) : null}
      {run.stage === "failed" ? (
        <>
          <ErrorNotice error={run.error} />
          <button type="button" className="secondary" onClick={() => void retry()}>
            Try again
          </button>
        </>
      ) : null}
    </form>
  );
}
