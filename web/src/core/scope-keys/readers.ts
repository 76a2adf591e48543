/**
 * Who must receive a category's next key: every grantee the chain says can read it now. Events
 * only nominate candidates; `hasAccess` decides, so revoked, expired and suspended grantees drop out.
 */
import { fromHex } from "../bytes.js";
import type { LedgerConnection } from "../chain/connection.js";
import { readLedgerEvents } from "../chain/events.js";
import { readEncryptionKey, readHasAccess, ZERO_KEY } from "../chain/views.js";
import type { Address } from "../ledger-context.js";
import { ReaderWithoutEncryptionKeyError } from "./errors.js";

export interface Reader {
  account: Address;
  /** The X25519 key registered on chain. */
  publicKey: Uint8Array;
}

/** The registered encryption key of `account`; ReaderWithoutEncryptionKeyError when it has none. */
export async function registeredPublicKey(connection: LedgerConnection, account: Address): Promise<Uint8Array> {
  const key = await readEncryptionKey(connection, account);
  if (key === ZERO_KEY) throw new ReaderWithoutEncryptionKeyError(account);
  return fromHex(key);
}

/** Every grantee who can read `category` of `patient` right now (not the patient), in order of first grant. */
export async function currentReaders(connection: LedgerConnection, patient: Address, category: number): Promise<Reader[]> {
  const grants = await readLedgerEvents(connection, "AccessGranted", { patient });
  const candidates = new Map<string, Address>();
  for (const { args } of grants) {
    if ((args.readScope >> category) & 1) candidates.set(args.grantee.toLowerCase(), args.grantee);
  }
  const accounts = [...candidates.values()];
  const access = await Promise.all(accounts.map((grantee) => readHasAccess(connection, patient, grantee, category, false)));
  const readers = accounts.filter((_, i) => access[i] === true);
  return Promise.all(readers.map(async (account) => ({ account, publicKey: await registeredPublicKey(connection, account) })));
}
