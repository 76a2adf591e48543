import { describe, expect, it } from "vitest";

import { provenanceRows } from "../../../../../../web/src/portal/roles/hospital/provenance-rows.js";
import { address, PATIENT, recordSummary } from "../../records/record-summaries.js";

const DOCTOR = address("0d");
const LAB = address("1a");
const GENERAL_NOTES = 0;
const LAB_RESULTS = 1;

const names = (account: string) => (account === DOCTOR ? "Dr. Okafor" : "0x1a1a…1a1a");

describe("provenanceRows", () => {
  it("provenanceRows_records_newestFirst", () => {
    const rows = provenanceRows([recordSummary(1, GENERAL_NOTES, 100), recordSummary(2, GENERAL_NOTES, 300), recordSummary(3, GENERAL_NOTES, 200)], names);
    expect(rows.map((row) => row.recordId)).toEqual([2n, 3n, 1n]);
  });

  it("provenanceRows_sameBlock_higherRecordIdFirst", () => {
    expect(provenanceRows([recordSummary(1, GENERAL_NOTES, 100), recordSummary(2, GENERAL_NOTES, 100)], names).map((row) => row.recordId)).toEqual([2n, 1n]);
  });

  it("provenanceRows_row_namesAuthorCategoryAndStatus", () => {
    const [row] = provenanceRows([recordSummary(4, LAB_RESULTS, 100, { author: LAB, status: "superseded" })], names);
    expect(row).toMatchObject({ key: `${PATIENT}#4`, authorName: "0x1a1a…1a1a", category: "lab results", statusLabel: "Amended", supersedes: undefined });
  });

  it("provenanceRows_amendment_keepsTheVersionItReplaces", () => {
    const [row] = provenanceRows([recordSummary(5, GENERAL_NOTES, 100, { supersedes: 4n, status: "retracted" })], names);
    expect(row).toMatchObject({ supersedes: 4n, statusLabel: "Retracted", authorName: "Dr. Okafor" });
  });

  it("provenanceRows_noRecords_isEmpty", () => {
    expect(provenanceRows([], names)).toEqual([]);
  });
});
