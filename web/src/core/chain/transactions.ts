/**
 * Sending a ledger transaction the way a portal should: simulate first, so a revert is explained
 * before the wallet asks for a signature; then sign, wait for the receipt, and decode its events.
 */
import type { Account, ContractFunctionArgs, ContractFunctionName, Hex, TransactionReceipt } from "viem";

import type { Address } from "../ledger-context.js";
import { ledgerAbi, requireWallet, type LedgerAbi, type LedgerConnection } from "./connection.js";
import { decodedRevert, LedgerRevertError, LedgerTransactionError, toLedgerError } from "./errors.js";
import { ledgerEventsOf, type LedgerEvent } from "./events.js";

export type LedgerWriteName = ContractFunctionName<LedgerAbi, "nonpayable" | "payable">;
export type LedgerWriteArgs<Name extends LedgerWriteName> = ContractFunctionArgs<LedgerAbi, "nonpayable" | "payable", Name>;

export type TransactionStatus =
  | { stage: "simulating" }
  | { stage: "awaiting-signature" }
  | { stage: "pending"; hash: Hex }
  | { stage: "confirmed"; hash: Hex };

export interface SendOptions {
  value?: bigint;
  onStatus?: (status: TransactionStatus) => void;
}

/** One contract call as viem takes it, with the name and arguments already checked against the ABI. */
interface LedgerCall {
  address: Address;
  abi: LedgerAbi;
  functionName: LedgerWriteName;
  args: unknown;
  account: Account;
  value: bigint | undefined;
}

export interface LedgerTransactionResult {
  hash: Hex;
  receipt: TransactionReceipt;
  events: LedgerEvent[];
}

/**
 * Simulates, signs and sends `functionName(args)` from the connection's wallet account; resolves
 * once mined. Throws LedgerRevertError (the contract's reason as a sentence), TransactionRejectedError
 * (the user declined) or LedgerTransactionError (anything else, with the original as `cause`).
 */
export async function sendLedgerTransaction<Name extends LedgerWriteName>(
  connection: LedgerConnection,
  functionName: Name,
  args: LedgerWriteArgs<Name>,
  options: SendOptions = {},
): Promise<LedgerTransactionResult> {
  const { walletClient, account } = requireWallet(connection, functionName);
  const { publicClient, address } = connection;
  const { value, onStatus } = options;
  const call: LedgerCall = { address, abi: ledgerAbi, functionName, args, account: walletClient.account, value };

  let hash: Hex;
  try {
    onStatus?.({ stage: "simulating" });
    // The generic name and args were checked at the call site; viem's overloads cannot follow them here.
    await publicClient.simulateContract(call as never);
    onStatus?.({ stage: "awaiting-signature" });
    hash = await walletClient.writeContract({ ...call, chain: walletClient.chain ?? null } as never);
  } catch (error) {
    throw toLedgerError(functionName, error);
  }

  onStatus?.({ stage: "pending", hash });
  let receipt: TransactionReceipt;
  try {
    receipt = await publicClient.waitForTransactionReceipt({ hash });
  } catch (error) {
    throw toLedgerError(functionName, error);
  }
  if (receipt.status === "reverted") throw await explainMinedRevert(connection, call, receipt, account);
  onStatus?.({ stage: "confirmed", hash });
  return { hash, receipt, events: ledgerEventsOf(connection, receipt) };
}

/**
 * A transaction can pass simulation and still revert once mined, when another one changed the
 * state in between (two clients rotating the same key). Replaying it against the state of its own
 * block recovers the contract's reason.
 */
async function explainMinedRevert(connection: LedgerConnection, call: LedgerCall, receipt: TransactionReceipt, account: Hex): Promise<Error> {
  const { functionName } = call;
  try {
    await connection.publicClient.simulateContract({ ...call, blockNumber: receipt.blockNumber } as never);
  } catch (error) {
    const revert = decodedRevert(error);
    if (revert !== null) return new LedgerRevertError(functionName, revert.errorName, revert.args, { cause: error });
    return toLedgerError(functionName, error);
  }
  return new LedgerTransactionError(
    functionName,
    `transaction ${receipt.transactionHash} from ${account} reverted in block ${receipt.blockNumber}, and replaying it there does not say why`,
  );
}
