/**
 * Reading an envelope as a web stream: ciphertext pieces of any size in, plaintext out one chunk at
 * a time, each only after it authenticated. The output is complete only when the stream closes
 * without error; on error, discard everything it produced.
 */
import { aesGcmDecrypt } from "../crypto/webcrypto.js";
import type { RecordContext } from "../ledger-context.js";
import { ByteQueue } from "./byte-queue.js";
import {
  EnvelopeCorruptedError,
  EnvelopeTrailingDataError,
  EnvelopeTruncatedError,
} from "./errors.js";
import { HEADER_LENGTH, parseHeader, shortHeaderError, TAG_LENGTH } from "./format.js";
import { checkDataKey, envelopeAad, openingKey } from "./keys.js";
import { chunkNonce } from "./nonce.js";

/** Opens the sealed chunks of one envelope in order, telling each failure apart (docs/envelope.md, "Errors"). */
class ChunkOpener {
  readonly sealedChunkLength: number;
  #nextChunk = 0;

  constructor(
    private readonly payloadKey: CryptoKey,
    private readonly aad: Uint8Array,
    chunkSize: number,
  ) {
    this.sealedChunkLength = chunkSize + TAG_LENGTH;
  }

  /** A full-length chunk with more bytes after it. */
  async openMiddle(sealed: Uint8Array): Promise<Uint8Array> {
    const plaintext = await this.#open(sealed, false);
    if (plaintext !== null) return this.#accepted(plaintext);
    // A full-length final chunk opens with the final flag: then what follows it is extra data.
    if ((await this.#open(sealed, true)) !== null) throw new EnvelopeTrailingDataError(this.#nextChunk);
    throw new EnvelopeCorruptedError(this.#nextChunk);
  }

  /** The bytes left when the input ended: a valid envelope's final chunk. */
  async openFinal(sealed: Uint8Array): Promise<Uint8Array> {
    // Shorter than a tag cannot be a chunk, and only the first chunk may be empty.
    if (sealed.length < TAG_LENGTH || (sealed.length === TAG_LENGTH && this.#nextChunk > 0)) {
      throw new EnvelopeTruncatedError(this.#nextChunk);
    }
    const plaintext = await this.#open(sealed, true);
    if (plaintext !== null) return this.#accepted(plaintext);
    // A middle chunk where the final one should be: the input was cut at a chunk boundary.
    if (sealed.length === this.sealedChunkLength && (await this.#open(sealed, false)) !== null) {
      throw new EnvelopeTruncatedError(this.#nextChunk + 1);
    }
    // A cut inside a chunk cannot be told apart from an altered final chunk: both fail the tag.
    throw new EnvelopeCorruptedError(this.#nextChunk);
  }

  #open(sealed: Uint8Array, isFinal: boolean): Promise<Uint8Array | null> {
    return aesGcmDecrypt(this.payloadKey, chunkNonce(this.#nextChunk, isFinal), sealed, this.aad);
  }

  #accepted(plaintext: Uint8Array): Uint8Array {
    this.#nextChunk++;
    return plaintext;
  }
}

/**
 * Decrypts file `fileIndex` of the record at `context` under its 32-byte data key. Invalid
 * arguments throw at once; bad input errors the stream with an EnvelopeError subclass.
 */
export function decryptEnvelope(dataKey: Uint8Array, context: RecordContext, fileIndex: number): TransformStream<Uint8Array, Uint8Array> {
  checkDataKey(dataKey);
  const aad = envelopeAad(context, fileIndex);
  const pending = new ByteQueue();
  let opener: ChunkOpener | undefined;

  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(piece, controller) {
      pending.push(piece);
      if (opener === undefined) {
        if (pending.length < HEADER_LENGTH) return;
        const header = parseHeader(pending.take(HEADER_LENGTH));
        opener = new ChunkOpener(await openingKey(dataKey, header, aad), aad, header.chunkSize);
      }
      // Hold back one sealed chunk until more input shows it is not the final one.
      while (pending.length > opener.sealedChunkLength) {
        controller.enqueue(await opener.openMiddle(pending.take(opener.sealedChunkLength)));
      }
    },
    async flush(controller) {
      if (opener === undefined) throw shortHeaderError(pending.length);
      const plaintext = await opener.openFinal(pending.take(pending.length));
      if (plaintext.length > 0) controller.enqueue(plaintext);
    },
  });
}
