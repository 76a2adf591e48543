import { describe, expect, it } from "vitest";

import { integrityReport, recordsToVerify } from "../../../scripts/audit/verify.js";
import type { CheckableRecord } from "../../../web/src/core/audit/integrity-records.js";
import type { IntegrityResult } from "../../../web/src/core/audit/integrity.js";
import type { LedgerConnection } from "../../../web/src/core/chain/connection.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { LedgerLog } from "../../../web/src/core/log-sync/ledger-log.js";
import { MemoryLogCache } from "../../../web/src/core/log-sync/log-cache.js";
import { encodeLogSnapshot, entryLine } from "../../../web/src/core/log-sync/log-snapshot.js";
import { alice, bob, doctor, LogBuilder } from "../../web/src/core/audit/support.js";

const CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3" as Address;

/** A log opened from a cache holding `builder`'s entries; it never talks to a chain. */
async function logOf(builder: LogBuilder): Promise<LedgerLog> {
  const connection = { chainId: 1337, address: CONTRACT, deploymentBlock: 1n } as LedgerConnection;
  const cache = new MemoryLogCache();
  await cache.save(encodeLogSnapshot({ chainId: 1337, contract: CONTRACT, syncedTo: BigInt(builder.entries.length), checkpoints: [] }, builder.entries.map(entryLine)));
  return await LedgerLog.open(connection, cache, { confirmations: 0 });
}

function history() {
  const log = LogBuilder.withParticipants();
  log.grant(alice, doctor, [0, 1], [0, 1]);
  const first = log.add(alice, alice, 1n, 0);
  log.add(doctor, alice, 2n, 1);
  log.add(bob, bob, 1n, 7);
  log.retract(alice, alice, 1n, 0, 2);
  return { log, first };
}

describe("recordsToVerify", () => {
  it("recordsToVerify_patientAndCategory_selectsThoseVersionsRetractedIncluded", async () => {
    const { log } = history();
    const ledgerLog = await logOf(log);
    expect(recordsToVerify(ledgerLog, {}).map((record) => [record.patient, record.recordId])).toEqual([[alice, 1n], [alice, 2n], [bob, 1n]]);
    expect(recordsToVerify(ledgerLog, { patient: alice, category: 0 })).toEqual([expect.objectContaining({ recordId: 1n, retracted: true, retractedReason: 2 })]);
    expect(recordsToVerify(ledgerLog, { patient: alice, recordId: 2n }).map((record) => record.author)).toEqual([doctor]);
  });

  it("recordsToVerify_timeRange_goesByWhenTheVersionWasAdded", async () => {
    const { log, first } = history();
    const ledgerLog = await logOf(log);
    expect(recordsToVerify(ledgerLog, { from: first.timestamp + 1 }).map((record) => record.recordId)).toEqual([2n, 1n]);
    expect(recordsToVerify(ledgerLog, { to: first.timestamp }).map((record) => record.patient)).toEqual([alice]);
  });
});

describe("integrityReport", () => {
  it("integrityReport_mixedVerdicts_summarisesAndListsEveryRecordNotVerified", async () => {
    const { log } = history();
    const [retracted, byDoctor, bobs] = recordsToVerify(await logOf(log), {}) as [CheckableRecord, CheckableRecord, CheckableRecord];
    const results: IntegrityResult<CheckableRecord>[] = [
      { record: retracted, depth: "full", manifestCid: "bafk1", status: "missing", problem: "its manifest is not on the IPFS node.", failure: { at: "manifest", cid: "bafk1" }, checked: { files: 0, parts: 0, bytes: 0 } },
      { record: byDoctor, depth: "full", manifestCid: "bafk2", status: "verified", checked: { files: 1, parts: 1, bytes: 10 } },
      { record: bobs, depth: "full", manifestCid: "bafk3", status: "mismatch", problem: "part 0 of file 0 does not match.", failure: { at: "part", file: 0, part: 0, cid: "bafk4" }, checked: { files: 0, parts: 0, bytes: 0 } },
    ];
    const lines = integrityReport(results, (address) => (address === doctor ? "Dr. Okafor" : undefined)).trimEnd().split("\n");
    expect(lines[0]).toBe("3 record versions checked: 1 verified, 1 mismatch, 1 missing.");
    expect(lines[1]).toMatch(new RegExp(`^MISSING  record #1 \\(retracted\\) of patient ${alice}, added \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC by 0xA11c…0002, transaction 0x\\w+: its manifest is not on the IPFS node\\.$`));
    expect(lines[2]).toMatch(new RegExp(`^MISMATCH  record #1 of patient ${bob}, .* by 0xB0b0…0003, .*: part 0 of file 0 does not match\\.$`));
    expect(lines).toHaveLength(3);
  });
});
