import {
  HardhatArtifactResolver,
  PrettyEventHandler,
  errorDeploymentResultToExceptionMessage,
  getUserInterruptionsHandlers,
} from "@nomicfoundation/hardhat-ignition/helpers";
import {
  DeploymentResultType,
  deploy,
  type DeploymentParameters,
  type DeploymentResult,
  type ReconciliationErrorDeploymentResult,
  type SuccessfulDeploymentResult,
} from "@nomicfoundation/ignition-core";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import ehrLedgerModule from "../../ignition/modules/EHRLedger.js";

export interface LedgerDeploymentRequest {
  /** Ignition's journal folder; Ignition's own tasks would force `<paths.ignition>/deployments/<id>`. */
  deploymentDir: string;
  /** Defaults to the deployer (the module's `m.getAccount(0)`). */
  admin?: string;
  /** Ignition's progress panel: worth it on a real network, noise around `npm start`. */
  showIgnitionUi: boolean;
}

/** The deployment was journaled for a different build of the contract (Ignition refuses to mix). */
export class ContractChangedSinceDeploymentError extends Error {
  constructor(readonly result: ReconciliationErrorDeploymentResult) {
    super(errorDeploymentResultToExceptionMessage(result));
  }
}

/**
 * Runs the EHRLedger Ignition module. Ignition resumes from the journal in `deploymentDir`, so a
 * repeated call is a no-op that returns the recorded addresses.
 */
export async function deployLedger(
  hre: HardhatRuntimeEnvironment,
  connection: NetworkConnection,
  request: LedgerDeploymentRequest,
): Promise<SuccessfulDeploymentResult> {
  const accounts = (await connection.provider.request({ method: "eth_accounts" })) as string[];
  const parameters: DeploymentParameters =
    request.admin === undefined ? {} : { [ehrLedgerModule.id]: { admin: request.admin } };

  const ui = request.showIgnitionUi
    ? { listener: new PrettyEventHandler(hre.interruptions, { deploymentParams: parameters }), handlers: getUserInterruptionsHandlers() }
    : undefined;
  if (ui !== undefined) hre.hooks.registerHandlers("userInterruptions", ui.handlers);

  let result: DeploymentResult;
  try {
    result = await deploy({
      config: hre.config.ignition,
      provider: connection.provider,
      artifactResolver: new HardhatArtifactResolver(hre.artifacts),
      executionEventListener: ui?.listener,
      deploymentDir: request.deploymentDir,
      ignitionModule: ehrLedgerModule,
      deploymentParameters: parameters,
      accounts,
      maxFeePerGasLimit: connection.networkConfig.ignition.maxFeePerGasLimit,
      maxFeePerGas: connection.networkConfig.ignition.maxFeePerGas,
      maxPriorityFeePerGas: connection.networkConfig.ignition.maxPriorityFeePerGas,
      gasPrice: connection.networkConfig.ignition.gasPrice,
      disableFeeBumping: hre.config.ignition.disableFeeBumping ?? connection.networkConfig.ignition.disableFeeBumping,
    });
  } finally {
    if (ui !== undefined) hre.hooks.unregisterHandlers("userInterruptions", ui.handlers);
  }

  if (result.type === DeploymentResultType.SUCCESSFUL_DEPLOYMENT) return result;
  if (result.type === DeploymentResultType.RECONCILIATION_ERROR) throw new ContractChangedSinceDeploymentError(result);
  throw new Error(errorDeploymentResultToExceptionMessage(result));
}
