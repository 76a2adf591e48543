import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { addRecord, type AddedRecord, type NewRecord } from "../../core/records/add-record.js";
import type { UploadCheckpoint } from "../../core/records/upload-checkpoint.js";
import { useServices, useSession } from "../session/session-context.js";
import { advanceAddProgress, failAddProgress, initialAddProgress, type AddProgressView } from "./add-progress.js";
import { patientRecordsKey } from "./use-patient-records.js";

export type AddRecordRun =
  | { stage: "idle" }
  | { stage: "running" }
  | { stage: "added"; added: AddedRecord; category: number }
  | { stage: "cancelled" }
  | { stage: "failed"; error: unknown };

/**
 * addRecord with its progress as state, cancellable until the record goes to the ledger, and
 * resumable: a retry of the same record uploads only the parts not stored yet (the checkpoint holds
 * no key and no PHI, and lives in memory only).
 */
export function useAddRecord({ onAdded }: { onAdded?(added: AddedRecord, record: NewRecord): void } = {}) {
  const services = useServices();
  const { config } = useSession();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<AddProgressView>(initialAddProgress);
  const [run, setRun] = useState<AddRecordRun>({ stage: "idle" });
  const controller = useRef<AbortController | undefined>(undefined);
  const lastAttempt = useRef<{ record: NewRecord; checkpoint?: UploadCheckpoint } | undefined>(undefined);
  const onAddedRef = useRef(onAdded);
  onAddedRef.current = onAdded;

  useEffect(() => () => controller.current?.abort(), []);

  const execute = useCallback(
    async (record: NewRecord, resumeFrom: UploadCheckpoint | undefined): Promise<AddedRecord | undefined> => {
      const abort = new AbortController();
      controller.current = abort;
      const attempt: { record: NewRecord; checkpoint?: UploadCheckpoint } = { record, ...(resumeFrom === undefined ? {} : { checkpoint: resumeFrom }) };
      lastAttempt.current = attempt;
      let view = initialAddProgress();
      setProgress(view);
      setRun({ stage: "running" });
      try {
        const added = await addRecord(services, record, {
          signal: abort.signal,
          ...(resumeFrom === undefined ? {} : { resumeFrom }),
          onCheckpoint: (checkpoint) => {
            attempt.checkpoint = checkpoint;
          },
          onProgress: (event) => {
            view = advanceAddProgress(view, event);
            setProgress(view);
          },
        });
        lastAttempt.current = undefined;
        setRun({ stage: "added", added, category: record.category });
        onAddedRef.current?.(added, record);
        await queryClient.invalidateQueries({ queryKey: patientRecordsKey(config.ledgerAddress, record.patient) });
        return added;
      } catch (error) {
        setProgress(failAddProgress(view, error));
        setRun(abort.signal.aborted ? { stage: "cancelled" } : { stage: "failed", error });
        return undefined;
      }
    },
    [services, queryClient, config.ledgerAddress],
  );

  const start = useCallback((record: NewRecord) => execute(record, undefined), [execute]);

  /** The last record again, reusing what its upload already stored. */
  const retry = useCallback(() => {
    const attempt = lastAttempt.current;
    return attempt === undefined ? Promise.resolve(undefined) : execute(attempt.record, attempt.checkpoint);
  }, [execute]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const reset = useCallback(() => {
    lastAttempt.current = undefined;
    setProgress(initialAddProgress());
    setRun({ stage: "idle" });
  }, []);

  /** Once the record transaction has started, the upload is complete and only the wallet can decline. */
  const cancellable = run.stage === "running" && progress.transaction === undefined;
  return { run, progress, start, retry, cancel, reset, cancellable };
}
