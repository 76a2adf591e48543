import { describe, expect, it } from "vitest";

import { integrityProgressLine, progressLine, progressWriter } from "../../../scripts/audit/progress.js";
import { auditTable } from "../../../scripts/audit/table.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { entryOf } from "../../web/src/core/access-log/support.js";

const doctor = "0xD0c7000000000000000000000000000000000003" as Address;
const patient = "0xA11ce00000000000000000000000000000000001" as Address;

describe("auditTable", () => {
  it("auditTable_somePages_alignsColumnsAndSaysHowManyOfTheTotal", () => {
    const read = entryOf({ action: "record-read", actor: doctor, patient, recordId: 3n, categories: [1], purpose: 0 }, Date.UTC(2026, 10, 2, 8, 15) / 1000);
    const lines = auditTable([read], 12, (address) => (address === doctor ? "Dr. Okafor" : undefined)).split("\n");
    expect(lines[0]).toMatch(/^time \(UTC\)\s+action\s+actor\s+patient\s+record\s+what happened$/);
    expect(lines[1]).toMatch(/^2026-11-02 08:15\s+record-read\s+0xD0c7…0003\s+0xA11c…0001\s+#3\s+Dr\. Okafor opened record #3 \(lab results\)/);
    expect(lines.at(-2)).toBe("1 of 12 entries, newest first (--limit for more, --format csv for all)");
  });
});

describe("progressLine", () => {
  it("progressLine_halfway_drawsHalfTheBar", () => {
    expect(progressLine({ fromBlock: 1n, toBlock: 100n, scannedTo: 50n, entries: 7 })).toBe(`[audit] syncing [${"#".repeat(15)}${"-".repeat(15)}] 50% block 50 of 100, 7 entries`);
  });

  it("integrityProgressLine_aQuarterDone_drawsAQuarterWithTheCounts", () => {
    expect(integrityProgressLine({ done: 1, total: 4, verified: 1, mismatch: 0, missing: 0, bytes: 9 })).toBe(`[audit] checking [${"#".repeat(8)}${"-".repeat(22)}] 25% 1 of 4 records: 1 verified, 0 mismatch, 0 missing`);
    expect(integrityProgressLine({ done: 0, total: 0, verified: 0, mismatch: 0, missing: 0, bytes: 0 })).toContain("100% 0 of 0 records");
  });
});

describe("progressWriter", () => {
  const capture = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, write: progressWriter({ isTTY, write: (text: string) => written.push(text) }) };
  };
  const line = (scannedTo: bigint, entries: number) => progressLine({ fromBlock: 1n, toBlock: 100n, scannedTo, entries });

  it("progressWriter_terminal_redrawsEveryChangeInPlace", () => {
    const { written, write } = capture(true);
    [line(10n, 1), line(10n, 1), line(11n, 2)].forEach(write);
    expect(written).toEqual([`\r${line(10n, 1)}`, `\r${line(11n, 2)}`]);
  });

  it("progressWriter_pipe_writesALineOnlyWhenTheBarMoves", () => {
    const { written, write } = capture(false);
    [line(10n, 1), line(10n, 5), line(12n, 9), line(50n, 30), line(100n, 70)].forEach(write);
    expect(written).toEqual([`${line(10n, 1)}\n`, `${line(12n, 9)}\n`, `${line(50n, 30)}\n`, `${line(100n, 70)}\n`]);
  });
});
