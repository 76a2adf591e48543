/**
 * Starting a category's next key epoch: a fresh random key, linked to the previous one, sealed to
 * the patient first and then to every current reader, sent as a compare-and-swap on the epoch.
 * When another client wins the race the keyring re-syncs, and the attempt is repeated only if the
 * chain still requires a rotation; otherwise the winner's key is the one to use.
 */
import { toHex, type Hex } from "../bytes.js";
import { sameAddress } from "../chain/address.js";
import { CATEGORY_COUNT } from "../chain/categories.js";
import { ledgerContextOf, requireWallet, type LedgerConnection } from "../chain/connection.js";
import { LedgerRevertError } from "../chain/errors.js";
import { sendLedgerTransaction, type SendOptions } from "../chain/transactions.js";
import { readRotationRequired, readScopeKeyState } from "../chain/views.js";
import { randomBytes } from "../crypto/webcrypto.js";
import type { Identity } from "../identity/identity.js";
import type { Address, ScopeKeyContext } from "../ledger-context.js";
import { linkPreviousKey } from "./epoch-link.js";
import { AccountMismatchError, RotationContentionError } from "./errors.js";
import type { ScopeKeyEpoch, ScopeKeyring } from "./keyring.js";
import { currentReaders, registeredPublicKey } from "./readers.js";
import { sealScopeKey } from "./scope-key-wraps.js";

export interface RotationOptions {
  /** Attempts before RotationContentionError; each lost race costs one. Default 3. */
  maxAttempts?: number;
  onStatus?: SendOptions["onStatus"];
}

const DEFAULT_MAX_ATTEMPTS = 3;

/** Reverts that mean "the chain moved while this rotation was prepared": re-read it and try again. */
const LOST_RACE = new Set(["ScopeKeysEpochMismatch", "ScopeKeysRecipientLacksAccess"]);

/** When a new epoch is needed: `always` is an explicit rotation, honoured once even if not required. */
type Need = "uninitialised" | "writable" | "always";

/**
 * The key of `epoch`, syncing the keyring first if it does not hold it yet. A patient and a writer
 * hold the current key: write implies read, so some grant or rotation sealed it to them.
 */
async function heldKey(connection: LedgerConnection, keyring: ScopeKeyring, patient: Address, category: number, epoch: number) {
  if (keyring.latest(patient, category)?.epoch !== epoch) await keyring.sync(connection, patient);
  return keyring.keyFor(patient, category, epoch);
}

/** The wallet that signs, the identity that opens and the keyring that holds must be one participant. */
function requireSameAccount(connection: LedgerConnection, identity: Identity, keyring: ScopeKeyring, action: string): void {
  const { account } = requireWallet(connection, action);
  if (!sameAddress(account, identity.account)) throw new AccountMismatchError("The connected wallet", identity.account, account);
  if (!sameAddress(keyring.account, identity.account)) throw new AccountMismatchError("The keyring", identity.account, keyring.account);
}

/** One compare-and-swap attempt from `expectedEpoch` to the next; throws the contract's revert on a lost race. */
async function startNextEpoch(
  connection: LedgerConnection,
  keyring: ScopeKeyring,
  patient: Address,
  category: number,
  expectedEpoch: number,
  options: RotationOptions,
): Promise<ScopeKeyEpoch> {
  const context: ScopeKeyContext = { ...ledgerContextOf(connection), patient, category, epoch: expectedEpoch + 1 };
  const scopeKey = randomBytes(32);
  try {
    let link: Uint8Array | undefined;
    // Nobody can hold a grant to an uninitialised category, so the first key goes to the patient alone.
    const readers = expectedEpoch === 0 ? [] : await currentReaders(connection, patient, category);
    if (expectedEpoch !== 0) {
      link = await linkPreviousKey(scopeKey, await heldKey(connection, keyring, patient, category, expectedEpoch), context);
    }
    const recipients = [{ account: patient, publicKey: await registeredPublicKey(connection, patient) }, ...readers];
    const wraps = await Promise.all(
      recipients.map(async ({ account, publicKey }) => ({ recipient: account, wrap: await sealScopeKey(scopeKey, context, account, publicKey) })),
    );
    const previousKeyWrap: Hex = link === undefined ? "0x" : toHex(link);
    await sendLedgerTransaction(connection, "rotateScopeKey", [patient, category, expectedEpoch, previousKeyWrap, wraps], {
      onStatus: options.onStatus,
    });
    await keyring.add(context, scopeKey, link);
    return { epoch: context.epoch, scopeKey };
  } catch (error) {
    // Only a key that never reached the keyring is wiped here: add() comes last and takes ownership.
    if (keyring.latest(patient, category)?.scopeKey !== scopeKey) scopeKey.fill(0);
    throw error;
  }
}

async function advanceEpoch(
  connection: LedgerConnection,
  identity: Identity,
  keyring: ScopeKeyring,
  patient: Address,
  category: number,
  need: Need,
  options: RotationOptions,
): Promise<ScopeKeyEpoch> {
  requireSameAccount(connection, identity, keyring, "rotateScopeKey");
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const [{ epoch }, required] = await Promise.all([
      readScopeKeyState(connection, patient, category),
      readRotationRequired(connection, patient, category),
    ]);
    const wanted = epoch === 0 || (need === "always" && attempt === 1) || (need !== "uninitialised" && required);
    if (!wanted) return { epoch, scopeKey: await heldKey(connection, keyring, patient, category, epoch) };
    try {
      return await startNextEpoch(connection, keyring, patient, category, epoch, options);
    } catch (error) {
      if (!(error instanceof LedgerRevertError && LOST_RACE.has(error.errorName))) throw error;
      await keyring.sync(connection, patient);
    }
  }
  throw new RotationContentionError(patient, category, maxAttempts);
}

export type EpochAdvance = (
  connection: LedgerConnection,
  identity: Identity,
  keyring: ScopeKeyring,
  patient: Address,
  category: number,
  options?: RotationOptions,
) => Promise<ScopeKeyEpoch>;

function advancing(need: Need): EpochAdvance {
  return (connection, identity, keyring, patient, category, options = {}) =>
    advanceEpoch(connection, identity, keyring, patient, category, need, options);
}

/** Epoch 0 → 1: the category's first key, sealed to the patient only. Returns the existing key if another client created it. */
export const createScopeKey: EpochAdvance = advancing("uninitialised");

/**
 * Starts the next epoch (after a revoke, a noticed expiry, or a new patient key). A lost race is
 * retried only while the chain still requires a rotation; otherwise the winner's epoch is returned.
 */
export const rotateScopeKey: EpochAdvance = advancing("always");

/** The epoch and key a new record of `category` must use, creating or rotating the key first when the chain demands it. */
export const ensureWritableEpoch: EpochAdvance = advancing("writable");

/** Rotates every category of `patient` whose key the chain says must rotate (revokes, lapsed expiries). */
export async function settlePendingRotations(
  connection: LedgerConnection,
  identity: Identity,
  keyring: ScopeKeyring,
  patient: Address,
  options: RotationOptions = {},
): Promise<Map<number, ScopeKeyEpoch>> {
  const rotated = new Map<number, ScopeKeyEpoch>();
  for (let category = 0; category < CATEGORY_COUNT; category++) {
    const [{ epoch }, required] = await Promise.all([
      readScopeKeyState(connection, patient, category),
      readRotationRequired(connection, patient, category),
    ]);
    if (epoch !== 0 && required) rotated.set(category, await ensureWritableEpoch(connection, identity, keyring, patient, category, options));
  }
  return rotated;
}
