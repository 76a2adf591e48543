import { useEffect, useRef, useState } from "react";

import type { Address } from "../../core/ledger-context.js";
import { openRecord, type OpenedRecord } from "../../core/records/open-record.js";
import { useServices } from "../session/session-context.js";

export type OpenedRecordState =
  | { stage: "before-open" }
  | { stage: "opening"; bytesDone: number; bytesTotal: number }
  | { stage: "open"; opened: OpenedRecord }
  | { stage: "failed"; error: unknown };

/**
 * A record decrypted in this tab, after `beforeOpen` (a clinician's read receipt; a failure stops
 * the open). It stays open, attachments included, until the component unmounts or `attempt`
 * changes: the data key is forgotten then, and a new version can stream its files from it meanwhile.
 */
export function useOpenedRecord(patient: Address, recordId: bigint, beforeOpen: (() => Promise<void>) | undefined, attempt: number): OpenedRecordState {
  const services = useServices();
  const [state, setState] = useState<OpenedRecordState>({ stage: "before-open" });
  // One receipt per attempt, even when StrictMode runs the effect twice or the page re-renders.
  const receipt = useRef<{ key: string; done: Promise<void> } | undefined>(undefined);
  const beforeOpenRef = useRef(beforeOpen);
  beforeOpenRef.current = beforeOpen;

  useEffect(() => {
    const controller = new AbortController();
    let opened: OpenedRecord | undefined;
    const key = `${patient}#${recordId}#${attempt}`;
    setState({ stage: "before-open" });
    (async () => {
      const before = beforeOpenRef.current;
      if (before !== undefined) {
        if (receipt.current?.key !== key) receipt.current = { key, done: before() };
        await receipt.current.done;
      }
      if (controller.signal.aborted) return;
      setState({ stage: "opening", bytesDone: 0, bytesTotal: 0 });
      opened = await openRecord(services, patient, recordId, {
        signal: controller.signal,
        onProgress: (bytesDone, bytesTotal) => setState({ stage: "opening", bytesDone, bytesTotal }),
      });
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
