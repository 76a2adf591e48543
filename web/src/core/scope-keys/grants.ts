/**
 * The client half of consent: a grant carries the current scope key of every category it covers,
 * sealed to the grantee; a revoke is followed at once by rotating every category the grantee could
 * read, so that it never learns a key protecting new records.
 */
import type { Hex } from "../bytes.js";
import { sameAddress } from "../chain/address.js";
import { categoriesOf } from "../chain/categories.js";
import { ledgerContextOf, requireWallet, type LedgerConnection } from "../chain/connection.js";
import { sendLedgerTransaction, type LedgerTransactionResult } from "../chain/transactions.js";
import { readGrantOf, readScopeKeyState } from "../chain/views.js";
import type { Address } from "../ledger-context.js";
import { AccountMismatchError } from "./errors.js";
import type { ScopeKeyEpoch, ScopeKeyring } from "./keyring.js";
import { registeredPublicKey } from "./readers.js";
import { createScopeKey, rotateScopeKey, type RotationOptions } from "./rotation.js";
import { sealScopeKey } from "./scope-key-wraps.js";

export interface GrantRequest {
  grantee: Address;
  /** Category bitmask; write implies read, so the grant covers readScope | writeScope. */
  readScope: number;
  writeScope: number;
  /** Unix seconds; 0 for no expiry. */
  expiresAt: number;
}

/** IConsent.GrantInput as the contract takes it. */
export interface GrantInput extends GrantRequest {
  scopeKeyWraps: Hex[];
}

export interface RevokeResult {
  /** Null when `grantee` held no grant, so nothing was sent. */
  revoked: LedgerTransactionResult | null;
  /** The new epoch of every category the grantee could read. */
  rotated: Map<number, ScopeKeyEpoch>;
}

function requirePatientKeyring(keyring: ScopeKeyring, patient: Address): void {
  if (!sameAddress(keyring.account, patient)) throw new AccountMismatchError("The keyring", patient, keyring.account);
}

/**
 * The `grant` inputs for `requests`: one wrap of the current scope key per covered category, in
 * ascending category order. Categories without a key yet get their first key here (a transaction).
 */
export async function buildGrantInputs(
  connection: LedgerConnection,
  keyring: ScopeKeyring,
  patient: Address,
  requests: readonly GrantRequest[],
  options: RotationOptions = {},
): Promise<GrantInput[]> {
  requirePatientKeyring(keyring, patient);
  const covered = categoriesOf(requests.reduce((scope, request) => scope | request.readScope | request.writeScope, 0));
  const current = new Map<number, ScopeKeyEpoch>();
  let synced = false;
  for (const category of covered) {
    const { epoch } = await readScopeKeyState(connection, patient, category);
    if (epoch === 0) {
      current.set(category, await createScopeKey(connection, keyring.identity, keyring, patient, category, options));
      continue;
    }
    if (!synced && keyring.latest(patient, category)?.epoch !== epoch) {
      await keyring.sync(connection, patient);
      synced = true;
    }
    current.set(category, { epoch, scopeKey: keyring.keyFor(patient, category, epoch) });
  }

  const ledger = ledgerContextOf(connection);
  return Promise.all(
    requests.map(async (request) => {
      const publicKey = await registeredPublicKey(connection, request.grantee);
      const scopeKeyWraps = await Promise.all(
        categoriesOf(request.readScope | request.writeScope).map((category) => {
          const { epoch, scopeKey } = current.get(category) as ScopeKeyEpoch;
          return sealScopeKey(scopeKey, { ...ledger, patient, category, epoch }, request.grantee, publicKey);
        }),
      );
      return { ...request, scopeKeyWraps };
    }),
  );
}

/** The connected patient grants every request in one transaction. */
export async function grantAccess(
  connection: LedgerConnection,
  keyring: ScopeKeyring,
  requests: readonly GrantRequest[],
  options: RotationOptions = {},
): Promise<LedgerTransactionResult> {
  const { account: patient } = requireWallet(connection, "grant");
  const inputs = await buildGrantInputs(connection, keyring, patient, requests, options);
  return sendLedgerTransaction(connection, "grant", [inputs], { onStatus: options.onStatus });
}

/**
 * The connected patient revokes `grantee`, then rotates every category it could read. Should a
 * rotation fail (declined, lost), the chain keeps the category pending and refuses new records
 * until it rotates: `ensureWritableEpoch` or `settlePendingRotations` finishes the job.
 */
export async function revokeAccess(
  connection: LedgerConnection,
  keyring: ScopeKeyring,
  grantee: Address,
  options: RotationOptions = {},
): Promise<RevokeResult> {
  const { account: patient } = requireWallet(connection, "revoke");
  requirePatientKeyring(keyring, patient);
  const rotated = new Map<number, ScopeKeyEpoch>();
  if ((await readGrantOf(connection, patient, grantee)).readScope === 0) return { revoked: null, rotated };
  const revoked = await sendLedgerTransaction(connection, "revoke", [grantee], { onStatus: options.onStatus });
  const event = revoked.events.find((e) => e.eventName === "AccessRevoked");
  const readScope = event?.eventName === "AccessRevoked" ? event.args.readScope : 0;
  for (const category of categoriesOf(readScope)) {
    rotated.set(category, await rotateScopeKey(connection, keyring.identity, keyring, patient, category, options));
  }
  return { revoked, rotated };
}
