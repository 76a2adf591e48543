/** Byte helpers shared by the core; plain Uint8Array everywhere, so browser and Node behave alike. */

export type Hex = `0x${string}`;

const textEncoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return textEncoder.encode(text);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Constant-time in the length of the inputs, so comparing MACs leaks nothing through timing. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

export function toHex(bytes: Uint8Array): Hex {
  let hex = "0x";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex as Hex;
}

export function fromHex(hex: string): Uint8Array {
  const digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) {
    // The input may be a key: say what is wrong with it, never what it is.
    throw new TypeError(`not a hex byte string (${hex.length} characters)`);
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Big-endian unsigned integer of `length` bytes; throws when `value` does not fit. */
export function uintBE(value: number | bigint, length: number): Uint8Array {
  let remaining = BigInt(value);
  if (remaining < 0n || remaining >= 1n << BigInt(8 * length)) {
    throw new RangeError(`${value} does not fit in ${length} bytes`);
  }
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
  return out;
}

/**
 * The same bytes typed as ArrayBuffer-backed, which WebCrypto's typings (BufferSource) insist on;
 * copies only views of a SharedArrayBuffer.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}
