import * as dagPb from "@ipld/dag-pb";
import type { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { identity } from "multiformats/hashes/identity";

import { blockKey, MissingBlockError, type BlockRepository } from "./blocks.js";

/** UnixFS as Kubo's `add` writes it: dag-pb nodes over raw or dag-pb leaves. */
export function isSupportedCodec(cid: CID): boolean {
  return cid.code === dagPb.code || cid.code === raw.code;
}

export interface WalkOptions {
  /** Pinning needs the whole DAG; collecting garbage takes what is left of it. */
  missing: "throw" | "skip";
  signal?: AbortSignal;
}

/**
 * Every block of the DAG under `root`, each once (by multihash), root first. Raw blocks have no
 * links, so they are only checked for presence, never read.
 */
export async function* walkDag(blocks: BlockRepository, root: CID, options: WalkOptions): AsyncGenerator<CID> {
  const seen = new Set<string>();
  const pending: CID[] = [root];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const key = blockKey(next);
    if (seen.has(key)) continue;
    seen.add(key);
    options.signal?.throwIfAborted();
    // Identity CIDs carry their bytes inline; there is no block to keep or to lose.
    if (next.multihash.code === identity.code) continue;
    if (next.code === raw.code) {
      if (await blocks.has(next)) yield next;
      else if (options.missing === "throw") throw new MissingBlockError(next);
      continue;
    }
    if (next.code !== dagPb.code) throw new UnsupportedCodecError(next);
    let block: Uint8Array;
    try {
      block = await blocks.get(next, options.signal);
    } catch (error) {
      if (error instanceof MissingBlockError && options.missing === "skip") continue;
      throw error;
    }
    yield next;
    const links = dagPb.decode(block).Links;
    // Reversed onto the stack, so children come out in file order.
    for (let i = links.length - 1; i >= 0; i--) pending.push((links[i] as dagPb.PBLink).Hash);
  }
}

export class UnsupportedCodecError extends Error {
  constructor(readonly cid: CID) {
    super(`${cid.toString()} uses codec 0x${cid.code.toString(16)}; this dev node handles only dag-pb and raw (UnixFS files)`);
    this.name = "UnsupportedCodecError";
  }
}
