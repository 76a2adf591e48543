/**
 * Adding a record: keys, encryption, IPFS and the chain, in the one order that leaves nothing
 * behind on failure. Parts and manifest are pinned before the transaction; if the transaction is
 * rejected or reverts, they are unpinned again, so the chain never points at missing content and
 * IPFS keeps no orphan of a record that does not exist.
 */
import type { Resource } from "@medplum/fhirtypes";

import { fromHex, toHex, type Hex } from "../bytes.js";
import { sameAddress } from "../chain/address.js";
import { ledgerContextOf } from "../chain/connection.js";
import { LedgerRevertError, TransactionRejectedError } from "../chain/errors.js";
import { sendLedgerTransaction, type TransactionStatus } from "../chain/transactions.js";
import { readEncryptionKey, ZERO_KEY } from "../chain/views.js";
import { randomBytes } from "../crypto/webcrypto.js";
import { DEFAULT_CHUNK_SIZE, DEFAULT_CHUNKS_PER_PART, encryptEnvelope, envelopeLength, envelopePartLengths } from "../envelope/index.js";
import { manifestCid, MAX_PART_BYTES, putManifest, unpin, uploadParts, type StoredPart } from "../ipfs/index.js";
import { RECORD_NONCE_LENGTH, type Address, type RecordContext } from "../ledger-context.js";
import { unwrapDataKeyAsPatient, unwrapDataKeyWithScopeKey, wrapDataKey } from "../scope-keys/data-key-wraps.js";
import { ensureWritableEpoch } from "../scope-keys/rotation.js";
import { streamOfBytes } from "../streams.js";
import type { AttachmentSource } from "./attachment-source.js";
import { encodeRecordDocument, FHIR_VERSION } from "./document.js";
import { encodeManifest } from "./manifest.js";
import { PatientWithoutEncryptionKeyError, RecordNotStoredError } from "./errors.js";
import type { RecordServices } from "./services.js";
import type { UploadCheckpoint } from "./upload-checkpoint.js";

export interface NewRecord {
  patient: Address;
  category: number;
  resource: Resource;
  attachments?: readonly AttachmentSource[];
  /** Amend this record instead of adding a new one (only its author may). */
  supersedes?: bigint;
}

export type AddRecordProgress =
  | { step: "preparing-keys" }
  /** The category's scope key is being created or rotated first: a transaction of its own. */
  | { step: "key-transaction"; status: TransactionStatus }
  | { step: "encrypting-and-uploading"; bytesDone: number; bytesTotal: number }
  | { step: "storing-manifest" }
  | { step: "transaction"; status: TransactionStatus }
  | { step: "removing-upload" };

export interface AddRecordOptions {
  onProgress?(progress: AddRecordProgress): void;
  /** From an earlier attempt's onCheckpoint: parts already pinned are not uploaded again. */
  resumeFrom?: UploadCheckpoint;
  /** Called as each part is pinned; persist it (it holds no key and no PHI) to resume later. */
  onCheckpoint?(checkpoint: UploadCheckpoint): void;
  signal?: AbortSignal;
  chunkSize?: number;
}

export interface AddedRecord {
  recordId: bigint;
  contentDigest: Hex;
  transactionHash: Hex;
}

interface PlannedFile {
  size: number;
  open(): ReadableStream<Uint8Array>;
}

function bytesSource(bytes: Uint8Array): PlannedFile {
  return { size: bytes.length, open: () => streamOfBytes(bytes) };
}

function plannedFiles(record: NewRecord): PlannedFile[] {
  const attachments = record.attachments ?? [];
  const document = encodeRecordDocument({
    fhirVersion: FHIR_VERSION,
    resource: record.resource,
    attachments: attachments.map((attachment, i) => ({ file: i + 1, contentType: attachment.contentType, title: attachment.title, size: attachment.size })),
  });
  return [bytesSource(document), ...attachments];
}

/** A checkpoint is only reusable for the same patient, category and epoch: its ciphertext is bound to them. */
function resumable(checkpoint: UploadCheckpoint | undefined, record: NewRecord, epoch: number, fileCount: number, chunkSize: number) {
  return (
    checkpoint !== undefined &&
    sameAddress(checkpoint.patient, record.patient) &&
    checkpoint.category === record.category &&
    checkpoint.epoch === epoch &&
    checkpoint.chunkSize === chunkSize &&
    checkpoint.files.length === fileCount
  );
}

async function recoverDataKey(services: RecordServices, checkpoint: UploadCheckpoint, context: RecordContext, scopeKey: Uint8Array) {
  const wraps = { forPatient: fromHex(checkpoint.dataKey.forPatient), underScopeKey: fromHex(checkpoint.dataKey.underScopeKey) };
  return sameAddress(services.identity.account, context.patient)
    ? unwrapDataKeyAsPatient(services.identity, wraps, context)
    : unwrapDataKeyWithScopeKey(scopeKey, wraps, context);
}

