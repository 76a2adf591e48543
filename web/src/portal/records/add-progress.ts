/**
 * The steps of adding a record as a list people can follow, built from addRecord's onProgress
 * events. The key transaction and the clean-up only appear when they happen.
 */
import type { TransactionStatus } from "../../core/chain/transactions.js";
import type { AddRecordProgress } from "../../core/records/add-record.js";

export type AddStepId = "keys" | "key-transaction" | "upload" | "manifest" | "transaction" | "cleanup";
export type AddStepState = "waiting" | "active" | "done" | "failed";

export interface AddStep {
  id: AddStepId;
  label: string;
  state: AddStepState;
}

export interface AddProgressView {
  steps: AddStep[];
  /** Encrypted bytes stored so far, for the progress bar. */
  upload: { bytesDone: number; bytesTotal: number } | undefined;
  keyTransaction: TransactionStatus | undefined;
  transaction: TransactionStatus | undefined;
}

export const ADD_STEP_LABELS: Record<AddStepId, string> = {
  keys: "Preparing the category key",
  "key-transaction": "Creating the category key on the ledger",
  upload: "Encrypting and uploading",
  manifest: "Storing the encrypted record's index",
  transaction: "Recording it on the ledger",
  cleanup: "Removing the upload from IPFS",
};

const ORDER: readonly AddStepId[] = ["keys", "key-transaction", "upload", "manifest", "transaction", "cleanup"];
const ALWAYS_SHOWN: readonly AddStepId[] = ["keys", "upload", "manifest", "transaction"];

export function initialAddProgress(): AddProgressView {
  return {
    steps: ALWAYS_SHOWN.map((id) => ({ id, label: ADD_STEP_LABELS[id], state: "waiting" })),
    upload: undefined,
    keyTransaction: undefined,
    transaction: undefined,
  };
}

const STEP_OF: Record<AddRecordProgress["step"], AddStepId> = {
  "preparing-keys": "keys",
  "key-transaction": "key-transaction",
  "encrypting-and-uploading": "upload",
  "storing-manifest": "manifest",
  transaction: "transaction",
  "removing-upload": "cleanup",
};

/** `id` becomes the active step: every step before it is done, and it is added when not shown yet. */
function activate(steps: readonly AddStep[], id: AddStepId, finished: boolean): AddStep[] {
  const shown = steps.some((step) => step.id === id) ? [...steps] : [...steps, { id, label: ADD_STEP_LABELS[id], state: "waiting" as const }];
  shown.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
  const position = ORDER.indexOf(id);
  return shown.map((step) => {
    const at = ORDER.indexOf(step.id);
    if (step.id === id) return { ...step, state: finished ? "done" : "active" };
    if (at < position && step.state !== "failed") return { ...step, state: "done" };
    return step;
  });
}

export function advanceAddProgress(view: AddProgressView, progress: AddRecordProgress): AddProgressView {
  const id = STEP_OF[progress.step];
  if (progress.step === "removing-upload") {
    // The clean-up follows a failed transaction: that step failed, whatever came before.
    const steps = activate(view.steps, "cleanup", false).map((step) => (step.id === "transaction" ? { ...step, state: "failed" as const } : step));
    return { ...view, steps };
  }
  const finished = (progress.step === "transaction" || progress.step === "key-transaction") && progress.status.stage === "confirmed";
  const next: AddProgressView = { ...view, steps: activate(view.steps, id, finished) };
  if (progress.step === "encrypting-and-uploading") next.upload = { bytesDone: progress.bytesDone, bytesTotal: progress.bytesTotal };
  if (progress.step === "key-transaction") next.keyTransaction = progress.status;
  if (progress.step === "transaction") next.transaction = progress.status;
  return next;
}

/**
 * After addRecord threw `error`: the running step failed. A clean-up that was running succeeded
 * unless the error says the upload could not be removed (RECORD_NOT_STORED).
 */
export function failAddProgress(view: AddProgressView, error: unknown): AddProgressView {
  const active = view.steps.find((step) => step.state === "active");
  if (active === undefined) return view;
  const cleanupFailed = (error as { code?: unknown } | null)?.code === "RECORD_NOT_STORED";
  const state: AddStepState = active.id === "cleanup" && !cleanupFailed ? "done" : "failed";
  return { ...view, steps: view.steps.map((step) => (step === active ? { ...step, state } : step)) };
}

/** The transaction hash once the record is on the ledger. */
export function confirmedHash(view: AddProgressView): `0x${string}` | undefined {
  return view.transaction?.stage === "confirmed" ? view.transaction.hash : undefined;
}
