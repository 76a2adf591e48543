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
  const pins = await PinStore.open(path.join(dataDir, "pins.json"));
  const identity = await loadOrCreateIdentity(path.join(dataDir, "identity.json"));
  return {
    dataDir,
    blocks,
    pins,
    identity,
    lock: new ReadWriteLock(),
    async close() {
      await pins.flush();
      await blocks.close();
    },
  };
}
