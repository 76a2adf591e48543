/**
 * What can go wrong when sending a ledger transaction, as three typed errors a portal can show
 * as they are: the contract refused (with its reason), the user declined, or anything else.
 */
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";

import { describeLedgerError, isLedgerErrorName, type LedgerErrorName } from "./revert-sentences.js";

export class LedgerRevertError extends Error {
  readonly code = "LEDGER_REVERT";
  readonly errorName: LedgerErrorName;
  readonly args: readonly unknown[];
  readonly functionName: string;

  constructor(functionName: string, errorName: LedgerErrorName, args: readonly unknown[], options?: ErrorOptions) {
    super(describeLedgerError(errorName, args as never), options);
    this.name = "LedgerRevertError";
    this.errorName = errorName;
    this.args = args;
    this.functionName = functionName;
  }
}

export class TransactionRejectedError extends Error {
  readonly code = "TRANSACTION_REJECTED";

  constructor(functionName: string, options?: ErrorOptions) {
    super(`The wallet declined to sign ${functionName}; nothing was sent. Approve it in the wallet to go ahead.`, options);
    this.name = "TransactionRejectedError";
  }
}

export class LedgerTransactionError extends Error {
  readonly code = "LEDGER_TRANSACTION_FAILED";

  constructor(functionName: string, detail: string, options?: ErrorOptions) {
    super(`${functionName} failed: ${detail}`, options);
    this.name = "LedgerTransactionError";
  }
}

const EIP1193_USER_REJECTED = 4001;

function isUserRejection(error: unknown): boolean {
  if (error instanceof BaseError && error.walk((cause) => cause instanceof UserRejectedRequestError) !== null) return true;
  for (let cause: unknown = error; cause instanceof Object; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === EIP1193_USER_REJECTED) return true;
  }
  return false;
}

/** The ledger's own custom error inside a viem error chain, when there is one. */
export function decodedRevert(error: unknown): { errorName: LedgerErrorName; args: readonly unknown[] } | null {
  if (!(error instanceof BaseError)) return null;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return null;
  const errorName = reverted.data?.errorName;
  if (errorName === undefined || !isLedgerErrorName(errorName)) return null;
  return { errorName, args: reverted.data?.args ?? [] };
}

/** Classifies anything thrown while simulating, signing or sending `functionName`; keeps it as `cause`. */
export function toLedgerError(functionName: string, error: unknown): Error {
  if (error instanceof LedgerRevertError || error instanceof TransactionRejectedError || error instanceof LedgerTransactionError) {
    return error;
  }
  if (isUserRejection(error)) return new TransactionRejectedError(functionName, { cause: error });
  const revert = decodedRevert(error);
  if (revert !== null) return new LedgerRevertError(functionName, revert.errorName, revert.args, { cause: error });
  const detail = error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
  return new LedgerTransactionError(functionName, detail, { cause: error });
}
