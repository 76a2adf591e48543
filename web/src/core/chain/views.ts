/** The ledger's view functions the core needs, typed by the generated ABI. */
import type { ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType } from "viem";

import type { Hex } from "../bytes.js";
import type { Address } from "../ledger-context.js";
import { ledgerAbi, type LedgerAbi, type LedgerConnection } from "./connection.js";

export type LedgerViewName = ContractFunctionName<LedgerAbi, "view" | "pure">;
export type LedgerViewArgs<Name extends LedgerViewName> = ContractFunctionArgs<LedgerAbi, "view" | "pure", Name>;
export type LedgerViewResult<Name extends LedgerViewName> = ContractFunctionReturnType<LedgerAbi, "view" | "pure", Name>;

export type Participant = LedgerViewResult<"participant">;
export type ScopeKeyState = LedgerViewResult<"scopeKeyState">;
export type Grant = LedgerViewResult<"grantOf">;

export const ZERO_KEY: Hex = `0x${"00".repeat(32)}`;

/** Any view of the ledger, at the latest block. */
export function readLedgerView<Name extends LedgerViewName>(
  connection: LedgerConnection,
  functionName: Name,
  args: LedgerViewArgs<Name>,
): Promise<LedgerViewResult<Name>> {
  // The generic name and args are checked at the call site; viem's overloads cannot follow them here.
  return connection.publicClient.readContract({ address: connection.address, abi: ledgerAbi, functionName, args } as never) as Promise<LedgerViewResult<Name>>;
}

export function readParticipant(connection: LedgerConnection, account: Address): Promise<Participant> {
  return readLedgerView(connection, "participant", [account]);
}

/** The X25519 public key `account` registered, as bytes32; ZERO_KEY when it has none. */
export async function readEncryptionKey(connection: LedgerConnection, account: Address): Promise<Hex> {
  return (await readParticipant(connection, account)).encryptionKey;
}

export function readScopeKeyState(connection: LedgerConnection, patient: Address, category: number): Promise<ScopeKeyState> {
  return readLedgerView(connection, "scopeKeyState", [patient, category]);
}

export function readRotationRequired(connection: LedgerConnection, patient: Address, category: number): Promise<boolean> {
  return readLedgerView(connection, "rotationRequired", [patient, category]);
}

export function readHasAccess(connection: LedgerConnection, patient: Address, grantee: Address, category: number, write: boolean): Promise<boolean> {
  return readLedgerView(connection, "hasAccess", [patient, grantee, category, write]);
}

export function readGrantOf(connection: LedgerConnection, patient: Address, grantee: Address): Promise<Grant> {
  return readLedgerView(connection, "grantOf", [patient, grantee]);
}
