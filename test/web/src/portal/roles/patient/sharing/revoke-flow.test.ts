import { describe, expect, it } from "vitest";

import { sendLedgerTransaction } from "../../../../../../../web/src/core/chain/transactions.js";
import { TransactionRejectedError } from "../../../../../../../web/src/core/chain/errors.js";
import { readGrantOf, readRotationRequired, readScopeKeyState } from "../../../../../../../web/src/core/chain/views.js";
import { grantAccess } from "../../../../../../../web/src/core/scope-keys/grants.js";
import { ScopeKeyring } from "../../../../../../../web/src/core/scope-keys/keyring.js";
import {
  categoriesAwaitingRotation,
  keyRotationLabel,
  runPendingRotations,
  REVOKE_STEP_LABEL,
  revokeStepLabels,
  runRevokeFlow,
} from "../../../../../../../web/src/portal/roles/patient/sharing/revoke-flow.js";
import type { TransactionStep } from "../../../../../../../web/src/portal/roles/patient/sharing/transaction-steps.js";
import { rejectingProvider, type Eip1193Provider } from "../../../../../../helpers/eip1193.js";
import { bit, Category } from "../../../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../../../helpers/viemWorld.js";

const { GeneralNotes: NOTES, Imaging: IMAGING } = Category;
const viem = useViemWorld();

async function grantedDoctor() {
  const { patient, doctor } = viem().personas;
  const keyring = new ScopeKeyring(patient.identity);
  await grantAccess(patient.connection, keyring, [{ grantee: doctor.account, readScope: bit(NOTES) | bit(IMAGING), writeScope: 0, expiresAt: 0 }]);
  return { patient, doctor, keyring };
}

describe("revokeStepLabels", () => {
  it("revokeStepLabels is the revoke, then one key replacement per category it could read", () => {
    expect(revokeStepLabels(bit(NOTES) | bit(IMAGING))).toEqual([REVOKE_STEP_LABEL, keyRotationLabel(NOTES), keyRotationLabel(IMAGING)]);
  });
});

describe("runRevokeFlow", () => {
  it("runRevokeFlow revokes and rotates every category it could read, each transaction its own confirmed step", async () => {
    const { patient, doctor, keyring } = await grantedDoctor();
    const reports: TransactionStep[][] = [];
    const result = await runRevokeFlow({ connection: patient.connection, keyring }, doctor.account, bit(NOTES) | bit(IMAGING), (steps) => reports.push(steps));
    const last = reports.at(-1) ?? [];
    expect(last.map((step) => [step.label, step.state.stage])).toEqual([
      [REVOKE_STEP_LABEL, "confirmed"],
      [keyRotationLabel(NOTES), "confirmed"],
      [keyRotationLabel(IMAGING), "confirmed"],
    ]);
    expect(last[0]?.state).toEqual({ stage: "confirmed", hash: result.revoked?.hash });
    expect((await readGrantOf(patient.connection, patient.account, doctor.account)).readScope).toBe(0);
    for (const category of [NOTES, IMAGING]) {
      expect((await readScopeKeyState(patient.connection, patient.account, category)).epoch).toBe(2);
      expect(await readRotationRequired(patient.connection, patient.account, category)).toBe(false);
    }
  });

  it("runRevokeFlow for a provider without a grant sends nothing and marks every step skipped", async () => {
    const { patient, doctor2 } = viem().personas;
    const reports: TransactionStep[][] = [];
    const result = await runRevokeFlow({ connection: patient.connection, keyring: new ScopeKeyring(patient.identity) }, doctor2.account, bit(NOTES), (steps) =>
      reports.push(steps),
    );
    expect(result.revoked).toBeNull();
    expect(reports.at(-1)?.map((step) => step.state.stage)).toEqual(["skipped", "skipped"]);
  });

  it("runRevokeFlow with the rotation declined leaves the revoke confirmed, the rotation failed and the key pending rotation", async () => {
    const { patient, doctor, keyring } = await grantedDoctor();
    let sends = 0;
    const provider = viem().world.connection.provider as Eip1193Provider;
    // The wallet signs the revoke, then declines the first rotation.
    const declineAfterFirst: Eip1193Provider = {
      request: (args) => (args.method === "eth_sendTransaction" && ++sends > 1 ? rejectingProvider(provider, [args.method]).request(args) : provider.request(args)),
    };
    const declining = viem().through("patient", declineAfterFirst);
    const reports: TransactionStep[][] = [];
    const flow = runRevokeFlow({ connection: declining.connection, keyring }, doctor.account, bit(NOTES) | bit(IMAGING), (steps) => reports.push(steps));
    await expect(flow).rejects.toThrow(TransactionRejectedError);
    expect(reports.at(-1)?.map((step) => step.state.stage)).toEqual(["confirmed", "failed", "idle"]);
    expect((await readGrantOf(patient.connection, patient.account, doctor.account)).readScope).toBe(0);
    expect(await categoriesAwaitingRotation(patient.connection, patient.account)).toEqual([NOTES, IMAGING]);
  });
});

describe("runPendingRotations", () => {
  it("runPendingRotations replaces each pending key as its own step and leaves none pending", async () => {
    const { patient, doctor, keyring } = await grantedDoctor();
    await sendLedgerTransaction(patient.connection, "revoke", [doctor.account]);
    const pending = await categoriesAwaitingRotation(patient.connection, patient.account);
    const reports: TransactionStep[][] = [];
    await runPendingRotations({ connection: patient.connection, identity: patient.identity, keyring }, pending, (steps) => reports.push(steps));
    expect(reports.at(-1)?.map((step) => [step.label, step.state.stage])).toEqual([
      [keyRotationLabel(NOTES), "confirmed"],
      [keyRotationLabel(IMAGING), "confirmed"],
    ]);
    expect(await categoriesAwaitingRotation(patient.connection, patient.account)).toEqual([]);
  });

  it("categoriesAwaitingRotation with nothing revoked is empty", async () => {
    const { patient } = await grantedDoctor();
    expect(await categoriesAwaitingRotation(patient.connection, patient.account)).toEqual([]);
  });
});
