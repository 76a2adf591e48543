import { describe, expect, it } from "vitest";

import { readAccessLog } from "../../../../../../web/src/core/access-log/entries.js";
import { ACCESS_LOG_ACTIONS } from "../../../../../../web/src/core/access-log/entry.js";
import { ACCESS_LOG_CSV_COLUMNS, accessLogCsv, accessLogCsvRow, NotAnAccessLogCsvError, parseAccessLogCsv, purposeOrReason } from "../../../../../../web/src/core/access-log/export/access-log-csv.js";
import { parseCsv } from "../../../../../../web/src/core/access-log/export/csv-format.js";
import { GrantIndex } from "../../../../../../web/src/core/audit/grant-periods.js";
import { underGrant } from "../../../../../../web/src/core/audit/under-grant.js";
import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import { bit, Category } from "../../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../../helpers/viemWorld.js";
import { entryOf, ledgerSteps } from "../support.js";
import { ADMIN, DOCTOR, HOSPITAL, oneEntryOfEachAction } from "./every-action.js";

const { GeneralNotes: NOTES } = Category;

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  await steps.createScopeKey("patient", NOTES);
  await steps.grant("patient", "doctor", bit(NOTES), bit(NOTES));
  await steps.addRecord("doctor", "patient", NOTES, 1);
  await steps.readRecord("doctor", "patient", 1n, 1);
  await steps.retractRecord("doctor", "patient", 1n, 2);
});

describe("accessLogCsv", () => {
  it("accessLogCsv_withTheGrants_saysUnderWhichGrantEachEntryHappenedAndItsTransaction", async () => {
    const entries = await readAccessLog(viem().connection);
    const grants = GrantIndex.of(entries);
    const rows = parseAccessLogCsv(accessLogCsv(entries, () => undefined, (entry) => underGrant(grants, entry)));
    const granted = entries.find((entry) => entry.action === "access-granted");
    const read = rows.find((row) => row.action === "record-read");
    expect(read?.under_grant).toBe(`grant of ${new Date(granted!.timestamp * 1000).toISOString()}: read and write general notes`);
    expect(read?.grant_transaction).toBe(granted?.transactionHash);
    expect(rows.find((row) => row.action === "scope-key-rotated")).toMatchObject({ under_grant: "own data", grant_transaction: "" });
    expect(rows.find((row) => row.action === "participant-registered")).toMatchObject({ under_grant: "", grant_transaction: "" });
  });

  it("accessLogCsv_realHistory_roundTripsEveryCellThroughTheParser", async () => {
    const entries = await readAccessLog(viem().connection);
    const doctor = viem().personas.doctor.account;
    const nameOf = (address: Address) => (address.toLowerCase() === doctor.toLowerCase() ? "Dr. Okafor, Cardiology" : undefined);
    const [header, ...rows] = parseCsv(accessLogCsv(entries, nameOf));
    expect(header).toEqual([...ACCESS_LOG_CSV_COLUMNS]);
    expect(rows).toHaveLength(entries.length);
    rows.forEach((row, i) => {
      const expected = accessLogCsvRow(entries[i]!, nameOf);
      expect(Object.fromEntries(ACCESS_LOG_CSV_COLUMNS.map((column, c) => [column, row[c]]))).toEqual(expected);
    });
    const read = rows.find((row) => row[4] === "record-read");
    expect(read).toBeDefined();
    expect(read?.[6]).toBe("Dr. Okafor, Cardiology");
    expect(read?.[11]).toBe("general notes");
    expect(read?.[12]).toBe("emergency treatment");
  });

  it("accessLogCsv_everyActionWithHostileNames_roundTripsThroughParseAccessLogCsv", () => {
    const entries = oneEntryOfEachAction();
    // Public profile names are attacker-chosen: formulas, apostrophes, separators and line breaks.
    const names = new Map<Address, string>([
      [DOCTOR, '=HYPERLINK("http://evil.example","open")'],
      [HOSPITAL, "'-already an apostrophe"],
      [ADMIN, 'St. Mary\'s, "North"\r\nWing'],
    ]);
    const nameOf = (address: Address) => names.get(address);
    const text = accessLogCsv(entries, nameOf);
    const rows = parseAccessLogCsv(text);
    expect(rows).toEqual(entries.map((entry) => accessLogCsvRow(entry, nameOf)));
    expect(rows.map((row) => row.action)).toEqual([...ACCESS_LOG_ACTIONS]);
    expect(rows.map((row) => row.time_utc)).toEqual(entries.map((entry) => new Date(entry.timestamp * 1000).toISOString()));
    expect(rows.find((row) => row.action === "record-read")).toMatchObject({ actor_name: names.get(DOCTOR), record: "1", categories: "lab results", purpose_or_reason: "a legal or compliance audit" });
    expect(rows.find((row) => row.action === "access-granted")?.categories).toBe("general notes;lab results");
    // What a spreadsheet sees: no cell of the file starts a formula.
    const cells = parseCsv(text).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${names.get(DOCTOR)}`);
  });

  it("accessLogCsv_maliciousProfileName_isDefusedInTheCell", () => {
    const actor = "0xD0c7000000000000000000000000000000000003" as Address;
    const entry = entryOf({ action: "paused", actor });
    const text = accessLogCsv([entry], () => "=cmd|' /C calc'!A0");
    expect(text.split("\r\n")[1]).toContain(",'=cmd|' /C calc'!A0,");
  });
});

describe("parseAccessLogCsv", () => {
  it("parseAccessLogCsv_csvWithOtherColumns_throwsNotAnAccessLogCsvError", () => {
    expect(() => parseAccessLogCsv("name,value\r\na,b\r\n")).toThrow(NotAnAccessLogCsvError);
  });

  it("parseAccessLogCsv_rowWithMissingCells_throwsNotAnAccessLogCsvError", () => {
    expect(() => parseAccessLogCsv(`${ACCESS_LOG_CSV_COLUMNS.join(",")}\r\na,b\r\n`)).toThrow(/row 1 has 2 cells/);
  });
});

describe("purposeOrReason", () => {
  it("purposeOrReason_eachCodedAction_namesItsCode", () => {
    const actor = "0xD0c7000000000000000000000000000000000003" as Address;
    const patient = "0xA11ce00000000000000000000000000000000001" as Address;
    expect(purposeOrReason(entryOf({ action: "record-read", actor, patient, recordId: 1n, categories: [0], purpose: 2 }))).toBe("payment and claims");
    expect(purposeOrReason(entryOf({ action: "record-retracted", actor, patient, recordId: 1n, categories: [0], reason: 2 }))).toBe("duplicate");
    expect(purposeOrReason(entryOf({ action: "access-request-denied", actor: patient, patient, subject: actor, reason: 1 }))).toBe("not my provider");
    expect(purposeOrReason(entryOf({ action: "paused", actor }))).toBe("");
  });
});
