/**
 * A flow that sends several transactions (create keys then grant; revoke then rotate) shown as a
 * list of steps, each with its own lifecycle. Framework-free so the bookkeeping is tested in Node.
 */
import type { TransactionStatus } from "../../../../core/chain/transactions.js";
import type { TransactionState } from "../../../ui/use-ledger-transaction.js";

/** A transaction's lifecycle, or "skipped" when the flow found it was no longer needed. */
export type StepState = TransactionState | { stage: "skipped" };

export interface TransactionStep {
  label: string;
  state: StepState;
}

export function plannedSteps(labels: readonly string[]): TransactionStep[] {
  return labels.map((label) => ({ label, state: { stage: "idle" } }));
}

const isInProgress = (state: StepState) => state.stage === "simulating" || state.stage === "awaiting-signature" || state.stage === "pending";

function replaceAt(steps: readonly TransactionStep[], index: number, state: StepState): TransactionStep[] {
  return steps.map((step, i) => (i === index ? { ...step, state } : step));
}

/** `status` for the step at `index`: for flows that know which transaction reports it. */
export function withStatus(steps: readonly TransactionStep[], index: number, status: StepState): TransactionStep[] {
  if (index < 0 || index >= steps.length) throw new RangeError(`There is no step ${index + 1} in a flow of ${steps.length} steps.`);
  return replaceAt(steps, index, status);
}

/** The step currently or last reporting: the last one that left "idle", or -1 before any did. */
function currentIndex(steps: readonly TransactionStep[]): number {
  for (let i = steps.length - 1; i >= 0; i--) {
    if ((steps[i] as TransactionStep).state.stage !== "idle") return i;
  }
  return -1;
}

/**
 * `status` from a flow that reports all its transactions through one callback, in order. A new
 * simulation after a confirmed step starts the next step; one before (a lost race being retried)
 * belongs to the same step. A transaction beyond the plan is added as an extra step, not dropped.
 */
export function advanceSteps(steps: readonly TransactionStep[], status: TransactionStatus): TransactionStep[] {
  const current = currentIndex(steps);
  const currentDone = current === -1 || (steps[current] as TransactionStep).state.stage === "confirmed";
  const index = status.stage === "simulating" && currentDone ? current + 1 : Math.max(current, 0);
  if (index >= steps.length) return [...steps, { label: "Further transaction", state: status }];
  return replaceAt(steps, index, status);
}

/**
 * Marks the step in progress as failed; when none is (the flow failed while preparing the next
 * one), the first step still idle. Returns the steps unchanged when every step had finished.
 */
export function failSteps(steps: readonly TransactionStep[], error: unknown): TransactionStep[] {
  const hash = (state: StepState) => ("hash" in state ? { hash: state.hash } : {});
  const inProgress = steps.findIndex((step) => isInProgress(step.state));
  const index = inProgress !== -1 ? inProgress : steps.findIndex((step) => step.state.stage === "idle");
  if (index === -1) return [...steps];
  return replaceAt(steps, index, { stage: "failed", error, ...hash((steps[index] as TransactionStep).state) });
}

/** Steps never started: marked skipped once the flow finished without needing them. */
export function skipIdleSteps(steps: readonly TransactionStep[]): TransactionStep[] {
  return steps.map((step) => (step.state.stage === "idle" ? { ...step, state: { stage: "skipped" } } : step));
}

export function allConfirmed(steps: readonly TransactionStep[]): boolean {
  return steps.every((step) => step.state.stage === "confirmed" || step.state.stage === "skipped");
}

/** The steps of one running flow: the latest list, handed to `report` on every change. */
export interface StepTracker {
  readonly steps: TransactionStep[];
  update(next: TransactionStep[]): void;
}

export function trackSteps(initial: TransactionStep[], report: (steps: TransactionStep[]) => void): StepTracker {
  let steps = initial;
  report(steps);
  return {
    get steps() {
      return steps;
    },
    update(next) {
      steps = next;
      report(steps);
    },
  };
}
