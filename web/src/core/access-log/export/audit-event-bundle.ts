/**
 * Any filtered view of the access log as a FHIR R4 Bundle of AuditEvents shaped after IHE BALP.
 * The Bundle is a "collection": an export of events that already happened, not the answer to a
 * FHIR search (a "searchset" promises search semantics, self links and matches a server computed).
 * Parties are identified by CAIP-10 account ids (`eip155:<chain id>:<address>`, one string that
 * says which chain the address lives on), the observer is the ledger contract, and each event names
 * its ledger transaction in an entity whose `detail` carries the transaction hash, block and log
 * index. Only what the chain holds goes in: addresses, record ids, categories, codes, times, hashes.
 * When the grants are known, a provider's access names the grant it relied on as the requestor's
 * `policy` (the grant's AccessGranted event), and every event says in a detail under which grant it happened.
 */
import type { AuditEvent, AuditEventAgent, AuditEventEntity, Bundle, BundleEntry } from "@medplum/fhirtypes";

import { underGrantPhrase } from "../../audit/grant-words.js";
import { categoryName } from "../../chain/categories.js";
import type { Hex } from "../../bytes.js";
import type { Address } from "../../ledger-context.js";
import type { AccessLogAction, AccessLogEntry } from "../entry.js";
import type { UnderGrantOf } from "./access-log-csv.js";
import { AUDIT_CODING, PURPOSE_OF_USE } from "./audit-event-codes.js";

export const CAIP10_SYSTEM = "https://chainagnostic.org/CAIPs/caip-10";
export const RECORD_SYSTEM = "urn:ehr-ledger:record";
export const TRANSACTION_SYSTEM = "urn:ehr-ledger:transaction";
/** A patient's consent to one grantee: `<patient>/<grantee>`. */
export const CONSENT_SYSTEM = "urn:ehr-ledger:consent";

const ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
const OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
const PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

export interface AuditExportContext {
  chainId: number;
  /** The EHRLedger contract: the AuditEvents' observer. */
  contract: Address;
  /** The grant each entry happened under, when known: the requestor's `policy`, and a detail of the event. */
  underGrantOf?: UnderGrantOf;
}

/** A grant, as the policy that authorised an access: the AccessGranted event that made it. */
export const GRANT_POLICY_PREFIX = "urn:ehr-ledger:grant:";

const caip10 = (context: AuditExportContext, address: Address) => `eip155:${context.chainId}:${address}`;

function purposeOf(entry: AccessLogEntry): number | undefined {
  return entry.action === "record-read" || entry.action === "access-requested" ? entry.purpose : undefined;
}

/** The grantee of the consent a consent action concerns; undefined for other actions. */
function granteeOf(entry: AccessLogEntry): Address | undefined {
  switch (entry.action) {
    case "access-granted":
    case "access-revoked":
    case "access-request-denied":
      return entry.subject;
    case "access-requested":
      return entry.actor;
    default:
      return undefined;
  }
}

// Whose roles change in these actions: the account is what the event is about (a DICOM
// "Security User Entity"), not a participant in it.
const ROLE_CHANGES: ReadonlySet<AccessLogAction> = new Set(["participant-registered", "participant-suspended", "participant-reactivated", "admin-role-event"]);

