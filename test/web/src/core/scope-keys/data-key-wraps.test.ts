import { describe, expect, it } from "vitest";

import { SEALED_KEY_LENGTH } from "../../../../../web/src/core/crypto/seal.js";
import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { Identity } from "../../../../../web/src/core/identity/identity.js";
import type { RecordContext } from "../../../../../web/src/core/ledger-context.js";
import {
  unwrapDataKeyAsPatient,
  unwrapDataKeyWithScopeKey,
  wrapDataKey,
} from "../../../../../web/src/core/scope-keys/data-key-wraps.js";
import { DataKeyUnwrapError } from "../../../../../web/src/core/scope-keys/errors.js";
import { KEY_BOX_LENGTH } from "../../../../../web/src/core/scope-keys/key-box.js";

const patient = new Identity("0x14dc79964da2c08b23698b3d3cc7ca32193d9955", randomBytes(32));
const context: RecordContext = {
  chainId: 31337,
  contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  patient: patient.account,
  category: 1,
  epoch: 3,
  recordNonce: randomBytes(16),
};

async function wrapped() {
  const dataKey = randomBytes(32);
  const scopeKey = randomBytes(32);
  const wraps = await wrapDataKey(dataKey, { patientPublicKey: patient.publicKey, scopeKey, context });
  return { dataKey, scopeKey, wraps };
}

describe("wrapDataKey", () => {
  it("makes an 81-byte wrap for the patient and a 49-byte one under the scope key", async () => {
    const { wraps } = await wrapped();
    expect(wraps.forPatient).toHaveLength(SEALED_KEY_LENGTH);
    expect(wraps.underScopeKey).toHaveLength(KEY_BOX_LENGTH);
  });
});

describe("unwrapDataKeyAsPatient", () => {
  it("returns the data key to the patient", async () => {
    const { dataKey, wraps } = await wrapped();
    expect(await unwrapDataKeyAsPatient(patient, wraps, context)).toEqual(dataKey);
  });

  it("throws DataKeyUnwrapError for someone else, or another record's context", async () => {
    const { wraps } = await wrapped();
    const other = new Identity("0x90f79bf6eb2c4f870365e785982e1f101e93b906", randomBytes(32));
    await expect(unwrapDataKeyAsPatient(other, wraps, context)).rejects.toThrow(DataKeyUnwrapError);
    await expect(unwrapDataKeyAsPatient(patient, wraps, { ...context, recordNonce: randomBytes(16) })).rejects.toMatchObject({
      code: "DATA_KEY_WRAP_DID_NOT_OPEN",
    });
  });
});

describe("unwrapDataKeyWithScopeKey", () => {
  it("returns the data key to a holder of the scope key", async () => {
    const { dataKey, scopeKey, wraps } = await wrapped();
    expect(await unwrapDataKeyWithScopeKey(scopeKey, wraps, context)).toEqual(dataKey);
  });

  it("throws DataKeyUnwrapError for another scope key, epoch or category", async () => {
    const { scopeKey, wraps } = await wrapped();
    await expect(unwrapDataKeyWithScopeKey(randomBytes(32), wraps, context)).rejects.toThrow(DataKeyUnwrapError);
    await expect(unwrapDataKeyWithScopeKey(scopeKey, wraps, { ...context, epoch: 4 })).rejects.toThrow(DataKeyUnwrapError);
    await expect(unwrapDataKeyWithScopeKey(scopeKey, wraps, { ...context, category: 2 })).rejects.toThrow(DataKeyUnwrapError);
  });

  it("does not accept the patient's sealed wrap in place of the scope-key wrap", async () => {
    const { scopeKey, wraps } = await wrapped();
    await expect(unwrapDataKeyWithScopeKey(scopeKey, { underScopeKey: wraps.forPatient }, context)).rejects.toThrow(DataKeyUnwrapError);
  });
});
