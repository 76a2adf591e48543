import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../../web/src/core/ledger-context.js";
import { exportFileName } from "../../../../../../web/src/portal/roles/auditor/export-file.js";

const NOON = new Date(2026, 11, 8, 12, 0, 0);

describe("exportFileName", () => {
  it("exportFileName_wholeLog_namesTheChainAndTheLocalDay", () => {
    expect(exportFileName(1337, ".csv", undefined, NOON)).toBe("ehr-ledger-access-log-chain-1337-2026-12-08.csv");
  });

  it("exportFileName_onePatient_addsTheirAddressInLowerCase", () => {
    expect(exportFileName(1, ".fhir.json", "0xA11ce00000000000000000000000000000000002" as Address, NOON)).toBe("ehr-ledger-access-log-chain-1-patient-0xa11ce00000000000000000000000000000000002-2026-12-08.fhir.json");
  });
});