/** One access-log entry as an AuditEvent. */
export function toAuditEvent(entry: AccessLogEntry, context: AuditExportContext): AuditEvent {
  const coding = AUDIT_CODING[entry.action];
  const identifier = (address: Address) => ({ identifier: { system: CAIP10_SYSTEM, value: caip10(context, address) } });
  // BALP's user agent: the information recipient on reads, the author on everything that writes.
  const actorType = coding.action === "R" ? { code: "IRCP", display: "information recipient" } : { code: "AUT", display: "author (originator)" };
  const under = context.underGrantOf?.(entry);
  // BALP: the policy under which the requestor acted, here the patient's grant (its event on chain).
  const policy = under?.basis === "grant" ? { policy: [`${GRANT_POLICY_PREFIX}${under.period.granted.transactionHash}:${under.period.granted.logIndex}`] } : {};
  const agent: AuditEventAgent[] = [{ type: { coding: [{ system: PARTICIPATION, ...actorType }] }, who: identifier(entry.actor), requestor: true, ...policy }];
  const entity: AuditEventEntity[] = [
    {
      what: { identifier: { system: TRANSACTION_SYSTEM, value: entry.transactionHash } },
      type: { system: ENTITY_TYPE, code: "2", display: "System Object" },
      detail: [
        { type: "transactionHash", valueString: entry.transactionHash },
        { type: "blockNumber", valueString: entry.blockNumber.toString() },
        { type: "logIndex", valueString: entry.logIndex.toString() },
        { type: "action", valueString: entry.action },
        ...(under === undefined ? [] : [{ type: "underGrant", valueString: underGrantPhrase(under, (unixSeconds) => new Date(unixSeconds * 1000).toISOString()) }]),
      ],
    },
  ];
  if (entry.subject !== undefined && ROLE_CHANGES.has(entry.action)) {
    entity.push({ what: identifier(entry.subject), type: { system: ENTITY_TYPE, code: "1", display: "Person" }, role: { system: OBJECT_ROLE, code: "11", display: "Security User Entity" } });
  } else if (entry.subject !== undefined) {
    agent.push({ type: { coding: [{ system: PARTICIPATION, code: "IRCP", display: "information recipient" }] }, who: identifier(entry.subject), requestor: false });
  }
  if (entry.patient !== undefined) {
    entity.push({ what: identifier(entry.patient), type: { system: ENTITY_TYPE, code: "1", display: "Person" }, role: { system: OBJECT_ROLE, code: "1", display: "Patient" } });
  }
  // The record, or the consent a consent action changes: BALP's "data" entity.
  const grantee = granteeOf(entry);
  const dataEntity = (system: string, value: string): AuditEventEntity => {
    const details = (entry.categories ?? []).map((category) => ({ type: "category", valueString: categoryName(category) }));
    return {
      what: { identifier: { system, value } },
      type: { system: ENTITY_TYPE, code: "2", display: "System Object" },
      role: { system: OBJECT_ROLE, code: "4", display: "Domain Resource" },
      ...(details.length === 0 ? {} : { detail: details }),
    };
  };
  if (entry.patient !== undefined && entry.recordId !== undefined) entity.push(dataEntity(RECORD_SYSTEM, `${entry.patient}/${entry.recordId}`));
  if (entry.patient !== undefined && grantee !== undefined) entity.push(dataEntity(CONSENT_SYSTEM, `${entry.patient}/${grantee}`));
  const purpose = purposeOf(entry);
  const purposeCoding = purpose === undefined ? undefined : PURPOSE_OF_USE[purpose];
  return {
    resourceType: "AuditEvent",
    id: `ledger-${entry.blockNumber}-${entry.logIndex}`,
    type: coding.type,
    ...(coding.subtype === undefined ? {} : { subtype: [coding.subtype] }),
    action: coding.action,
    recorded: new Date(entry.timestamp * 1000).toISOString(),
    outcome: "0",
    ...(purposeCoding === undefined ? {} : { purposeOfEvent: [{ coding: [purposeCoding] }] }),
    agent,
    source: {
      observer: { identifier: { system: CAIP10_SYSTEM, value: caip10(context, context.contract) }, display: "EHR Ledger contract" },
      type: [{ system: "http://terminology.hl7.org/CodeSystem/security-source-type", code: "4", display: "Application Server" }],
    },
    entity,
  };
}

/** One entry of the Bundle: the AuditEvent with a full URL naming its ledger log. */
export function toAuditEventBundleEntry(entry: AccessLogEntry, context: AuditExportContext): BundleEntry<AuditEvent> {
  return { fullUrl: `urn:ehr-ledger:audit-event:${entry.transactionHash}:${entry.logIndex}`, resource: toAuditEvent(entry, context) };
}

/** `entries` as a collection Bundle of AuditEvents, one per entry, in the entries' order. */
export function toAuditEventBundle(entries: readonly AccessLogEntry[], context: AuditExportContext, exportedAt = new Date()): Bundle<AuditEvent> {
  return { ...bundleHead(exportedAt), entry: entries.map((entry) => toAuditEventBundleEntry(entry, context)) };
}

/** The Bundle without its entries. */
export function bundleHead(exportedAt: Date): Bundle<AuditEvent> {
  return { resourceType: "Bundle", type: "collection", timestamp: exportedAt.toISOString() };
}

/** What an exported AuditEvent says about its ledger entry, read back (for checks and imports). */
export interface AuditEventFacts {
  action: AccessLogAction;
  actor: Address;
  patient?: Address;
  recordId?: bigint;
  transactionHash: Hex;
  blockNumber: bigint;
  logIndex: number;
  timestamp: number;
}

export class NotALedgerAuditEventError extends Error {
  readonly code = "NOT_A_LEDGER_AUDIT_EVENT";
  constructor(what: string) {
    super(`This AuditEvent was not exported from the ledger's access log: ${what}.`);
    this.name = "NotALedgerAuditEventError";
  }
}

export function auditEventFacts(event: AuditEvent): AuditEventFacts {
  const transaction = event.entity?.find((entity) => entity.what?.identifier?.system === TRANSACTION_SYSTEM);
  const detail = (type: string) => transaction?.detail?.find((item) => item.type === type)?.valueString;
  const action = detail("action");
  const transactionHash = detail("transactionHash");
  const blockNumber = detail("blockNumber");
  const logIndex = detail("logIndex");
  if (action === undefined || transactionHash === undefined || blockNumber === undefined || logIndex === undefined) throw new NotALedgerAuditEventError("it has no ledger transaction entity");
  const address = (value: string | undefined) => (value === undefined ? undefined : (value.split(":")[2] as Address | undefined));
  const actor = address(event.agent.find((agent) => agent.requestor)?.who?.identifier?.value);
  if (actor === undefined) throw new NotALedgerAuditEventError("it names no requesting agent");
  const patient = address(event.entity?.find((entity) => entity.role?.code === "1" && entity.role.system === OBJECT_ROLE)?.what?.identifier?.value);
  const record = event.entity?.find((entity) => entity.what?.identifier?.system === RECORD_SYSTEM)?.what?.identifier?.value;
  return {
    action: action as AccessLogAction,
    actor,
    ...(patient === undefined ? {} : { patient }),
    ...(record === undefined ? {} : { recordId: BigInt(record.split("/")[1] as string) }),
    transactionHash: transactionHash as Hex,
    blockNumber: BigInt(blockNumber),
    logIndex: Number(logIndex),
    timestamp: Date.parse(event.recorded) / 1000,
  };
}
