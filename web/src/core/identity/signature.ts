/**
 * The key material of an identity: r ‖ s of the wallet's secp256k1 signature, with s normalised to
 * the low half of the curve order, so the two valid encodings of one signature give one key.
 */
import { concatBytes, fromHex, toHex, uintBE, type Hex } from "../bytes.js";
import { MalformedSignatureError } from "./errors.js";

const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_ORDER = CURVE_ORDER >> 1n;
const EIP2098_S_MASK = (1n << 255n) - 1n;
const VALID_V = new Set([0, 1, 27, 28]);

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt(toHex(bytes));
}

function parse(signature: Hex): { r: bigint; s: bigint } {
  let bytes: Uint8Array;
  try {
    bytes = fromHex(signature);
  } catch {
    throw new MalformedSignatureError("not hex");
  }
  if (bytes.length === 65) {
    if (!VALID_V.has(bytes[64] as number)) throw new MalformedSignatureError(`recovery byte ${bytes[64]}`);
    return { r: toBigInt(bytes.subarray(0, 32)), s: toBigInt(bytes.subarray(32, 64)) };
  }
  if (bytes.length === 64) {
    // EIP-2098 compact form: the top bit of the second word is the y parity, the rest is s.
    return { r: toBigInt(bytes.subarray(0, 32)), s: toBigInt(bytes.subarray(32, 64)) & EIP2098_S_MASK };
  }
  throw new MalformedSignatureError(`${bytes.length} bytes instead of 65 or 64`);
}

/** r ‖ low-s (64 bytes); throws MalformedSignatureError unless 0 < r, s < n. */
export function signatureKeyMaterial(signature: Hex): Uint8Array {
  const { r, s } = parse(signature);
  if (r === 0n || r >= CURVE_ORDER) throw new MalformedSignatureError("r out of range");
  if (s === 0n || s >= CURVE_ORDER) throw new MalformedSignatureError("s out of range");
  const lowS = s > HALF_ORDER ? CURVE_ORDER - s : s;
  return concatBytes(uintBE(r, 32), uintBE(lowS, 32));
}
