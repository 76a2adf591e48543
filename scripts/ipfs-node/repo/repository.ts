import { mkdir } from "node:fs/promises";
import path from "node:path";

import { BlockRepository } from "./blocks.js";
import { loadOrCreateIdentity, type NodeIdentity } from "./identity.js";
import { ReadWriteLock } from "./lock.js";
import { PinStore } from "./pins.js";

/** Everything the node keeps, under one data directory (`.data/ipfs` for npm start). */
export interface Repository {
  dataDir: string;
  blocks: BlockRepository;
  pins: PinStore;
  identity: NodeIdentity;
  lock: ReadWriteLock;
  close(): Promise<void>;
}

export async function openRepository(dataDir: string): Promise<Repository> {
  await mkdir(dataDir, { recursive: true });
  const blocks = await BlockRepository.open(path.join(dataDir, "blocks"));
  let pins: PinStore;
  let identity: NodeIdentity;
  try {
    pins = await PinStore.open(path.join(dataDir, "pins.json"));
    identity = await loadOrCreateIdentity(path.join(dataDir, "identity.json"));
  } catch (error) {
    // A damaged pins.json or identity.json must not leave the blockstore open behind the error.
    await blocks.close();
    throw error;
  }
  return {
    dataDir,
    blocks,
    pins,
    identity,
    lock: new ReadWriteLock(),
    async close() {
      try {
        await pins.flush();
      } finally {
        await blocks.close();
      }
    },
  };
}
