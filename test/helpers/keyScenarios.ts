/** Steps the scope-key tests share, taken the way a participant's browser takes them. */
import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { grantAccess } from "../../web/src/core/scope-keys/grants.js";
import { ScopeKeyring } from "../../web/src/core/scope-keys/keyring.js";
import { rotateScopeKey } from "../../web/src/core/scope-keys/rotation.js";
import type { ViemPersona, ViemWorld } from "./viemWorld.js";

export interface GrantTerms {
  readScope: number;
  writeScope?: number;
  expiresAt?: number;
}

/** A fresh keyring for `persona`, synced with everything `patient` ever published. */
export async function syncedKeyring(persona: ViemPersona, patient: ViemPersona): Promise<ScopeKeyring> {
  const keyring = new ScopeKeyring(persona.identity);
  await keyring.sync(persona.connection, patient.account);
  return keyring;
}

/** `patient` grants `grantee` through the client core (real wraps). */
export function grant(patient: ViemPersona, keyring: ScopeKeyring, grantee: ViemPersona, terms: GrantTerms) {
  const { readScope, writeScope = 0, expiresAt = 0 } = terms;
  return grantAccess(patient.connection, keyring, [{ grantee: grantee.account, readScope, writeScope, expiresAt }]);
}

/** `patient` takes `category` to `epoch` by rotating its key (creating it first when needed). */
export async function rotateUntil(patient: ViemPersona, keyring: ScopeKeyring, category: number, epoch: number): Promise<void> {
  for (let current = keyring.latest(patient.account, category)?.epoch ?? 0; current < epoch; current++) {
    await rotateScopeKey(patient.connection, patient.identity, keyring, patient.account, category);
  }
}

/** The revoke alone, with no rotation after it: what a client that stops half-way leaves behind. */
export function revokeOnly(patient: ViemPersona, grantee: ViemPersona) {
  return sendLedgerTransaction(patient.connection, "revoke", [grantee.account]);
}

/** Seconds since the epoch of the chain's latest block. */
export async function chainTime(viem: ViemWorld): Promise<number> {
  return viem.world.connection.networkHelpers.time.latest();
}

/** Moves the chain's clock to `timestamp` (and mines a block there). */
export async function travelTo(viem: ViemWorld, timestamp: number): Promise<void> {
  await viem.world.connection.networkHelpers.time.increaseTo(timestamp);
}
