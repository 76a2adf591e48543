/**
 * Key regression: each epoch's key carries the previous one (previousKeyWrap on chain), so the
 * holder of epoch n's key can walk back to every earlier epoch and never forward.
 */
import type { ScopeKeyContext } from "../ledger-context.js";
import { epochLinkBinding, PURPOSES } from "./bindings.js";
import { boxKey, openKeyBox } from "./key-box.js";

/** The previous key boxed under `newKey`; `context.epoch` is the new key's epoch. */
export function linkPreviousKey(newKey: Uint8Array, previousKey: Uint8Array, context: ScopeKeyContext): Promise<Uint8Array> {
  return boxKey(newKey, previousKey, PURPOSES.epochLink, epochLinkBinding(context));
}

/** The key of epoch `context.epoch - 1`, or null when `link` does not open with `newKey`. */
export function openEpochLink(newKey: Uint8Array, link: Uint8Array, context: ScopeKeyContext): Promise<Uint8Array | null> {
  return openKeyBox(newKey, link, PURPOSES.epochLink, epochLinkBinding(context));
}
