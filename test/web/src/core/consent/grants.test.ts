import { describe, expect, it } from "vitest";

import { readGrantsToProvider, readPatientGrants } from "../../../../../web/src/core/consent/grants.js";
import { sendLedgerTransaction, type LedgerTransactionResult } from "../../../../../web/src/core/chain/transactions.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { chainTime, travelTo } from "../../../../helpers/keyScenarios.js";
import { useViemWorld, type PersonaName } from "../../../../helpers/viemWorld.js";
import { ledgerSteps } from "../access-log/support.js";

const { GeneralNotes: NOTES, LabResults: LABS, Imaging: IMAGING, BillingClaims: BILLING } = Category;
const THREE_DAYS_FOUR_HOURS = 3 * 86_400 + 4 * 3_600;

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  for (const patient of ["patient", "caregiver"] as const) {
    for (const category of [NOTES, LABS, IMAGING, BILLING]) await steps.createScopeKey(patient, category);
  }
});

function account(name: PersonaName) {
  return viem().personas[name].account;
}

function grant(patient: PersonaName, grantee: PersonaName, readScope: number, writeScope = 0, expiresAt = 0) {
  return ledgerSteps(viem()).grant(patient, grantee, readScope, writeScope, expiresAt);
}

function revoke(patient: PersonaName, grantee: PersonaName) {
  return sendLedgerTransaction(viem().personas[patient].connection, "revoke", [account(grantee)]);
}

async function timeOf(result: LedgerTransactionResult): Promise<number> {
  return Number((await viem().publicClient.getBlock({ blockNumber: result.receipt.blockNumber })).timestamp);
}

describe("readPatientGrants", () => {
  it("lists every grantee, most recently granted first, as active, expiring or revoked", async () => {
    const expiresAt = (await chainTime(viem())) + 10 * 86_400;
    const doctor = await grant("patient", "doctor", bit(NOTES) | bit(LABS), bit(NOTES));
    const lab = await grant("patient", "lab", bit(LABS), 0, expiresAt);
    const insurer = await grant("patient", "insurer", bit(BILLING));
    await revoke("patient", "insurer");
    const now = expiresAt - THREE_DAYS_FOUR_HOURS;

    expect(await readPatientGrants(viem().connection, account("patient"), BigInt(now))).toEqual([
      { patient: account("patient"), grantee: account("insurer"), readCategories: [BILLING], writeCategories: [], expiresAt: 0, grantedAt: await timeOf(insurer), state: "revoked", accessNow: false },
      { patient: account("patient"), grantee: account("lab"), readCategories: [LABS], writeCategories: [], expiresAt, grantedAt: await timeOf(lab), state: "active", secondsLeft: THREE_DAYS_FOUR_HOURS, accessNow: true },
      { patient: account("patient"), grantee: account("doctor"), readCategories: [NOTES, LABS], writeCategories: [NOTES], expiresAt: 0, grantedAt: await timeOf(doctor), state: "active", accessNow: true },
    ]);
  });

  it("is empty for a patient who never granted anyone", async () => {
    await grant("patient", "doctor", bit(NOTES));
    expect(await readPatientGrants(viem().connection, account("caregiver"))).toEqual([]);
  });

  it("measures time left against the latest block when no time is given", async () => {
    const expiresAt = (await chainTime(viem())) + 3_600;
    await grant("patient", "lab", bit(LABS), 0, expiresAt);
    const [lab] = await readPatientGrants(viem().connection, account("patient"));
    expect(lab?.secondsLeft).toBe(expiresAt - (await chainTime(viem())));
  });

  it("marks a grant expired once the chain's clock passes its expiry", async () => {
    const expiresAt = (await chainTime(viem())) + 3_600;
    const lab = await grant("patient", "lab", bit(LABS), bit(LABS), expiresAt);
    await travelTo(viem(), expiresAt);
    expect(await readPatientGrants(viem().connection, account("patient"))).toEqual([
      { patient: account("patient"), grantee: account("lab"), readCategories: [LABS], writeCategories: [LABS], expiresAt, grantedAt: await timeOf(lab), state: "expired", accessNow: false },
    ]);
  });

  it("shows the latest grant after a revoke and a new grant, and after a grant narrowed in place", async () => {
    await grant("patient", "doctor", bit(NOTES) | bit(IMAGING), bit(NOTES));
    await revoke("patient", "doctor");
    const regranted = await grant("patient", "doctor", bit(IMAGING));
    await grant("patient", "doctor2", bit(NOTES) | bit(LABS) | bit(IMAGING));
    const narrowed = await grant("patient", "doctor2", bit(LABS));

    const grants = await readPatientGrants(viem().connection, account("patient"));
    expect(grants.map(({ grantee, readCategories, writeCategories, state, grantedAt }) => ({ grantee, readCategories, writeCategories, state, grantedAt }))).toEqual([
      { grantee: account("doctor2"), readCategories: [LABS], writeCategories: [], state: "active", grantedAt: await timeOf(narrowed) },
      { grantee: account("doctor"), readCategories: [IMAGING], writeCategories: [], state: "active", grantedAt: await timeOf(regranted) },
    ]);
  });

  it("keeps a suspended grantee's grant active but without access until it is reactivated", async () => {
    await grant("patient", "doctor", bit(NOTES));
    await sendLedgerTransaction(viem().personas.hospital.connection, "suspend", [account("doctor")]);
    const [suspended] = await readPatientGrants(viem().connection, account("patient"));
    expect(suspended).toMatchObject({ state: "active", accessNow: false });

    await sendLedgerTransaction(viem().personas.admin.connection, "reactivate", [account("doctor")]);
    const [reactivated] = await readPatientGrants(viem().connection, account("patient"));
    expect(reactivated).toMatchObject({ state: "active", accessNow: true });
  });
});

