/**
 * Revoking as the patient sees it: the revoke, then a new key for every category the provider
 * could read (revokeAccess sends them in that order through one status callback), each shown as
 * its own step; and finishing replacements a declined rotation left pending.
 */
import { CATEGORY_COUNT, categoriesOf, categoryName } from "../../../../core/chain/categories.js";
import type { LedgerConnection } from "../../../../core/chain/connection.js";
import type { TransactionStatus } from "../../../../core/chain/transactions.js";
import { readRotationRequired } from "../../../../core/chain/views.js";
import type { Address } from "../../../../core/ledger-context.js";
import type { RecordServices } from "../../../../core/records/services.js";
import { revokeAccess, type RevokeResult } from "../../../../core/scope-keys/grants.js";
import { settlePendingRotations } from "../../../../core/scope-keys/rotation.js";
import { advanceSteps, failSteps, plannedSteps, skipIdleSteps, trackSteps, type TransactionStep } from "./transaction-steps.js";

/**
 * Runs `work`, whose transactions report through one callback in the order of `labels`; steps
 * never reached end as skipped, and a failure marks the step it happened in before rethrowing.
 */
async function runInSteps<Result>(
  labels: readonly string[],
  report: (steps: TransactionStep[]) => void,
  work: (onStatus: (status: TransactionStatus) => void) => Promise<Result>,
): Promise<Result> {
  const tracker = trackSteps(plannedSteps(labels), report);
  try {
    const result = await work((status) => tracker.update(advanceSteps(tracker.steps, status)));
    tracker.update(skipIdleSteps(tracker.steps));
    return result;
  } catch (error) {
    tracker.update(failSteps(tracker.steps, error));
    throw error;
  }
}

export const REVOKE_STEP_LABEL = "Revoke access";

export function keyRotationLabel(category: number): string {
  return `Replace the key for ${categoryName(category)}`;
}

/** The steps a revoke of a grant covering `readScope` takes. */
export function revokeStepLabels(readScope: number): string[] {
  return [REVOKE_STEP_LABEL, ...categoriesOf(readScope).map(keyRotationLabel)];
}

/**
 * Revokes `grantee` and rotates its categories, reporting the steps after every change. `readScope`
 * is the grant as last read, for the plan; the chain's own AccessRevoked event decides what rotates.
 */
export async function runRevokeFlow(
  services: Pick<RecordServices, "connection" | "keyring">,
  grantee: Address,
  readScope: number,
  report: (steps: TransactionStep[]) => void,
): Promise<RevokeResult> {
  return runInSteps(revokeStepLabels(readScope), report, (onStatus) => revokeAccess(services.connection, services.keyring, grantee, { onStatus }));
}

/** The categories whose key the chain says must be replaced before anything new is added. */
export async function categoriesAwaitingRotation(connection: LedgerConnection, patient: Address): Promise<number[]> {
  const categories = Array.from({ length: CATEGORY_COUNT }, (_, category) => category);
  const required = await Promise.all(categories.map((category) => readRotationRequired(connection, patient, category)));
  return categories.filter((_, index) => required[index] === true);
}

/**
 * Finishes key replacements left pending (a rotation declined after its revoke, a grant that ran
 * out), one step per category, reporting the steps after every change.
 */
export async function runPendingRotations(
  services: Pick<RecordServices, "connection" | "identity" | "keyring">,
  pending: readonly number[],
  report: (steps: TransactionStep[]) => void,
): Promise<void> {
  const { connection, identity, keyring } = services;
  await runInSteps(pending.map(keyRotationLabel), report, (onStatus) => settlePendingRotations(connection, identity, keyring, identity.account, { onStatus }));
}
