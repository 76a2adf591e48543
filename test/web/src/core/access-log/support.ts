/** Ledger steps the read-model tests take, as participants' wallets take them (scope-key wraps are stand-ins). */
import type { AccessLogDetail, AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import { categoriesOf } from "../../../../../web/src/core/chain/categories.js";
import type { LedgerConnection } from "../../../../../web/src/core/chain/connection.js";
import { sendLedgerTransaction, type LedgerTransactionResult } from "../../../../../web/src/core/chain/transactions.js";
import { fakeWrap } from "../../../../helpers/fixture.js";
import type { PersonaName, ViemWorld } from "../../../../helpers/viemWorld.js";

/** A registration's key and profile digest when it set neither (patients and auditors have no profile). */
export const NO_KEY_OR_PROFILE: { encryptionKey: Hex; profileDigest: Hex } = { encryptionKey: `0x${"00".repeat(32)}`, profileDigest: `0x${"00".repeat(32)}` };

/** A content digest that names its record in tests: `tag` repeated over 32 bytes. */
export function digest(tag: number): Hex {
  return `0x${tag.toString(16).padStart(2, "0").repeat(32)}`;
}

export function ledgerSteps(viem: ViemWorld) {
  const { personas } = viem;
  const connectionOf = (name: PersonaName) => personas[name].connection;
  return {
    /** Epoch 1 of `category`, the key sealed to the patient alone. */
    createScopeKey: (patient: PersonaName, category: number): Promise<LedgerTransactionResult> =>
      sendLedgerTransaction(connectionOf(patient), "rotateScopeKey", [
        personas[patient].account, category, 0, "0x", [{ recipient: personas[patient].account, wrap: fakeWrap(category) as Hex }],
      ]),
    grant: (patient: PersonaName, grantee: PersonaName, readScope: number, writeScope = 0, expiresAt = 0): Promise<LedgerTransactionResult> =>
      sendLedgerTransaction(connectionOf(patient), "grant", [[{
        grantee: personas[grantee].account,
        readScope,
        writeScope,
        expiresAt,
        scopeKeyWraps: categoriesOf(readScope | writeScope).map((category) => fakeWrap(0x40 + category) as Hex),
      }]]),
    /** `author` writes a record of `category` (epoch 1) for `patient`; the digest is `digest(tag)`. */
    addRecord: (author: PersonaName, patient: PersonaName, category: number, tag: number): Promise<LedgerTransactionResult> =>
      sendLedgerTransaction(connectionOf(author), "addRecord", [personas[patient].account, category, 1, digest(tag)]),
    amendRecord: (author: PersonaName, patient: PersonaName, recordId: bigint, tag: number): Promise<LedgerTransactionResult> =>
      sendLedgerTransaction(connectionOf(author), "amendRecord", [personas[patient].account, recordId, 1, digest(tag)]),
    retractRecord: (author: PersonaName, patient: PersonaName, recordId: bigint, reason: number): Promise<LedgerTransactionResult> =>
      sendLedgerTransaction(connectionOf(author), "retractRecord", [personas[patient].account, recordId, reason]),
    readRecord: (reader: PersonaName, patient: PersonaName, recordId: bigint, purpose: number): Promise<LedgerTransactionResult> =>
      sendLedgerTransaction(connectionOf(reader), "logAccess", [personas[patient].account, recordId, purpose]),
  };
}

/** The entries without their position on the chain: what each event said. */
export function detailsOf(entries: readonly AccessLogEntry[]): AccessLogDetail[] {
  return entries.map(({ blockNumber: _block, logIndex: _index, transactionHash: _hash, timestamp: _time, ...detail }) => detail as AccessLogDetail);
}

/** A hand-made entry for the pure functions' tests: `detail` at block 1, log 0, time `timestamp`. */
export function entryOf(detail: AccessLogDetail, timestamp = 1_700_000_000): AccessLogEntry {
  return { ...detail, blockNumber: 1n, logIndex: 0, transactionHash: digest(0xee), timestamp } as AccessLogEntry;
}

export interface RecordedRequest {
  method: string;
  params?: unknown;
}

/**
 * A read-only connection (the stranger's) whose every JSON-RPC request is recorded, in order. With
 * `logsWithoutTimes`, logs come without their block's time, as older nodes return them.
 */
export function spyingConnection(viem: ViemWorld, { logsWithoutTimes = false } = {}): { connection: LedgerConnection; requests: RecordedRequest[] } {
  const provider = viem.world.connection.provider as { request(args: RecordedRequest): Promise<unknown> };
  const requests: RecordedRequest[] = [];
  const { connection } = viem.through("stranger", {
    request: async (args) => {
      requests.push(args);
      const result = await provider.request(args);
      if (!logsWithoutTimes || args.method !== "eth_getLogs") return result;
      return (result as Record<string, unknown>[]).map(({ blockTimestamp: _dropped, ...log }) => log);
    },
  });
  return { connection, requests };
}
