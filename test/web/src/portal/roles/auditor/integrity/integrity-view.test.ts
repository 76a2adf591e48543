import { describe, expect, it } from "vitest";

import type { CheckableRecord } from "../../../../../../../web/src/core/audit/integrity-records.js";
import type { Address } from "../../../../../../../web/src/core/ledger-context.js";
import { verdictKey, type RecordVerdict } from "../../../../../../../web/src/portal/roles/auditor/integrity/integrity-runs.js";
import { integritySummary, recordsWithVerdict, verdictText } from "../../../../../../../web/src/portal/roles/auditor/integrity/integrity-view.js";

const PATIENT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as Address;
const record = (recordId: bigint): CheckableRecord => ({ patient: PATIENT, recordId, contentDigest: `0x${"11".repeat(32)}`, author: PATIENT, category: 0, retracted: false, addedAt: 1, transactionHash: `0x${"22".repeat(32)}` });
const [one, two, three, four] = [record(1n), record(2n), record(3n), record(4n)] as [CheckableRecord, CheckableRecord, CheckableRecord, CheckableRecord];

const verified = (subject: CheckableRecord, depth: "manifest" | "full" = "full"): RecordVerdict => ({
  record: subject, depth, manifestCid: "bafk", status: "verified", checked: { files: 2, parts: 3, bytes: 3 * 1_048_576 },
});
const missing = (subject: CheckableRecord): RecordVerdict => ({
  record: subject, depth: "full", manifestCid: "bafk", status: "missing", problem: "Record #2 of patient 0x7099…79C8: its manifest (bafk) is not on the IPFS node.", failure: { at: "manifest", cid: "bafk" }, checked: { files: 0, parts: 0, bytes: 0 },
});
const mismatch = (subject: CheckableRecord): RecordVerdict => ({ ...missing(subject), status: "mismatch", problem: "does not match" } as RecordVerdict);

const verdicts = new Map([[verdictKey(one), verified(one)], [verdictKey(two), missing(two)], [verdictKey(three), mismatch(three)]]);

describe("integritySummary", () => {
  it("integritySummary_mixedVerdicts_countsEachAndTheUnchecked", () => {
    expect(integritySummary([one, two, three, four], verdicts)).toEqual({ total: 4, unchecked: 1, verified: 1, mismatch: 1, missing: 1 });
  });
});

describe("recordsWithVerdict", () => {
  it.each([
    ["all", [1n, 2n, 3n, 4n]],
    ["unchecked", [4n]],
    ["verified", [1n]],
    ["missing", [2n]],
    ["mismatch", [3n]],
  ] as const)("recordsWithVerdict_%s_keepsThoseRecords", (filter, ids) => {
    expect(recordsWithVerdict([one, two, three, four], verdicts, filter).map((each) => each.recordId)).toEqual(ids);
  });
});

describe("verdictText", () => {
  it("verdictText_noVerdict_isNotChecked", () => {
    expect(verdictText(undefined)).toEqual({ label: "Not checked", tone: "muted" });
  });

  it("verdictText_fullCheck_saysWhatWasCompared", () => {
    expect(verdictText(verified(one))).toEqual({ label: "Verified", tone: "status-active", detail: "The manifest and all 3 encrypted parts of 2 files (3.0 MiB) match." });
  });

  it("verdictText_manifestOnly_saysThePartsWereNotFetched", () => {
    expect(verdictText(verified(one, "manifest")).detail).toBe("The manifest matches the digest on chain (its parts were not fetched).");
  });

  it("verdictText_missingOrMismatch_isBadWithTheProblem", () => {
    expect(verdictText(missing(two))).toEqual({ label: "Missing", tone: "status-bad", detail: "Record #2 of patient 0x7099…79C8: its manifest (bafk) is not on the IPFS node." });
    expect(verdictText(mismatch(three))).toMatchObject({ label: "Mismatch", tone: "status-bad", detail: "does not match" });
  });
});
