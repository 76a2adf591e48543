import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { HISTORY_START, KeptHistoryMismatchError, SyntheticHistory, type HistoryDescription } from "../../../scripts/bench/audit/history.js";
import type { PlannedBlock } from "../../../scripts/bench/audit/planned-block.js";
import { HistoryPlanner, setupEvents, type HistoryShape } from "../../../scripts/bench/audit/planner.js";
import { providerMix } from "../../../scripts/bench/audit/roster.js";
import type { Address } from "../../../web/src/core/ledger-context.js";

const DAY = 86_400;
const ADMIN = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266" as Address;
const SHAPE: HistoryShape = { seed: "planner test", patients: 12, providers: 6, start: HISTORY_START, days: 90, eventsPerBlock: 200 };

function plannedBlocks(planner: HistoryPlanner, events: number): PlannedBlock[] {
  return [...planner.plan(events)];
}

const eventsIn = (blocks: readonly PlannedBlock[]) => blocks.reduce((sum, block) => sum + block.txs.reduce((inBlock, tx) => inBlock + tx.actions.length, 0), 0);

describe("HistoryPlanner", () => {
  it("plan_anEventCount_yieldsBlocksHoldingExactlyThatMany", () => {
    const planner = new HistoryPlanner(SHAPE, ADMIN, 1);
    const blocks = plannedBlocks(planner, 1_500);
    expect(eventsIn(blocks)).toBe(1_500);
    expect(planner.events).toBe(1_500);
    expect([...planner.counts.values()].reduce((a, b) => a + b, 0)).toBe(1_500);
  });

  it("plan_firstCall_registersEveryoneOnceAndSpreadsOverTheDays", () => {
    const planner = new HistoryPlanner(SHAPE, ADMIN, 1);
    const blocks = plannedBlocks(planner, 1_500);
    expect(planner.counts.get("participant-registered")).toBe(SHAPE.patients + SHAPE.providers + 1);
    expect(planner.counts.get("sign-up-fee-changed")).toBe(1);
    expect(planner.counts.get("fees-withdrawn")).toBe(1);
    const times = blocks.map((block) => block.timestamp);
    expect(times.every((time, i) => i === 0 || time > (times[i - 1] as number))).toBe(true);
    expect(times[0]).toBe(HISTORY_START);
    expect((times.at(-1) as number) - HISTORY_START).toBeGreaterThan(80 * DAY);
  });

  it("plan_sameSeedTwice_plansTheSameTransactions", () => {
    const first = plannedBlocks(new HistoryPlanner(SHAPE, ADMIN, 1), 800);
    const again = plannedBlocks(new HistoryPlanner(SHAPE, ADMIN, 1), 800);
    const other = plannedBlocks(new HistoryPlanner({ ...SHAPE, seed: "another" }, ADMIN, 1), 800);
    expect(again).toEqual(first);
    expect(other.flatMap((block) => block.txs.map((tx) => tx.data))).not.toEqual(first.flatMap((block) => block.txs.map((tx) => tx.data)));
  });

  it("plan_secondCall_continuesAfterTheFirstWithExactlyTheNewEvents", () => {
    const planner = new HistoryPlanner(SHAPE, ADMIN, 1);
    const first = plannedBlocks(planner, 800);
    const more = plannedBlocks(planner, 300);
    expect(eventsIn(more)).toBe(300);
    expect(planner.events).toBe(1_100);
    expect((more[0] as PlannedBlock).timestamp).toBeGreaterThan((first.at(-1) as PlannedBlock).timestamp);
    expect(more.flatMap((block) => block.txs).some((tx) => tx.actions.includes("participant-registered"))).toBe(false);
  });

  it("plan_senders_useConsecutiveNoncesFromTheAdminsFirst", () => {
    const blocks = plannedBlocks(new HistoryPlanner(SHAPE, ADMIN, 7), 600);
    const nonces = new Map<string, number[]>();
    for (const tx of blocks.flatMap((block) => block.txs)) nonces.set(tx.from, [...(nonces.get(tx.from) ?? []), tx.nonce]);
    for (const [from, list] of nonces) expect(list).toEqual(list.map((_, i) => i + (from === ADMIN ? 7 : 0)));
  });

  it("plan_fewerEventsThanTheSetupNeeds_throwsRangeError", () => {
    const needed = setupEvents(SHAPE.patients, SHAPE.providers);
    expect(() => plannedBlocks(new HistoryPlanner(SHAPE, ADMIN, 1), needed - 1)).toThrow(RangeError);
    expect(eventsIn(plannedBlocks(new HistoryPlanner(SHAPE, ADMIN, 1), needed))).toBe(needed);
  });

  it("providerMix_twoHundred_isTwentyHospitalsTenInsurersThirtyLabsAndTheRestDoctors", () => {
    expect(providerMix(200)).toEqual({ hospitals: 20, insurers: 10, labs: 30, doctors: 140 });
    expect(() => providerMix(3)).toThrow(RangeError);
  });
});

describe("SyntheticHistory kept in a folder", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "audit-history-test-"));
  const options = { seed: "keep test", events: 400, patients: 6, providers: 5, keepDir: dir, log: () => undefined };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("start_sameFolderAgain_reopensTheHistoryAndGrowsIt", async () => {
    const made = await SyntheticHistory.start(options);
    const counts = Object.fromEntries(made.counts);
    const head = made.headBlock;
    await made.stop();
    const description = JSON.parse(readFileSync(path.join(dir, "history.json"), "utf8")) as HistoryDescription;
    expect(description).toMatchObject({ events: 400, ledgerAddress: made.ledgerAddress, deploymentBlock: made.deploymentBlock.toString(), headBlock: head.toString(), counts });

    const reopened = await SyntheticHistory.start(options);
    try {
      expect(reopened.events).toBe(400);
      expect(Object.fromEntries(reopened.counts)).toEqual(counts);
      expect(reopened.headBlock).toBe(head);
      const growth = await reopened.grow(100);
      expect(growth.events).toBe(100);
      expect(reopened.events).toBe(500);
    } finally {
      await reopened.stop();
    }
  });

  it("start_folderWithAChainButNoDescription_throwsKeptHistoryMismatchError", async () => {
    const halfDone = mkdtempSync(path.join(tmpdir(), "audit-history-test-"));
    try {
      writeFileSync(path.join(halfDone, "anvil-state.json"), "{}");
      await expect(SyntheticHistory.start({ ...options, keepDir: halfDone })).rejects.toThrow(/holds a chain \(anvil-state.json\) but no history.json/);
    } finally {
      rmSync(halfDone, { recursive: true, force: true });
    }
  });

  it("start_sameFolderOtherShape_throwsKeptHistoryMismatchError", async () => {
    expect(existsSync(path.join(dir, "history.json"))).toBe(true);
    await expect(SyntheticHistory.start({ ...options, seed: "another seed" })).rejects.toThrow(KeptHistoryMismatchError);
  });
});
