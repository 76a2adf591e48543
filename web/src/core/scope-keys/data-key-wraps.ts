/**
 * The two wraps of a record's data key, kept in the record manifest (never on chain): one sealed
 * to the patient, one boxed under the scope key of the record's category and epoch, both bound to
 * the record's context.
 */
import { sealKey } from "../crypto/seal.js";
import type { Identity } from "../identity/identity.js";
import type { RecordContext } from "../ledger-context.js";
import { dataKeyBinding, PURPOSES } from "./bindings.js";
import { DataKeyUnwrapError } from "./errors.js";
import { boxKey, openKeyBox } from "./key-box.js";

export interface DataKeyWraps {
  /** Sealed to the patient's X25519 key (81 bytes). */
  forPatient: Uint8Array;
  /** Boxed under the scope key of (patient, category, epoch) (49 bytes). */
  underScopeKey: Uint8Array;
}

export interface DataKeyRecipients {
  patientPublicKey: Uint8Array;
  scopeKey: Uint8Array;
  context: RecordContext;
}

export async function wrapDataKey(dataKey: Uint8Array, { patientPublicKey, scopeKey, context }: DataKeyRecipients): Promise<DataKeyWraps> {
  const binding = dataKeyBinding(context);
  const [forPatient, underScopeKey] = await Promise.all([
    sealKey(patientPublicKey, dataKey, PURPOSES.dataKeyForPatient, binding),
    boxKey(scopeKey, dataKey, PURPOSES.dataKeyUnderScopeKey, binding),
  ]);
  return { forPatient, underScopeKey };
}

export async function unwrapDataKeyAsPatient(identity: Identity, wraps: Pick<DataKeyWraps, "forPatient">, context: RecordContext): Promise<Uint8Array> {
  const dataKey = await identity.open(wraps.forPatient, PURPOSES.dataKeyForPatient, dataKeyBinding(context));
  if (dataKey === null) throw new DataKeyUnwrapError(`with the encryption key of ${identity.account}`);
  return dataKey;
}

export async function unwrapDataKeyWithScopeKey(scopeKey: Uint8Array, wraps: Pick<DataKeyWraps, "underScopeKey">, context: RecordContext): Promise<Uint8Array> {
  const dataKey = await openKeyBox(scopeKey, wraps.underScopeKey, PURPOSES.dataKeyUnderScopeKey, dataKeyBinding(context));
  if (dataKey === null) throw new DataKeyUnwrapError(`with the scope key of epoch ${context.epoch}`);
  return dataKey;
}