export async function addRecord(services: RecordServices, record: NewRecord, options: AddRecordOptions = {}): Promise<AddedRecord> {
  const { connection, identity, keyring, ipfs } = services;
  const { onProgress, signal } = options;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  // Checked before any key transaction: the largest upload part (the first, header included) must
  // fit the IPFS layer's part limit.
  const largestPart = envelopePartLengths(DEFAULT_CHUNKS_PER_PART * chunkSize, DEFAULT_CHUNKS_PER_PART, chunkSize)[0]!;
  if (largestPart > MAX_PART_BYTES) {
    throw new RangeError(`chunk size ${chunkSize} is too large: ${DEFAULT_CHUNKS_PER_PART} chunks per upload part must fit in ${MAX_PART_BYTES} bytes`);
  }
  const files = plannedFiles(record);

  onProgress?.({ step: "preparing-keys" });
  const patientKey = await readEncryptionKey(connection, record.patient);
  if (patientKey === ZERO_KEY) throw new PatientWithoutEncryptionKeyError(record.patient);
  const { epoch, scopeKey } = await ensureWritableEpoch(connection, identity, keyring, record.patient, record.category, {
    onStatus: (status) => onProgress?.({ step: "key-transaction", status }),
  });

  const resume = resumable(options.resumeFrom, record, epoch, files.length, chunkSize) ? options.resumeFrom : undefined;
  if (options.resumeFrom !== undefined && resume === undefined) {
    // The key rotated (or the record changed shape) since: those parts can never be used, so drop them.
    await unpin(ipfs, options.resumeFrom.files.flatMap((file) => file.parts.map((part) => part.cid)), { signal });
  }
  const recordNonce = resume ? fromHex(resume.recordNonce) : randomBytes(RECORD_NONCE_LENGTH);
  const context: RecordContext = { ...ledgerContextOf(connection), patient: record.patient, category: record.category, epoch, recordNonce };
  const dataKey = resume ? await recoverDataKey(services, resume, context, scopeKey) : randomBytes(32);
  try {
    const wraps = await wrapDataKey(dataKey, { patientPublicKey: fromHex(patientKey), scopeKey, context });
    const checkpoint: UploadCheckpoint = {
      patient: record.patient,
      category: record.category,
      epoch,
      recordNonce: toHex(recordNonce),
      dataKey: { forPatient: toHex(wraps.forPatient), underScopeKey: toHex(wraps.underScopeKey) },
      chunkSize,
      files: files.map((_, i) => ({ salt: resume?.files[i]?.salt ?? toHex(randomBytes(32)), parts: [...(resume?.files[i]?.parts ?? [])] })),
    };

    const partLengths = files.map((file) => envelopePartLengths(file.size, undefined, chunkSize));
    const fileLengths = files.map((file) => envelopeLength(file.size, chunkSize));
    const bytesTotal = fileLengths.reduce((total, length) => total + length, 0);
    // The upload step starts before its first byte is stored: a node that is down fails it, not the key step.
    onProgress?.({ step: "encrypting-and-uploading", bytesDone: 0, bytesTotal });
    let bytesBefore = 0;
    const stored: StoredPart[][] = [];
    for (const [index, file] of files.entries()) {
      const progressBase = bytesBefore;
      const fileCheckpoint = checkpoint.files[index]!;
      const ciphertext = file.open().pipeThrough(encryptEnvelope(dataKey, context, index, { chunkSize, salt: fromHex(fileCheckpoint.salt) }));
      stored.push(
        await uploadParts(ipfs, ciphertext, {
          partLengths: partLengths[index]!,
          alreadyStored: fileCheckpoint.parts,
          signal,
          onProgress: (done) => onProgress?.({ step: "encrypting-and-uploading", bytesDone: progressBase + done, bytesTotal }),
          onPartStored: (partIndex, part) => {
            fileCheckpoint.parts[partIndex] = part;
            options.onCheckpoint?.(checkpoint);
          },
        }),
      );
      bytesBefore += fileLengths[index]!;
    }

    onProgress?.({ step: "storing-manifest" });
    const manifest = encodeManifest({
      recordNonce,
      dataKey: wraps,
      chunkSize,
      files: stored.map((parts, i) => ({ length: fileLengths[i]!, parts })),
    });
    const contentDigest = await putManifest(ipfs, manifest, { signal });
    const pinned = [...stored.flat().map((part) => part.cid), manifestCid(contentDigest)];
    return await sendRecordTransaction(services, record, epoch, contentDigest, pinned, onProgress);
  } finally {
    dataKey.fill(0);
  }
}

async function sendRecordTransaction(
  services: RecordServices,
  record: NewRecord,
  epoch: number,
  contentDigest: Hex,
  pinned: string[],
  onProgress: AddRecordOptions["onProgress"],
): Promise<AddedRecord> {
  let broadcast = false;
  const onStatus = (status: TransactionStatus) => {
    if (status.stage === "pending") broadcast = true;
    onProgress?.({ step: "transaction", status });
  };
  try {
    const { hash, events } =
      record.supersedes === undefined
        ? await sendLedgerTransaction(services.connection, "addRecord", [record.patient, record.category, epoch, contentDigest], { onStatus })
        : await sendLedgerTransaction(services.connection, "amendRecord", [record.patient, record.supersedes, epoch, contentDigest], { onStatus });
    const added = events.find((event) => event.eventName === "RecordAdded");
    if (added?.eventName !== "RecordAdded") throw new RecordNotStoredError("the transaction succeeded without a RecordAdded event");
    return { recordId: added.args.recordId, contentDigest, transactionHash: hash };
  } catch (error) {
    // A transaction that was broadcast and then lost track of (not a revert) may still be mined:
    // unpinning then could leave the chain pointing at nothing, so only certain failures clean up.
    const certainlyNotStored = !broadcast || error instanceof LedgerRevertError || error instanceof TransactionRejectedError;
    if (!certainlyNotStored) throw error;
    onProgress?.({ step: "removing-upload" });
    await unpin(services.ipfs, pinned).catch((cleanupError: unknown) => {
      throw new RecordNotStoredError("the transaction failed and its upload could not be removed from IPFS", { cause: [error, cleanupError] });
    });
    throw error;
  }
}
