/**
 * The scope keys one identity holds, in memory. `sync` reads the chain's wraps addressed to this
 * identity and the epoch links, opens the newest wrap per category and walks the links back to
 * epoch 1; later syncs read only the blocks not yet seen.
 */
import { fromHex } from "../bytes.js";
import { ledgerContextOf, type LedgerConnection } from "../chain/connection.js";
import { latestBlockNumber, readLedgerEvents, type LedgerEvent } from "../chain/events.js";
import type { Identity } from "../identity/identity.js";
import type { Address, ScopeKeyContext } from "../ledger-context.js";
import { openEpochLink } from "./epoch-link.js";
import { NoScopeKeyError } from "./errors.js";
import { openScopeKeyWrap } from "./scope-key-wraps.js";

export interface ScopeKeyEpoch {
  epoch: number;
  scopeKey: Uint8Array;
}

interface CategoryKeys {
  keys: Map<number, Uint8Array>;
  /** previousKeyWrap of each epoch after the first: opens the key of epoch - 1. */
  links: Map<number, Uint8Array>;
  /** The highest epoch whose link did not open: a rotator's fault, and a gap below it. */
  brokenLinkAt?: number;
}

interface PatientKeys {
  /** Events up to this block have been read. */
  syncedThrough?: bigint;
  categories: Map<number, CategoryKeys>;
}

export class ScopeKeyring {
  readonly identity: Identity;
  readonly #patients = new Map<string, PatientKeys>();

  constructor(identity: Identity) {
    this.identity = identity;
  }

  get account(): Address {
    return this.identity.account;
  }

  /** Reads the chain since the last sync of `patient` and opens every key this identity can reach. */
  async sync(connection: LedgerConnection, patient: Address): Promise<void> {
    const keys = this.#patientKeys(patient);
    const toBlock = await latestBlockNumber(connection);
    const fromBlock = keys.syncedThrough === undefined ? connection.deploymentBlock : keys.syncedThrough + 1n;
    if (fromBlock > toBlock) return;
    const range = { fromBlock, toBlock };
    const [rotations, wraps] = await Promise.all([
      readLedgerEvents(connection, "ScopeKeyRotated", { patient }, range),
      readLedgerEvents(connection, "ScopeKeyWrapped", { patient, recipient: this.account }, range),
    ]);
    for (const { args } of rotations) {
      if (args.epoch > 1) this.#category(keys, args.category).links.set(args.epoch, fromHex(args.previousKeyWrap));
    }
    const ledger = ledgerContextOf(connection);
    for (const { args } of newestFirst(wraps)) {
      const category = this.#category(keys, args.category);
      if (category.keys.has(args.epoch)) continue;
      const context = { ...ledger, patient, category: args.category, epoch: args.epoch };
      const scopeKey = await openScopeKeyWrap(this.identity, fromHex(args.wrap), context);
      if (scopeKey === null) continue;
      category.keys.set(args.epoch, scopeKey);
      await walkBack(category, context);
    }
    keys.syncedThrough = toBlock;
  }

  /** The key of `epoch`, or NoScopeKeyError when this identity never held it. */
  keyFor(patient: Address, category: number, epoch: number): Uint8Array {
    const held = this.#patients.get(patient.toLowerCase())?.categories.get(category);
    const key = held?.keys.get(epoch);
    if (key !== undefined) return key;
    const broken = held?.brokenLinkAt;
    const reason = broken !== undefined && broken > epoch ? `the link stored with epoch ${broken} does not open, so earlier keys are out of reach` : undefined;
    throw new NoScopeKeyError(patient, category, epoch, reason);
  }

  /** The newest key held for `category`, if any. */
  latest(patient: Address, category: number): ScopeKeyEpoch | undefined {
    const held = this.#patients.get(patient.toLowerCase())?.categories.get(category);
    if (held === undefined || held.keys.size === 0) return undefined;
    const epoch = Math.max(...held.keys.keys());
    return { epoch, scopeKey: held.keys.get(epoch) as Uint8Array };
  }

  /** Adds a key this client just created on chain, and what its link opens. The keyring owns it from now on. */
  async add(context: ScopeKeyContext, scopeKey: Uint8Array, link?: Uint8Array): Promise<void> {
    const category = this.#category(this.#patientKeys(context.patient), context.category);
    category.keys.set(context.epoch, scopeKey);
    if (link !== undefined) category.links.set(context.epoch, link);
    await walkBack(category, context);
  }

  /** Zero-fills every key and forgets every patient. */
  wipe(): void {
    for (const patient of this.#patients.values()) {
      for (const category of patient.categories.values()) for (const key of category.keys.values()) key.fill(0);
    }
    this.#patients.clear();
  }

  #patientKeys(patient: Address): PatientKeys {
    const id = patient.toLowerCase();
    let keys = this.#patients.get(id);
    if (keys === undefined) {
      keys = { categories: new Map() };
      this.#patients.set(id, keys);
    }
    return keys;
  }

  #category(keys: PatientKeys, category: number): CategoryKeys {
    let held = keys.categories.get(category);
    if (held === undefined) {
      held = { keys: new Map(), links: new Map() };
      keys.categories.set(category, held);
    }
    return held;
  }
}

/** Newest epoch first, so one open and a walk back usually cover a whole category. */
function newestFirst(wraps: LedgerEvent<"ScopeKeyWrapped">[]): LedgerEvent<"ScopeKeyWrapped">[] {
  return [...wraps].sort((a, b) => b.args.epoch - a.args.epoch);
}

/** Opens links downward from `context.epoch` until a key already held, a missing link or epoch 1. */
async function walkBack(category: CategoryKeys, context: ScopeKeyContext): Promise<void> {
  for (let epoch = context.epoch; epoch > 1 && !category.keys.has(epoch - 1); epoch--) {
    const key = category.keys.get(epoch);
    const link = category.links.get(epoch);
    if (key === undefined || link === undefined) return;
    const previous = await openEpochLink(key, link, { ...context, epoch });
    if (previous === null) {
      category.brokenLinkAt = Math.max(category.brokenLinkAt ?? 0, epoch);
      return;
    }
    category.keys.set(epoch - 1, previous);
  }
}
