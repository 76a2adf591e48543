/**
 * Revoking as the patient sees it: the revoke, then a new key for every category the provider
 * could read (revokeAccess sends them in that order through one status callback), each shown as
 * its own step.
 */
import { categoriesOf, categoryName } from "../../../../core/chain/categories.js";
import type { Address } from "../../../../core/ledger-context.js";
import type { RecordServices } from "../../../../core/records/services.js";
import { revokeAccess, type RevokeResult } from "../../../../core/scope-keys/grants.js";
import { advanceSteps, failSteps, plannedSteps, skipIdleSteps, type TransactionStep } from "./transaction-steps.js";

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
  let steps = plannedSteps(revokeStepLabels(readScope));
  const update = (next: TransactionStep[]) => {
    steps = next;
    report(steps);
  };
  update(steps);
  try {
    const result = await revokeAccess(services.connection, services.keyring, grantee, { onStatus: (status) => update(advanceSteps(steps, status)) });
    update(skipIdleSteps(steps));
    return result;
  } catch (error) {
    update(failSteps(steps, error));
    throw error;
  }
}
