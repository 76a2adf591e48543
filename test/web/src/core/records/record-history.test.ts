import { describe, expect, it } from "vitest";

import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { AmbiguousRecordError, recordHistory } from "../../../../../web/src/core/records/record-history.js";
import type { RecordSummary } from "../../../../../web/src/core/records/record-list.js";
import { digest } from "../access-log/support.js";

const alice = "0x00000000000000000000000000000000000000a1" as Address;
const bob = "0x00000000000000000000000000000000000000b0" as Address;

function version(patient: Address, recordId: bigint, links: { supersedes?: bigint; supersededBy?: bigint } = {}): RecordSummary {
  return {
    patient,
    recordId,
    author: "0x00000000000000000000000000000000000000d1",
    category: 0,
    epoch: 1,
    contentDigest: digest(Number(recordId)),
    createdAt: 1_000 + Number(recordId),
    status: links.supersededBy === undefined ? "active" : "superseded",
    transactionHash: digest(0x80 + Number(recordId)),
    ...links,
  };
}

/** alice: 1 → 3 → 4 amended twice, 2 alone. bob: 1 alone. */
const records = [
  version(alice, 1n, { supersededBy: 3n }),
  version(alice, 2n),
  version(alice, 3n, { supersedes: 1n, supersededBy: 4n }),
  version(alice, 4n, { supersedes: 3n }),
];

describe("recordHistory", () => {
  it("returns the whole amend chain oldest first, from its first, middle or last version", () => {
    for (const recordId of [1n, 3n, 4n]) {
      expect(recordHistory(records, recordId).map((record) => record.recordId)).toEqual([1n, 3n, 4n]);
    }
  });

  it("returns a record never amended alone", () => {
    expect(recordHistory(records, 2n)).toEqual([records[1]]);
  });

  it("returns nothing for a record the list does not hold", () => {
    expect(recordHistory(records, 9n)).toEqual([]);
  });

  it("refuses a record id that several patients of the list share unless the patient is named", () => {
    const acrossPatients = [...records, version(bob, 1n)];
    expect(() => recordHistory(acrossPatients, 1n)).toThrow(AmbiguousRecordError);
    expect(() => recordHistory(acrossPatients, 1n)).toThrow("Record #1 exists for more than one patient in this list: name the patient to see its history.");
    expect(recordHistory(acrossPatients, 1n, bob).map((record) => [record.patient, record.recordId])).toEqual([[bob, 1n]]);
    expect(recordHistory(acrossPatients, 3n, alice.toUpperCase().replace("0X", "0x") as Address).map((record) => record.recordId)).toEqual([1n, 3n, 4n]);
  });

  it("stops at versions the list does not hold", () => {
    const partial = records.filter((record) => record.recordId !== 1n);
    expect(recordHistory(partial, 4n).map((record) => record.recordId)).toEqual([3n, 4n]);
  });
});
