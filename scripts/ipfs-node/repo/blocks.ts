import { FsBlockstore } from "blockstore-fs";
import { base32 } from "multiformats/bases/base32";
import type { CID } from "multiformats/cid";

/** A block the repository does not hold; this node never fetches from the network. */
export class MissingBlockError extends Error {
  constructor(readonly cid: CID) {
    super(`block ${cid.toString()} is not in this node's blockstore (this dev node holds only what was added to it)`);
    this.name = "MissingBlockError";
  }
}

/**
 * Blocks are filed by multihash, as blockstore-fs (and Kubo) do: the same bytes under a CIDv0 and a
 * CIDv1, or as dag-pb and raw, are one block on disk. Reachability in garbage collection uses the
 * same key, or it would delete a block still reachable under another CID.
 */
export function blockKey(cid: CID): string {
  return base32.encode(cid.multihash.bytes);
}

/** The blockstore under the data directory, with reads that say which block is missing. */
export class BlockRepository {
  private constructor(readonly store: FsBlockstore) {}

  static async open(directory: string): Promise<BlockRepository> {
    const store = new FsBlockstore(directory);
    await store.open();
    return new BlockRepository(store);
  }

  async get(cid: CID, signal?: AbortSignal): Promise<Uint8Array> {
    if (!(await this.store.has(cid))) throw new MissingBlockError(cid);
    const chunks: Uint8Array[] = [];
    let length = 0;
    try {
      for await (const chunk of this.store.get(cid, { signal })) {
        chunks.push(chunk);
        length += chunk.length;
      }
    } catch (error) {
      // Deleted by a collection between has() and the read.
      if (error instanceof Error && error.name === "NotFoundError") throw new MissingBlockError(cid);
      throw error;
    }
    return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, length);
  }

  has(cid: CID): Promise<boolean> {
    return this.store.has(cid);
  }

  delete(cid: CID): Promise<void> {
    return this.store.delete(cid);
  }

  /** What ipfs-unixfs-exporter reads through: blocks whole, misses as MissingBlockError. */
  readonly reader = {
    get: (cid: CID, options?: { signal?: AbortSignal }) => this.readWhole(cid, options?.signal),
  };

  private async *readWhole(cid: CID, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    yield await this.get(cid, signal);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
