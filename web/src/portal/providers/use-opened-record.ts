import { useEffect, useRef, useState } from "react";

import { openRecord, type OpenedRecord } from "../../core/records/open-record.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import { useServices } from "../session/session-context.js";

export type OpenedRecordState =
  | { stage: "opening" }
  | { stage: "open"; opened: OpenedRecord }
  | { stage: "failed"; error: unknown };

/**
 * `record` decrypted for editing (an amendment, marking a prescription given), after `beforeOpen`
 * (the read receipt). It stays open, attachments included, until the component unmounts: a new
 * version streams its files from it.
 */
export function useOpenedRecord(record: Pick<RecordSummary, "patient" | "recordId">, beforeOpen: () => Promise<void>, attempt: number): OpenedRecordState {
  const services = useServices();
  const [state, setState] = useState<OpenedRecordState>({ stage: "opening" });
  // One receipt per attempt, even when StrictMode runs the effect twice.
  const receipt = useRef<{ key: string; done: Promise<void> } | undefined>(undefined);
  const beforeOpenRef = useRef(beforeOpen);
  beforeOpenRef.current = beforeOpen;
  const { patient, recordId } = record;

  useEffect(() => {
    const controller = new AbortController();
    let opened: OpenedRecord | undefined;
    const key = `${patient}#${recordId}#${attempt}`;
    setState({ stage: "opening" });
    (async () => {
      if (receipt.current?.key !== key) receipt.current = { key, done: beforeOpenRef.current() };
      await receipt.current.done;
      if (controller.signal.aborted) return;
      opened = await openRecord(services, patient, recordId, { signal: controller.signal });
      if (controller.signal.aborted) opened.close();
      else setState({ stage: "open", opened });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) setState({ stage: "failed", error });
    });
    return () => {
      controller.abort();
      opened?.close();
    };
  }, [services, patient, recordId, attempt]);

  return state;
}
