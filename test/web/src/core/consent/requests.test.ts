import { describe, expect, it } from "vitest";

import { readAccessRequests, readRequestsByProvider } from "../../../../../web/src/core/consent/requests.js";
import { sendLedgerTransaction, type LedgerTransactionResult } from "../../../../../web/src/core/chain/transactions.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { useViemWorld, type PersonaName } from "../../../../helpers/viemWorld.js";
import { ledgerSteps } from "../access-log/support.js";

const { GeneralNotes: NOTES, LabResults: LABS, BillingClaims: BILLING } = Category;
const TREATMENT = 0;
const PAYMENT = 2;
const SCOPE_TOO_BROAD = 2;

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  for (const category of [NOTES, LABS, BILLING]) await steps.createScopeKey("patient", category);
});

function account(name: PersonaName) {
  return viem().personas[name].account;
}

function request(requester: PersonaName, patient: PersonaName, readScope: number, writeScope: number, purposeCode: number) {
  return sendLedgerTransaction(viem().personas[requester].connection, "requestAccess", [account(patient), readScope, writeScope, purposeCode]);
}

function deny(patient: PersonaName, requester: PersonaName, reasonCode: number) {
  return sendLedgerTransaction(viem().personas[patient].connection, "denyRequest", [account(requester), reasonCode]);
}

function grant(patient: PersonaName, grantee: PersonaName, readScope: number, writeScope = 0) {
  return ledgerSteps(viem()).grant(patient, grantee, readScope, writeScope);
}

async function position(result: LedgerTransactionResult) {
  const block = await viem().publicClient.getBlock({ blockNumber: result.receipt.blockNumber });
  return { requestedAt: Number(block.timestamp), requestedAtBlock: block.number };
}

describe("readAccessRequests", () => {
  it("lists the open requests newest first, with scopes, purpose and time", async () => {
    const fromDoctor = await request("doctor", "patient", bit(LABS), bit(NOTES), TREATMENT);
    const fromInsurer = await request("insurer", "patient", bit(BILLING), 0, PAYMENT);
    await request("doctor2", "caregiver", bit(NOTES), 0, TREATMENT);

    expect(await readAccessRequests(viem().connection, account("patient"))).toEqual([
      { patient: account("patient"), requester: account("insurer"), readCategories: [BILLING], writeCategories: [], purposeCode: PAYMENT, purpose: "payment and claims", ...(await position(fromInsurer)), status: "pending" },
      { patient: account("patient"), requester: account("doctor"), readCategories: [NOTES, LABS], writeCategories: [NOTES], purposeCode: TREATMENT, purpose: "treatment", ...(await position(fromDoctor)), status: "pending" },
    ]);
  });

  it("leaves out a denied request and one answered by a later grant", async () => {
    await request("doctor", "patient", bit(NOTES), 0, TREATMENT);
    await request("lab", "patient", bit(LABS), bit(LABS), TREATMENT);
    await request("insurer", "patient", bit(BILLING), 0, PAYMENT);
    await deny("patient", "doctor", SCOPE_TOO_BROAD);
    await grant("patient", "lab", bit(LABS));
    expect((await readAccessRequests(viem().connection, account("patient"))).map((open) => open.requester)).toEqual([account("insurer")]);
  });

  it("shows a new request made after a denial, replacing the old one", async () => {
    await request("doctor", "patient", bit(NOTES) | bit(LABS), 0, TREATMENT);
    await deny("patient", "doctor", SCOPE_TOO_BROAD);
    const again = await request("doctor", "patient", bit(NOTES), 0, TREATMENT);
    expect(await readAccessRequests(viem().connection, account("patient"))).toEqual([
      { patient: account("patient"), requester: account("doctor"), readCategories: [NOTES], writeCategories: [], purposeCode: TREATMENT, purpose: "treatment", ...(await position(again)), status: "pending" },
    ]);
  });

  it("keeps a request open when the grant came before it", async () => {
    await grant("patient", "doctor", bit(NOTES));
    await request("doctor", "patient", bit(NOTES) | bit(LABS), 0, TREATMENT);
    expect((await readAccessRequests(viem().connection, account("patient"))).map((open) => open.readCategories)).toEqual([[NOTES, LABS]]);
  });

  it("is empty for a patient nobody asked", async () => {
    await request("doctor", "caregiver", bit(NOTES), 0, TREATMENT);
    expect(await readAccessRequests(viem().connection, account("patient"))).toEqual([]);
  });
});

describe("readRequestsByProvider", () => {
  it("gives the provider's latest request to each patient with its answer, newest first", async () => {
    await request("doctor", "patient", bit(NOTES) | bit(LABS), 0, TREATMENT);
    await deny("patient", "doctor", SCOPE_TOO_BROAD);
    const toCaregiver = await request("doctor", "caregiver", bit(NOTES), 0, TREATMENT);
    await request("lab", "caregiver", bit(LABS), 0, TREATMENT);
    const toPatientAgain = await request("doctor", "patient", bit(NOTES), bit(NOTES), TREATMENT);

    const base = { requester: account("doctor"), readCategories: [NOTES], purposeCode: TREATMENT, purpose: "treatment" };
    expect(await readRequestsByProvider(viem().connection, account("doctor"))).toEqual([
      { ...base, patient: account("patient"), writeCategories: [NOTES], ...(await position(toPatientAgain)), status: "pending" },
      { ...base, patient: account("caregiver"), writeCategories: [], ...(await position(toCaregiver)), status: "pending" },
    ]);

    await grant("patient", "doctor", bit(NOTES), bit(NOTES));
    await sendLedgerTransaction(viem().personas.caregiver.connection, "denyRequest", [account("doctor"), 1]);
    expect(await readRequestsByProvider(viem().connection, account("doctor"))).toEqual([
      { ...base, patient: account("patient"), writeCategories: [NOTES], ...(await position(toPatientAgain)), status: "granted" },
      { ...base, patient: account("caregiver"), writeCategories: [], ...(await position(toCaregiver)), status: "denied", denyReasonCode: 1, denyReason: "not my provider" },
    ]);
  });

  it("says denied with the patient's reason, and answers only the provider's own requests", async () => {
    const asked = await request("lab", "patient", bit(LABS), 0, TREATMENT);
    await request("doctor", "patient", bit(NOTES), 0, TREATMENT);
    await deny("patient", "lab", SCOPE_TOO_BROAD);
    await grant("patient", "doctor", bit(NOTES));
    expect(await readRequestsByProvider(viem().connection, account("lab"))).toEqual([
      { patient: account("patient"), requester: account("lab"), readCategories: [LABS], writeCategories: [], purposeCode: TREATMENT, purpose: "treatment", ...(await position(asked)), status: "denied", denyReasonCode: SCOPE_TOO_BROAD, denyReason: "scope too broad" },
    ]);
  });

  it("is empty for a provider that never asked", async () => {
    await request("doctor", "patient", bit(NOTES), 0, TREATMENT);
    expect(await readRequestsByProvider(viem().connection, account("insurer"))).toEqual([]);
  });
});
