import { describe, expect, it } from "vitest";

import type { CheckableRecord } from "../../../../../../../web/src/core/audit/integrity-records.js";
import type { RecordClaim } from "../../../../../../../web/src/core/audit/integrity.js";
import { createIpfsStore } from "../../../../../../../web/src/core/ipfs/store.js";
import { IntegrityRuns, verdictKey } from "../../../../../../../web/src/portal/roles/auditor/integrity/integrity-runs.js";
import { freePort } from "../../../../../../../scripts/bench/storage/local-stack.js";
import { claimOfAbsent, storedRecord } from "../../../../core/audit/integrity-support.js";
import { deterministicBytes, useNodeAndStore } from "../../../../core/ipfs/support.js";

const ipfs = useNodeAndStore({}, { retries: 0 });

const checkable = (claim: RecordClaim): CheckableRecord => ({ ...claim, author: claim.patient, category: 7, retracted: false, addedAt: 1_800_000_000, transactionHash: `0x${"ab".repeat(32)}` });

async function records(): Promise<CheckableRecord[]> {
  const verified = await storedRecord(ipfs.store, [deterministicBytes(64, "runs")], 1n);
  return [checkable(verified), checkable(claimOfAbsent("runs", 2n))];
}

/** The store, answering only once `release` is called (the page's redraws are throttled: a check must outlast them to be seen running). */
function heldStore() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const store = { ...ipfs.store, cat: async (cid: string, options: { maxBytes: number; signal?: AbortSignal }) => {
    await held;
    options.signal?.throwIfAborted();
    return ipfs.store.cat(cid, options);
  } };
  return { store, release };
}

describe("IntegrityRuns", () => {
  it("checkAll_twoRecords_keepsBothVerdictsAndEndsWithoutARun", async () => {
    const runs = new IntegrityRuns(async () => ipfs.store);
    const [verified, missing] = await records();
    await runs.checkAll([verified!, missing!], "full");
    await expect.poll(() => runs.getSnapshot().version).toBeGreaterThan(0);
    const { verdicts, bulk, stopped } = runs.getSnapshot();
    expect(bulk).toBeUndefined();
    expect(stopped).toBeUndefined();
    expect(verdicts.get(verdictKey(verified!))?.status).toBe("verified");
    expect(verdicts.get(verdictKey(missing!))?.status).toBe("missing");
  });

  it("check_oneRecord_isCheckingUntilItsVerdictArrives", async () => {
    const { store, release } = heldStore();
    const runs = new IntegrityRuns(async () => store);
    const [verified] = await records();
    const checking = runs.check(verified!, "manifest");
    await expect.poll(() => runs.getSnapshot().checking.has(verdictKey(verified!))).toBe(true);
    release();
    await checking;
    await expect.poll(() => runs.getSnapshot().checking.size).toBe(0);
    expect(runs.getSnapshot().verdicts.get(verdictKey(verified!))).toMatchObject({ status: "verified", depth: "manifest" });
  });

  it("checkAll_nodeDown_stopsWithTheNodesErrorAndNoVerdict", async () => {
    const nowhere = createIpfsStore({ apiUrl: `http://127.0.0.1:${await freePort()}`, retries: 0 });
    const runs = new IntegrityRuns(async () => nowhere);
    const [verified] = await records();
    await runs.checkAll([verified!], "manifest");
    await expect.poll(() => runs.getSnapshot().stopped).toBeDefined();
    expect(runs.getSnapshot().stopped).toMatchObject({ name: "IntegrityRunStoppedError", aborted: false });
    expect(runs.getSnapshot().stopped?.message).toContain("could not be reached");
    expect(runs.getSnapshot().verdicts.size).toBe(0);
  });

  it("stop_duringARun_endsItAsStoppedByTheAuditor", async () => {
    // The node answers only after the auditor pressed Stop.
    const { store, release } = heldStore();
    const runs = new IntegrityRuns(async () => store);
    const running = runs.checkAll(await records(), "manifest");
    await expect.poll(() => runs.getSnapshot().bulk).toBeDefined();
    runs.stop();
    release();
    await running;
    await expect.poll(() => runs.getSnapshot().bulk).toBeUndefined();
    expect(runs.getSnapshot().stopped?.message).toBe("The integrity check was stopped after 0 of 2 records.");
  });
});
