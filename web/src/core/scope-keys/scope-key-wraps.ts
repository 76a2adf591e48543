/** A scope key sealed to one reader (ScopeKeyWrapped on chain), bound to its epoch and recipient. */
import { toHex, type Hex } from "../bytes.js";
import { sealKey } from "../crypto/seal.js";
import type { Identity } from "../identity/identity.js";
import type { Address } from "../ledger-context.js";
import type { ScopeKeyContext } from "../ledger-context.js";
import { PURPOSES, scopeKeyWrapBinding } from "./bindings.js";

export async function sealScopeKey(scopeKey: Uint8Array, context: ScopeKeyContext, recipient: Address, recipientPublicKey: Uint8Array): Promise<Hex> {
  return toHex(await sealKey(recipientPublicKey, scopeKey, PURPOSES.scopeKeyWrap, scopeKeyWrapBinding(context, recipient)));
}

export function openScopeKeyWrap(identity: Identity, wrap: Uint8Array, context: ScopeKeyContext): Promise<Uint8Array | null> {
  return identity.open(wrap, PURPOSES.scopeKeyWrap, scopeKeyWrapBinding(context, identity.account));
}
