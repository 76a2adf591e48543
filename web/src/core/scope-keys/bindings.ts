/**
 * What each key wrap of the scheme is bound to, and under which purpose label. A wrap made for one
 * (ledger, patient, category, epoch, recipient) never opens as any other, nor as another kind of wrap.
 */
import { concatBytes, uintBE } from "../bytes.js";
import { addressBytes, encodeLedgerContext, encodeRecordContext, type Address, type LedgerContext, type RecordContext } from "../ledger-context.js";

export const PURPOSES = {
  scopeKeyWrap: "scope key wrap",
  epochLink: "epoch link",
  dataKeyForPatient: "data key for patient",
  dataKeyUnderScopeKey: "data key under scope key",
} as const;

/** One epoch of one patient's category key. RecordContext is one too, plus its record nonce. */
export interface ScopeKeyContext extends LedgerContext {
  patient: Address;
  category: number;
  epoch: number;
}

/** chainId (u64) ‖ contract (20) ‖ patient (20) ‖ category (u8) ‖ epoch (u32). */
function encodeScopeKeyContext(context: ScopeKeyContext): Uint8Array {
  return concatBytes(
    encodeLedgerContext(context),
    addressBytes(context.patient),
    uintBE(context.category, 1),
    uintBE(context.epoch, 4),
  );
}

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
