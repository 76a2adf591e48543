/**
 * Granting as the patient sees it: a category shared for the first time needs its key created
 * first (one transaction each), then one grant transaction covers every chosen provider. The keys
 * are created here, one step each, so every transaction is shown with its own label; grantAccess
 * then finds them and sends only the grant.
 */
import { categoriesOf, categoryName } from "../../../../core/chain/categories.js";
import type { LedgerConnection } from "../../../../core/chain/connection.js";
import type { LedgerTransactionResult } from "../../../../core/chain/transactions.js";
import { readScopeKeyState } from "../../../../core/chain/views.js";
import type { Address } from "../../../../core/ledger-context.js";
import type { RecordServices } from "../../../../core/records/services.js";
import { grantAccess, type GrantRequest } from "../../../../core/scope-keys/grants.js";
import { createScopeKey } from "../../../../core/scope-keys/rotation.js";
import { failSteps, plannedSteps, trackSteps, withStatus, type StepState, type TransactionStep } from "./transaction-steps.js";

export const GRANT_STEP_LABEL = "Grant access";

export function keyCreationLabel(category: number): string {
  return `Create the key for ${categoryName(category)}`;
}

/** The categories `requests` cover that have no key yet, ascending. */
export async function categoriesWithoutKey(connection: LedgerConnection, patient: Address, requests: readonly GrantRequest[]): Promise<number[]> {
  const covered = categoriesOf(requests.reduce((scope, request) => scope | request.readScope | request.writeScope, 0));
  const states = await Promise.all(covered.map((category) => readScopeKeyState(connection, patient, category)));
  return covered.filter((_, index) => states[index]?.epoch === 0);
}

/**
 * Sends the key creations and the grant, reporting the steps after every change. On failure the
 * step that failed carries the error, and the error is thrown again.
 */
export async function runGrantFlow(
  services: Pick<RecordServices, "connection" | "identity" | "keyring">,
  requests: readonly GrantRequest[],
  report: (steps: TransactionStep[]) => void,
): Promise<LedgerTransactionResult> {
  const { connection, identity, keyring } = services;
  const patient = identity.account;
  const tracker = trackSteps(plannedSteps([GRANT_STEP_LABEL]), report);
  const setStatus = (index: number) => (status: StepState) => tracker.update(withStatus(tracker.steps, index, status));
  try {
    const missing = await categoriesWithoutKey(connection, patient, requests);
    tracker.update(plannedSteps([...missing.map(keyCreationLabel), GRANT_STEP_LABEL]));
    for (const [index, category] of missing.entries()) {
      await createScopeKey(connection, identity, keyring, patient, category, { onStatus: setStatus(index) });
      // Another session of the same patient created it meanwhile: nothing was sent.
      if (tracker.steps[index]?.state.stage === "idle") setStatus(index)({ stage: "skipped" });
    }
    return await grantAccess(connection, keyring, requests, { onStatus: setStatus(missing.length) });
  } catch (error) {
    tracker.update(failSteps(tracker.steps, error));
    throw error;
  }
}
