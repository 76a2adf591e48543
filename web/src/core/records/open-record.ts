/**
 * Opening a record: the chain says where it is and under which epoch; the manifest is checked
 * against the on-chain digest, every part against the manifest, and every chunk by AES-GCM, so
 * nothing unverified is ever decrypted or shown.
 */
import type { Hex } from "../bytes.js";
import { sameAddress } from "../chain/address.js";
import { ledgerContextOf } from "../chain/connection.js";
import { readLedgerEvents } from "../chain/events.js";
import { decryptEnvelope } from "../envelope/index.js";
import { getManifest, readParts } from "../ipfs/index.js";
import type { Address, RecordContext } from "../ledger-context.js";
import { NoScopeKeyError } from "../scope-keys/errors.js";
import { unwrapDataKeyAsPatient, unwrapDataKeyWithScopeKey } from "../scope-keys/data-key-wraps.js";
import { readAllBytes } from "../streams.js";
import { decodeRecordDocument, MAX_DOCUMENT_BYTES, RecordDocumentError, type RecordDocument } from "./document.js";
import { RecordNotFoundError } from "./errors.js";
import { decodeManifest, type RecordManifest } from "./manifest.js";
import type { RecordServices } from "./services.js";

export interface RecordEntry {
  patient: Address;
  recordId: bigint;
  author: Address;
  category: number;
  epoch: number;
  contentDigest: Hex;
  /** The author's hospital when it wrote the record (provenance); zero address for none. */
  facility: Address;
  /** The version this one amends; 0n for an original. */
  supersedes: bigint;
  blockNumber: bigint;
  transactionHash: Hex;
}

export interface OpenRecordOptions {
  signal?: AbortSignal;
  onProgress?(bytesDone: number, bytesTotal: number): void;
}

export interface OpenedRecord {
  entry: RecordEntry;
  document: RecordDocument;
  /** The plaintext of attachment `file` (1 for the first), verified part by part, decrypted as it streams. */
  openAttachment(file: number, options?: OpenRecordOptions): ReadableStream<Uint8Array>;
  /** Forgets the record's data key. */
  close(): void;
}

/** The record's on-chain entry, from its RecordAdded event. */
export async function readRecordEntry(services: Pick<RecordServices, "connection">, patient: Address, recordId: bigint): Promise<RecordEntry> {
  const [event] = await readLedgerEvents(services.connection, "RecordAdded", { patient, recordId });
  if (event === undefined) throw new RecordNotFoundError(patient, recordId);
  const { author, category, epoch, contentDigest, facility, supersedes } = event.args;
  return { patient, recordId, author, category, epoch, contentDigest, facility, supersedes, blockNumber: event.blockNumber, transactionHash: event.transactionHash };
}

function describe(entry: RecordEntry, file?: number): string {
  const record = `record ${entry.recordId} of patient ${entry.patient.slice(0, 6)}…${entry.patient.slice(-4)}`;
  return file === undefined ? record : `${record}, file ${file}`;
}

async function dataKeyOf(services: RecordServices, entry: RecordEntry, manifest: RecordManifest, context: RecordContext): Promise<Uint8Array> {
  if (sameAddress(services.identity.account, entry.patient)) {
    return unwrapDataKeyAsPatient(services.identity, manifest.dataKey, context);
  }
  const { connection, keyring } = services;
  let scopeKey: Uint8Array;
  try {
    scopeKey = keyring.keyFor(entry.patient, entry.category, entry.epoch);
  } catch (error) {
    if (!(error instanceof NoScopeKeyError)) throw error;
    await keyring.sync(connection, entry.patient);
    scopeKey = keyring.keyFor(entry.patient, entry.category, entry.epoch);
  }
  return unwrapDataKeyWithScopeKey(scopeKey, manifest.dataKey, context);
}

export async function openRecord(services: RecordServices, patient: Address, recordId: bigint, options: OpenRecordOptions = {}): Promise<OpenedRecord> {
  const entry = await readRecordEntry(services, patient, recordId);
  const manifest = decodeManifest(await getManifest(services.ipfs, entry.contentDigest, { what: describe(entry), signal: options.signal }));
  const context: RecordContext = { ...ledgerContextOf(services.connection), patient, category: entry.category, epoch: entry.epoch, recordNonce: manifest.recordNonce };
  const dataKey = await dataKeyOf(services, entry, manifest, context);

  const decryptFile = (file: number, fileOptions: OpenRecordOptions = {}) => {
    const parts = manifest.files[file]?.parts;
    if (parts === undefined) throw new RangeError(`${describe(entry)} has no file ${file}`);
    return readParts(services.ipfs, parts, { what: describe(entry, file), ...fileOptions }).pipeThrough(decryptEnvelope(dataKey, context, file));
  };

  try {
    const documentBytes = await readAllBytes(decryptFile(0, options), {
      maxBytes: MAX_DOCUMENT_BYTES,
      tooLong: () => new RecordDocumentError(`it runs past the ${MAX_DOCUMENT_BYTES}-byte limit of a record document`),
    });
    const document = decodeRecordDocument(documentBytes);
    return {
      entry,
      document,
      openAttachment: (file, attachmentOptions) => {
        if (file < 1 || file > document.attachments.length) throw new RangeError(`${describe(entry)} has no attachment ${file}`);
        return decryptFile(file, attachmentOptions);
      },
      close: () => dataKey.fill(0),
    };
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
}
