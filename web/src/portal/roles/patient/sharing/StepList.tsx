import { TransactionStatus } from "../../../ui/TransactionStatus.js";
import type { TransactionStep } from "./transaction-steps.js";

/** Every transaction of a multi-step flow, in order, each with its own lifecycle. */
export function StepList({ steps, title }: { steps: readonly TransactionStep[]; title: string }) {
  if (steps.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ol className="timeline">
        {steps.map((step, index) => (
          <li key={`${index}-${step.label}`}>
            <strong>
              Step {index + 1} of {steps.length}: {step.label}
            </strong>
            {step.state.stage === "idle" ? (
              <p className="tx muted">Waiting for the previous step.</p>
            ) : step.state.stage === "skipped" ? (
              <p className="tx muted">Not needed: nothing was sent.</p>
            ) : (
              <TransactionStatus state={step.state} label={step.label} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
