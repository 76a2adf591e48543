/** Signature re-encodings and fake signers for identity tests. */
import { createWalletClient, custom } from "viem";

import { concatBytes, fromHex, toHex, uintBE, type Hex } from "../../web/src/core/bytes.js";
import { randomBytes } from "../../web/src/core/crypto/webcrypto.js";
import { walletClientSigner, type IdentitySigner } from "../../web/src/core/identity/signer.js";
import type { EncryptionKeyTypedData } from "../../web/src/core/identity/typed-data.js";
import type { Address } from "../../web/src/core/ledger-context.js";
import { openNetwork } from "./fixture.js";

const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function parts(signature: Hex): { r: Uint8Array; s: bigint; v: number } {
  const bytes = fromHex(signature);
  return { r: bytes.subarray(0, 32), s: BigInt(toHex(bytes.subarray(32, 64))), v: bytes[64] as number };
}

/** The other valid encoding of the same ECDSA signature: s ↦ n − s, with the recovery bit flipped. */
export function highSTwin(signature: Hex): Hex {
  const { r, s, v } = parts(signature);
  return toHex(concatBytes(r, uintBE(CURVE_ORDER - s, 32), Uint8Array.of(v === 27 ? 28 : v === 28 ? 27 : v ^ 1)));
}

/** EIP-2098: r ‖ (yParity << 255 | s), 64 bytes. */
export function compactForm(signature: Hex): Hex {
  const { r, s, v } = parts(signature);
  const yParity = BigInt(v === 27 || v === 0 ? 0 : 1);
  return toHex(concatBytes(r, uintBE((yParity << 255n) | s, 32)));
}

/** A wallet that counts its signatures and can rewrite them: stands in for hardware and smart-contract wallets. */
export function countingSigner(
  inner: IdentitySigner,
  rewrite: (signature: Hex, call: number) => Hex = (signature) => signature,
): IdentitySigner & { calls: EncryptionKeyTypedData[] } {
  const calls: EncryptionKeyTypedData[] = [];
  return {
    account: inner.account,
    calls,
    signTypedData: async (typedData) => {
      calls.push(typedData);
      return rewrite(await inner.signTypedData(typedData), calls.length);
    },
  };
}

/** A wallet whose every signature is fresh randomness, as a non-deterministic signer's would look. */
export function randomizedSigner(account: Address): IdentitySigner {
  return { account, signTypedData: async () => toHex(concatBytes(randomBytes(64), Uint8Array.of(27))) };
}

/** Signers for the first `count` non-admin accounts of a fresh in-process network (real eth_signTypedData_v4). */
export async function networkSigners(count: number): Promise<IdentitySigner[]> {
  const { connection, others } = await openNetwork();
  return others.slice(0, count).map(({ address }) =>
    walletClientSigner(createWalletClient({ account: address as Address, transport: custom(connection.provider) })),
  );
}
