/**
 * Writing an envelope as a web stream: plaintext pieces of any size in; the header, then one piece
 * per sealed chunk out. Memory stays at about one chunk whatever the file size.
 */
import { concatBytes } from "../bytes.js";
import { aesGcmEncrypt, randomBytes } from "../crypto/webcrypto.js";
import type { RecordContext } from "../ledger-context.js";
import { ByteQueue } from "./byte-queue.js";
import { DEFAULT_CHUNK_SIZE, encodeHeaderFields, SALT_LENGTH } from "./format.js";
import { checkDataKey, envelopeAad, sealingKeys } from "./keys.js";
import { chunkNonce } from "./nonce.js";

export interface EncryptEnvelopeOptions {
  /** A power of two from 4 KiB to 16 MiB; 1 MiB unless given. */
  chunkSize?: number;
  /** 32 bytes; random unless given. Fixed salts are for test vectors only. */
  salt?: Uint8Array;
}

/**
 * Encrypts file `fileIndex` of the record at `context` under its 32-byte data key. Invalid
 * arguments throw at once; the stream errors only if WebCrypto does.
 */
export function encryptEnvelope(
  dataKey: Uint8Array,
  context: RecordContext,
  fileIndex: number,
  options: EncryptEnvelopeOptions = {},
): TransformStream<Uint8Array, Uint8Array> {
  checkDataKey(dataKey);
  const aad = envelopeAad(context, fileIndex);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const salt = options.salt ?? randomBytes(SALT_LENGTH);
  const fieldBytes = encodeHeaderFields({ chunkSize, salt });
  const keys = sealingKeys(dataKey, fieldBytes, salt, aad);
  const pending = new ByteQueue();
  let nextChunk = 0;

  async function sealChunk(plaintext: Uint8Array, isFinal: boolean): Promise<Uint8Array> {
    const { payloadKey } = await keys;
    return aesGcmEncrypt(payloadKey, chunkNonce(nextChunk++, isFinal), plaintext, aad);
  }

  return new TransformStream<Uint8Array, Uint8Array>({
    async start(controller) {
      controller.enqueue(concatBytes(fieldBytes, (await keys).mac));
    },
    async transform(piece, controller) {
      pending.push(piece);
      // A full chunk is known not to be the final one only once a further byte has arrived.
      while (pending.length > chunkSize) controller.enqueue(await sealChunk(pending.take(chunkSize), false));
    },
    async flush(controller) {
      controller.enqueue(await sealChunk(pending.take(pending.length), true));
    },
  });
}
