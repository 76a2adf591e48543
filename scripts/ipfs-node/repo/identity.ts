import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";

import { base58btc } from "multiformats/bases/base58";
import { identity as identityHash } from "multiformats/hashes/identity";

export interface NodeIdentity {
  /** A libp2p peer ID ("12D3KooW…") as Kubo's `id` reports one. */
  peerId: string;
  /** The libp2p protobuf of the public key, base64, as in Kubo's `id` output. */
  publicKey: string;
}

/**
 * The node runs no libp2p, so its identity only has to look like Kubo's and stay put across
 * restarts: the ID of an Ed25519 key made on first start. The private key is thrown away, since
 * nothing here ever signs; the ID proves nothing and must not be used to address this node.
 */
export async function loadOrCreateIdentity(file: string): Promise<NodeIdentity> {
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, "utf8")) as Partial<NodeIdentity>;
    if (typeof stored.peerId !== "string" || typeof stored.publicKey !== "string") {
      throw new Error(`${file} is damaged (expected {"peerId","publicKey"}); delete it to get a new identity`);
    }
    return { peerId: stored.peerId, publicKey: stored.publicKey };
  }
  const created = newIdentity();
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(created, null, 2)}\n`);
  await rename(temporary, file);
  return created;
}

function newIdentity(): NodeIdentity {
  const { publicKey } = generateKeyPairSync("ed25519");
  // The raw 32-byte key ends the SPKI encoding.
  const rawKey = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  // libp2p PublicKey protobuf: field 1 (KeyType) = 1 (Ed25519), field 2 (Data) = 32 bytes.
  const protobuf = Buffer.concat([Buffer.from([0x08, 0x01, 0x12, 0x20]), rawKey]);
  // Keys this short are inlined in the peer ID with the identity multihash.
  const peerId = base58btc.baseEncode(identityHash.digest(protobuf).bytes);
  return { peerId, publicKey: protobuf.toString("base64") };
}
