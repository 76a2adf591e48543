import { describe, expect, it } from "vitest";

import { AuditUsageError, parseAuditArgs, parseTime } from "../../../scripts/audit/options.js";

const PATIENT = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

describe("parseAuditArgs", () => {
  it("parseAuditArgs_noFlags_readsTheLocalChainAsATable", () => {
    expect(parseAuditArgs([])).toEqual({ rpcUrl: "http://127.0.0.1:8545", format: "table", limit: 50, confirmations: 0, ipfsApiUrl: "http://127.0.0.1:5001", names: true });
  });

  it("parseAuditArgs_categoryRecordAndNames_areParsed", () => {
    expect(parseAuditArgs(["--patient", PATIENT, "--category", "lab-results", "--record", "12", "--ipfs-api-url", "http://kubo:5001", "--no-names"])).toMatchObject({
      category: 1,
      recordId: 12n,
      ipfsApiUrl: "http://kubo:5001",
      names: false,
    });
    expect(parseAuditArgs(["--category", "7"]).category).toBe(7);
    expect(parseAuditArgs(["--category", "Patient-reported data"]).category).toBe(7);
  });

  it("parseAuditArgs_everyFilter_isParsed", () => {
    expect(parseAuditArgs(["--patient", PATIENT, "--action", "record-read", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out", "a.csv"])).toMatchObject({
      patient: PATIENT,
      action: "record-read",
      from: Date.UTC(2026, 10, 1) / 1000,
      to: Date.UTC(2026, 10, 30) / 1000 + 86_399,
      format: "csv",
      out: "a.csv",
    });
  });

  it("parseAuditArgs_verify_takesAnOptionalDepth", () => {
    expect(parseAuditArgs(["--verify"]).verify).toBe("full");
    expect(parseAuditArgs(["--verify", "manifest", "--patient", PATIENT])).toMatchObject({ verify: "manifest", patient: PATIENT });
    expect(parseAuditArgs(["--verify", "--patient", PATIENT])).toMatchObject({ verify: "full", patient: PATIENT });
  });

  it.each([
    [["--patient", "0x123"], /account address/],
    [["--format", "xml"], /table, csv, fhir/],
    [["--action", "hacked"], /--action takes one of/],
    [["--limit", "0"], /whole number ≥ 1/],
    [["--from", "yesterday"], /takes a date/],
    [["--from", "2026-12-01", "--to", "2026-11-01"], /--from is after --to/],
    [["--ledger-address", PATIENT], /go together/],
    [["--patient"], /needs a value/],
    [["--verbose"], /unknown flag/],
    [["--category", "dental"], /--category takes a number 0–7 or one of general-notes, lab-results/],
    [["--category", "8"], /--category takes/],
    [["--record", "3"], /--record needs --patient/],
    [["--verify", "--format", "csv"], /--verify writes its own report/],
  ])("parseAuditArgs_%j_throwsAuditUsageError", (args, message) => {
    expect(() => parseAuditArgs(args)).toThrow(AuditUsageError);
    expect(() => parseAuditArgs(args)).toThrow(message);
  });
});

describe("parseTime", () => {
  it("parseTime_isoTime_isExact", () => {
    expect(parseTime("--from", "2026-11-01T09:30:00Z", false)).toBe(Date.UTC(2026, 10, 1, 9, 30) / 1000);
  });
});
