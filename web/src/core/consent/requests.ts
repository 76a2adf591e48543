/**
 * Access requests: the ones waiting for a patient's answer, and a provider's own requests with the
 * answer each got. A provider's new request to the same patient replaces the old one; a later grant
 * to the requester answers it, and so does a denial. The contract's `requestedAt` stays set after a
 * grant and is cleared by a denial, so it confirms that a request was not denied.
 */
import { readBlockTimestamps } from "../chain/block-facts.js";
import { denyReasonName, purposeName } from "../access-log/codes.js";
import { categoriesOf } from "../chain/categories.js";
import type { LedgerConnection } from "../chain/connection.js";
import { compareChainOrder, latestBlockNumber, readLedgerEvents, type LedgerEvent } from "../chain/events.js";
import { readLedgerView } from "../chain/views.js";
import type { Address } from "../ledger-context.js";

export type RequestStatus = "pending" | "granted" | "denied";

export interface AccessRequest {
  patient: Address;
  requester: Address;
  /** Categories asked for reading (write implies read). */
  readCategories: number[];
  writeCategories: number[];
  purposeCode: number;
  /** Follows "for …": "treatment", "payment and claims". */
  purpose: string;
  /** Unix seconds of the request's block. */
  requestedAt: number;
  requestedAtBlock: bigint;
  status: RequestStatus;
  /** Present for a denial the chain recorded a reason for. */
  denyReasonCode?: number;
  denyReason?: string;
}

type RequestEvents = [LedgerEvent<"AccessRequested">[], LedgerEvent<"AccessRequestDenied">[], LedgerEvent<"AccessGranted">[]];

function isLater(event: LedgerEvent, than: LedgerEvent): boolean {
  return compareChainOrder(event, than) > 0;
}

function pairKey(patient: Address, requester: Address): string {
  return `${patient.toLowerCase()}|${requester.toLowerCase()}`;
}

/** The answer events give `request`: a later denial of it, else a later grant to its requester. */
type Answer = Pick<AccessRequest, "status" | "denyReasonCode" | "denyReason">;

function answerOf(request: LedgerEvent<"AccessRequested">, denied: readonly LedgerEvent<"AccessRequestDenied">[], granted: readonly LedgerEvent<"AccessGranted">[]): Answer {
  const key = pairKey(request.args.patient, request.args.requester);
  const denial = denied.find((event) => pairKey(event.args.patient, event.args.requester) === key && isLater(event, request));
  if (denial !== undefined) return { status: "denied", denyReasonCode: denial.args.reasonCode, denyReason: denyReasonName(denial.args.reasonCode) };
  const grant = granted.some((event) => pairKey(event.args.patient, event.args.grantee) === key && isLater(event, request));
  return { status: grant ? "granted" : "pending" };
}

/** Each patient–requester pair's latest request with its answer, newest first. */
async function latestRequests(connection: LedgerConnection, [requested, denied, granted]: RequestEvents): Promise<AccessRequest[]> {
  const latest = new Map<string, LedgerEvent<"AccessRequested">>();
  for (const event of requested) latest.set(pairKey(event.args.patient, event.args.requester), event);
  const requests = [...latest.values()].sort((a, b) => (isLater(a, b) ? -1 : 1));
  const timestamps = await readBlockTimestamps(connection, requests.map((event) => event.blockNumber));
  return Promise.all(
    requests.map(async (event): Promise<AccessRequest> => {
      const { patient, requester, readScope, writeScope, purposeCode } = event.args;
      let answer = answerOf(event, denied, granted);
      // A denial mined after the events were read: the chain no longer holds the request.
      if (answer.status === "pending" && (await readLedgerView(connection, "requestedAt", [patient, requester])) === 0) answer = { status: "denied" };
      return {
        patient,
        requester,
        readCategories: categoriesOf(readScope),
        writeCategories: categoriesOf(writeScope),
        purposeCode,
        purpose: purposeName(purposeCode),
        requestedAt: timestamps.get(event.blockNumber) as number,
        requestedAtBlock: event.blockNumber,
        ...answer,
      };
    }),
  );
}

async function readEvents(connection: LedgerConnection, side: { patient: Address } | { requester: Address }): Promise<RequestEvents> {
  const range = { toBlock: await latestBlockNumber(connection) };
  const grantFilter = "patient" in side ? { patient: side.patient } : { grantee: side.requester };
  return Promise.all([
    readLedgerEvents(connection, "AccessRequested", side, range),
    readLedgerEvents(connection, "AccessRequestDenied", side, range),
    readLedgerEvents(connection, "AccessGranted", grantFilter, range),
  ]);
}

/** The requests waiting for `patient`'s answer, newest first. */
export async function readAccessRequests(connection: LedgerConnection, patient: Address): Promise<AccessRequest[]> {
  const requests = await latestRequests(connection, await readEvents(connection, { patient }));
  return requests.filter((request) => request.status === "pending");
}

/** `provider`'s latest request to each patient it asked, with its status, newest first. */
export async function readRequestsByProvider(connection: LedgerConnection, provider: Address): Promise<AccessRequest[]> {
  return latestRequests(connection, await readEvents(connection, { requester: provider }));
}
