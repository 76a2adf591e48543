import { describe, expect, it } from "vitest";

import type { AccessLogEntry } from "../../../../../web/src/core/access-log/entry.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { decodeLogSnapshot, encodeLogSnapshot, entryLine, LOG_SNAPSHOT_VERSION } from "../../../../../web/src/core/log-sync/log-snapshot.js";
import { entryOf } from "../access-log/support.js";

const doctor = "0xD0c7000000000000000000000000000000000003" as Address;
const patient = "0xA11ce00000000000000000000000000000000001" as Address;
const header = { chainId: 1337, contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3", syncedTo: 2n ** 64n, checkpoints: [{ blockNumber: 41n, hash: `0x${"ab".repeat(32)}` as const }] };
const read = entryOf({ action: "record-read", actor: doctor, patient, recordId: 2n ** 70n, categories: [0], purpose: 1 });
const paused = entryOf({ action: "paused", actor: doctor }, 1_800_000_000);

describe("encodeLogSnapshot / decodeLogSnapshot", () => {
  it("decodeLogSnapshot_encodedSnapshot_roundTripsHeaderEntriesAndLines", () => {
    const lines = [read, paused].map(entryLine);
    const decoded = decodeLogSnapshot(encodeLogSnapshot(header, lines));
    expect(decoded).toEqual({ header: { version: LOG_SNAPSHOT_VERSION, ...header, entryCount: 2 }, entries: [read, paused], lines });
  });

  it("decodeLogSnapshot_noEntries_roundTrips", () => {
    expect(decodeLogSnapshot(encodeLogSnapshot(header, []))).toEqual({ header: { version: LOG_SNAPSHOT_VERSION, ...header, entryCount: 0 }, entries: [], lines: [] });
  });

  it("entryLine_valueWithANewline_staysOnOneLine", () => {
    const line = entryLine({ ...read, transactionHash: "0x\n" } as unknown as AccessLogEntry);
    expect(line.includes("\n")).toBe(false);
    expect(decodeLogSnapshot(encodeLogSnapshot(header, [line, entryLine(read)]))?.entries[0]).toMatchObject({ transactionHash: "0x\n" });
  });

  it("decodeLogSnapshot_textCutShort_isUndefined", () => {
    const text = encodeLogSnapshot(header, [read, read, read].map(entryLine));
    expect(decodeLogSnapshot(text.slice(0, text.lastIndexOf("\n")))).toBeUndefined();
  });

  it("decodeLogSnapshot_otherVersionOrEmpty_isUndefined", () => {
    expect(decodeLogSnapshot(JSON.stringify({ version: 1, chainId: 1337, entries: [] }))).toBeUndefined();
    expect(decodeLogSnapshot("")).toBeUndefined();
  });
});