describe("readGrantsToProvider", () => {
  it("lists the patients whose grant stands, most recent first, leaving revoked ones out and flagging expired ones", async () => {
    const expiresAt = (await chainTime(viem())) + 3_600;
    const fromPatient = await grant("patient", "doctor", bit(NOTES), 0, expiresAt);
    const fromCaregiver = await grant("caregiver", "doctor", bit(NOTES) | bit(IMAGING), bit(IMAGING));
    await grant("patient", "doctor2", bit(NOTES));
    await travelTo(viem(), expiresAt + 60);

    expect(await readGrantsToProvider(viem().connection, account("doctor"))).toEqual([
      { patient: account("caregiver"), grantee: account("doctor"), readCategories: [NOTES, IMAGING], writeCategories: [IMAGING], expiresAt: 0, grantedAt: await timeOf(fromCaregiver), state: "active", accessNow: true },
      { patient: account("patient"), grantee: account("doctor"), readCategories: [NOTES], writeCategories: [], expiresAt, grantedAt: await timeOf(fromPatient), state: "expired", accessNow: false },
    ]);

    await revoke("caregiver", "doctor");
    expect((await readGrantsToProvider(viem().connection, account("doctor"))).map((grant) => grant.patient)).toEqual([account("patient")]);
  });

  it("gives the time left on each standing grant at the time asked", async () => {
    const expiresAt = (await chainTime(viem())) + 7_200;
    await grant("caregiver", "lab", bit(LABS), bit(LABS), expiresAt);
    const [fromCaregiver] = await readGrantsToProvider(viem().connection, account("lab"), BigInt(expiresAt - 2_700));
    expect(fromCaregiver).toMatchObject({ patient: account("caregiver"), state: "active", secondsLeft: 2_700 });
  });

  it("is empty for a provider nobody granted", async () => {
    await grant("patient", "doctor", bit(NOTES));
    expect(await readGrantsToProvider(viem().connection, account("insurer"))).toEqual([]);
  });
});
