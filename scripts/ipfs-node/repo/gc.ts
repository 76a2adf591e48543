import type { CID } from "multiformats/cid";

import { blockKey, type BlockRepository } from "./blocks.js";
import { walkDag } from "./dag.js";
import type { PinStore } from "./pins.js";

/**
 * Deletes the blocks of the DAGs under `unpinnedRoots` that no remaining pin reaches. Only those
 * DAGs are candidates: unlike Kubo's `repo gc`, blocks added with pin=false elsewhere are left
 * alone. The caller must hold the repository's exclusive lock.
 */
export async function collectGarbage(blocks: BlockRepository, pins: PinStore, unpinnedRoots: readonly CID[]): Promise<number> {
  const candidates = new Map<string, CID>();
  for (const root of unpinnedRoots) {
    for await (const cid of walkDag(blocks, root, { missing: "skip" })) candidates.set(blockKey(cid), cid);
  }
  if (candidates.size === 0) return 0;

  const live = new Set<string>();
  for (const { cid, mode } of pins.entries()) {
    if (mode === "direct") {
      live.add(blockKey(cid));
      continue;
    }
    for await (const reachable of walkDag(blocks, cid, { missing: "skip" })) live.add(blockKey(reachable));
  }

  let deleted = 0;
  for (const [key, cid] of candidates) {
    if (live.has(key)) continue;
    await blocks.delete(cid);
    deleted++;
  }
  return deleted;
}
