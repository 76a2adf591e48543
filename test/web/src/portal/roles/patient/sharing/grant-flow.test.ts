import { describe, expect, it } from "vitest";

import { readGrantOf, readHasAccess, readScopeKeyState } from "../../../../../../../web/src/core/chain/views.js";
import { TransactionRejectedError } from "../../../../../../../web/src/core/chain/errors.js";
import { grantAccess } from "../../../../../../../web/src/core/scope-keys/grants.js";
import { ScopeKeyring } from "../../../../../../../web/src/core/scope-keys/keyring.js";
import {
  categoriesWithoutKey,
  GRANT_STEP_LABEL,
  keyCreationLabel,
  runGrantFlow,
} from "../../../../../../../web/src/portal/roles/patient/sharing/grant-flow.js";
import type { TransactionStep } from "../../../../../../../web/src/portal/roles/patient/sharing/transaction-steps.js";
import { rejectingProvider, type Eip1193Provider } from "../../../../../../helpers/eip1193.js";
import { bit, Category } from "../../../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../../../helpers/viemWorld.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;
const viem = useViemWorld();

function patientServices() {
  const { patient } = viem().personas;
  return { connection: patient.connection, identity: patient.identity, keyring: new ScopeKeyring(patient.identity) };
}

describe("categoriesWithoutKey", () => {
  it("categoriesWithoutKey lists the covered categories whose key was never created", async () => {
    const services = patientServices();
    const { patient, doctor } = viem().personas;
    await grantAccess(services.connection, services.keyring, [{ grantee: doctor.account, readScope: bit(NOTES), writeScope: 0, expiresAt: 0 }]);
    const missing = await categoriesWithoutKey(services.connection, patient.account, [
      { grantee: doctor.account, readScope: bit(NOTES) | bit(LABS), writeScope: 0, expiresAt: 0 },
    ]);
    expect(missing).toEqual([LABS]);
  });
});

describe("runGrantFlow", () => {
  it("runGrantFlow creates each missing key as its own step, then grants every provider in one transaction", async () => {
    const services = patientServices();
    const { patient, doctor, lab } = viem().personas;
    const reports: TransactionStep[][] = [];
    const result = await runGrantFlow(
      services,
      [
        { grantee: doctor.account, readScope: bit(NOTES) | bit(LABS), writeScope: bit(NOTES), expiresAt: 0 },
        { grantee: lab.account, readScope: bit(NOTES) | bit(LABS), writeScope: bit(NOTES), expiresAt: 0 },
      ],
      (steps) => reports.push(steps),
    );
    const last = reports.at(-1) ?? [];
    expect(last.map((step) => step.label)).toEqual([keyCreationLabel(NOTES), keyCreationLabel(LABS), GRANT_STEP_LABEL]);
    expect(last.map((step) => step.state.stage)).toEqual(["confirmed", "confirmed", "confirmed"]);
    expect(last[2]?.state).toEqual({ stage: "confirmed", hash: result.hash });
    // Each step went through the wallet prompt on its own.
    for (const index of [0, 1, 2]) {
      expect(reports.some((steps) => steps[index]?.state.stage === "awaiting-signature")).toBe(true);
    }
    expect((await readScopeKeyState(services.connection, patient.account, LABS)).epoch).toBe(1);
    expect(await readHasAccess(services.connection, patient.account, lab.account, NOTES, true)).toBe(true);
    expect((await readGrantOf(services.connection, patient.account, doctor.account)).readScope).toBe(bit(NOTES) | bit(LABS));
  });

  it("runGrantFlow with every key in place has the grant as its only step", async () => {
    const services = patientServices();
    const { doctor, doctor2 } = viem().personas;
    await grantAccess(services.connection, services.keyring, [{ grantee: doctor.account, readScope: bit(NOTES), writeScope: 0, expiresAt: 0 }]);
    const reports: TransactionStep[][] = [];
    await runGrantFlow(services, [{ grantee: doctor2.account, readScope: bit(NOTES), writeScope: 0, expiresAt: 0 }], (steps) => reports.push(steps));
    expect(reports.at(-1)?.map((step) => [step.label, step.state.stage])).toEqual([[GRANT_STEP_LABEL, "confirmed"]]);
  });

  it("runGrantFlow with a declined signature marks that step failed and throws the decline", async () => {
    const { patient, doctor } = viem().personas;
    const declining = viem().through("patient", rejectingProvider(viem().world.connection.provider as Eip1193Provider, ["eth_sendTransaction"]));
    const reports: TransactionStep[][] = [];
    const flow = runGrantFlow(
      { connection: declining.connection, identity: patient.identity, keyring: new ScopeKeyring(patient.identity) },
      [{ grantee: doctor.account, readScope: bit(LABS), writeScope: 0, expiresAt: 0 }],
      (steps) => reports.push(steps),
    );
    await expect(flow).rejects.toThrow(TransactionRejectedError);
    const last = reports.at(-1) ?? [];
    expect(last.map((step) => step.state.stage)).toEqual(["failed", "idle"]);
    expect(last[0]?.state).toMatchObject({ error: expect.any(TransactionRejectedError) });
  });
});
