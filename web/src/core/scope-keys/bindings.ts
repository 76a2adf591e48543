/**
 * What each key wrap of the scheme is bound to, and under which purpose label. A wrap made for one
 * (ledger, patient, category, epoch, recipient) never opens as any other, nor as another kind of wrap.
 */
import { concatBytes } from "../bytes.js";
import { addressBytes, encodeRecordContext, encodeScopeKeyContext, type Address, type RecordContext, type ScopeKeyContext } from "../ledger-context.js";

export const PURPOSES = {
  scopeKeyWrap: "scope key wrap",
  epochLink: "epoch link",
  dataKeyForPatient: "data key for patient",
  dataKeyUnderScopeKey: "data key under scope key",
} as const;

/** A scope key sealed to `recipient`: the scope-key context ‖ recipient (20). */
export function scopeKeyWrapBinding(context: ScopeKeyContext, recipient: Address): Uint8Array {
  return concatBytes(encodeScopeKeyContext(context), addressBytes(recipient));
}

/** The previous key encrypted under the key of `context.epoch` (the new one). */
export function epochLinkBinding(context: ScopeKeyContext): Uint8Array {
  return encodeScopeKeyContext(context);
}

/** Both wraps of a record's data key. */
export function dataKeyBinding(context: RecordContext): Uint8Array {
  return encodeRecordContext(context);
}
