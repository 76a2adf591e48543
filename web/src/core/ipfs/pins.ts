import { IpfsNotPinnedError } from "./errors.js";
import type { IpfsCallOptions, IpfsStore } from "./store.js";

/** Whether `cid` is pinned recursively, i.e. will stay on the node with everything under it. */
export async function isPinned(store: IpfsStore, cid: string, options: IpfsCallOptions = {}): Promise<boolean> {
  try {
    await store.pinLs(cid, options);
    return true;
  } catch (error) {
    if (error instanceof IpfsNotPinnedError) return false;
    throw error;
  }
}

/**
 * Unpins each CID; one already unpinned is fine, so undoing a half-finished upload (or a retried
 * undo) never fails on what is already gone.
 */
export async function unpin(store: IpfsStore, cids: Iterable<string>, options: IpfsCallOptions = {}): Promise<void> {
  for (const cid of new Set(cids)) {
    try {
      await store.pinRm(cid, options);
    } catch (error) {
      if (!(error instanceof IpfsNotPinnedError)) throw error;
    }
  }
}
