import { describe, expect, it } from "vitest";

import { accessLogCsv, parseAccessLogCsv } from "../../../../../../web/src/core/access-log/export/access-log-csv.js";
import { auditEventFacts, toAuditEventBundle } from "../../../../../../web/src/core/access-log/export/audit-event-bundle.js";
import { exportAccessLog, exportedText } from "../../../../../../web/src/core/access-log/export/export-access-log.js";
import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import { DOCTOR, oneEntryOfEachAction } from "./every-action.js";

const CONTEXT = { chainId: 1337, contract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address };
const EXPORTED_AT = new Date("2026-12-08T10:00:00Z");
const nameOf = (address: Address) => (address === DOCTOR ? "Dr. Amara Okafor (St. Mary's)" : undefined);

describe("exportAccessLog", () => {
  it("exportAccessLog_fhirOfNothing_isAnEmptyValidBundle", () => {
    expect(JSON.parse(exportedText(exportAccessLog("fhir", [], { ...CONTEXT, exportedAt: EXPORTED_AT })))).toEqual({ ...toAuditEventBundle([], CONTEXT, EXPORTED_AT), entry: [] });
  });

  it("exportAccessLog_csv_isTheAccessLogCsvWithNamesAsTextCsv", () => {
    const entries = oneEntryOfEachAction();
    const exported = exportAccessLog("csv", entries, { ...CONTEXT, nameOf });
    expect(exported).toEqual({ parts: [accessLogCsv(entries, nameOf)], mediaType: "text/csv", extension: ".csv" });
    expect(parseAccessLogCsv(exportedText(exported)).map((row) => row.action)).toEqual(entries.map((entry) => entry.action));
  });

  it("exportAccessLog_fhir_isTheBundleOneEventPerLineThatReadsBackEntryForEntry", () => {
    const entries = oneEntryOfEachAction();
    const exported = exportAccessLog("fhir", entries, { ...CONTEXT, exportedAt: EXPORTED_AT });
    expect(exported.mediaType).toBe("application/fhir+json");
    expect(exported.extension).toBe(".fhir.json");
    const text = exportedText(exported);
    expect(JSON.parse(text)).toEqual(toAuditEventBundle(entries, CONTEXT, EXPORTED_AT));
    expect(text.split("\n")).toHaveLength(entries.length + 3);
    expect(exported.parts).toHaveLength(entries.length + 2);
    const bundle = JSON.parse(text) as ReturnType<typeof toAuditEventBundle>;
    expect(bundle.entry?.map((item) => auditEventFacts(item.resource!).transactionHash)).toEqual(entries.map((entry) => entry.transactionHash));
  });
});
