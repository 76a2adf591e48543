import { describe, expect, it } from "vitest";

import {
  advanceSteps,
  allConfirmed,
  failSteps,
  plannedSteps,
  skipIdleSteps,
  trackSteps,
  withStatus,
} from "../../../../../../../web/src/portal/roles/patient/sharing/transaction-steps.js";

const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as const;
const stages = (steps: ReturnType<typeof plannedSteps>) => steps.map((step) => step.state.stage);

describe("advanceSteps", () => {
  it("advanceSteps with a full lifecycle per transaction moves to the next step after each confirmation", () => {
    let steps = plannedSteps(["Revoke", "Rotate A", "Rotate B"]);
    for (const [n] of [[1], [2], [3]] as const) {
      steps = advanceSteps(steps, { stage: "simulating" });
      steps = advanceSteps(steps, { stage: "awaiting-signature" });
      steps = advanceSteps(steps, { stage: "pending", hash: hash(n) });
      steps = advanceSteps(steps, { stage: "confirmed", hash: hash(n) });
    }
    expect(stages(steps)).toEqual(["confirmed", "confirmed", "confirmed"]);
    expect(steps.map((step) => ("hash" in step.state ? step.state.hash : undefined))).toEqual([hash(1), hash(2), hash(3)]);
    expect(allConfirmed(steps)).toBe(true);
  });

  it("advanceSteps with a second simulation before confirmation keeps it on the same step (a retried race)", () => {
    let steps = plannedSteps(["Revoke", "Rotate"]);
    steps = advanceSteps(steps, { stage: "simulating" });
    steps = advanceSteps(steps, { stage: "confirmed", hash: hash(1) });
    steps = advanceSteps(steps, { stage: "simulating" });
    steps = advanceSteps(steps, { stage: "simulating" });
    expect(stages(steps)).toEqual(["confirmed", "simulating"]);
  });

  it("advanceSteps with more transactions than planned appends a step instead of dropping the status", () => {
    let steps = plannedSteps(["Revoke"]);
    steps = advanceSteps(steps, { stage: "confirmed", hash: hash(1) });
    steps = advanceSteps(steps, { stage: "simulating" });
    expect(steps).toHaveLength(2);
    expect(steps[1]).toEqual({ label: "Further transaction", state: { stage: "simulating" } });
  });
});

describe("withStatus", () => {
  it("withStatus sets the named step only", () => {
    const steps = withStatus(plannedSteps(["Key", "Grant"]), 1, { stage: "pending", hash: hash(7) });
    expect(stages(steps)).toEqual(["idle", "pending"]);
  });

  it("withStatus with an index outside the plan throws a RangeError", () => {
    expect(() => withStatus(plannedSteps(["Grant"]), 1, { stage: "simulating" })).toThrow(RangeError);
  });
});

describe("failSteps", () => {
  it("failSteps marks the step in progress failed and keeps its hash", () => {
    const error = new Error("declined");
    let steps = plannedSteps(["Revoke", "Rotate"]);
    steps = advanceSteps(steps, { stage: "confirmed", hash: hash(1) });
    steps = advanceSteps(steps, { stage: "simulating" });
    steps = advanceSteps(steps, { stage: "pending", hash: hash(2) });
    steps = failSteps(steps, error);
    expect(steps[1]?.state).toEqual({ stage: "failed", error, hash: hash(2) });
    expect(allConfirmed(steps)).toBe(false);
  });

  it("failSteps with no step in progress fails the first idle one (the flow failed while preparing it)", () => {
    const error = new Error("no key");
    const steps = failSteps(withStatus(plannedSteps(["Key", "Grant"]), 0, { stage: "confirmed", hash: hash(1) }), error);
    expect(stages(steps)).toEqual(["confirmed", "failed"]);
  });

  it("failSteps after every step finished changes nothing", () => {
    const steps = withStatus(plannedSteps(["Grant"]), 0, { stage: "confirmed", hash: hash(1) });
    expect(failSteps(steps, new Error("late"))).toEqual(steps);
  });
});

describe("skipIdleSteps", () => {
  it("skipIdleSteps marks never-started steps skipped, so the flow counts as complete", () => {
    const steps = skipIdleSteps(withStatus(plannedSteps(["Revoke", "Rotate"]), 0, { stage: "confirmed", hash: hash(1) }));
    expect(stages(steps)).toEqual(["confirmed", "skipped"]);
    expect(allConfirmed(steps)).toBe(true);
  });
});

describe("trackSteps", () => {
  it("trackSteps reports the initial steps at once and every update after, keeping the latest", () => {
    const reports: string[][] = [];
    const tracker = trackSteps(plannedSteps(["Grant"]), (steps) => reports.push(stages(steps)));
    tracker.update(withStatus(tracker.steps, 0, { stage: "simulating" }));
    expect(reports).toEqual([["idle"], ["simulating"]]);
    expect(stages(tracker.steps)).toEqual(["simulating"]);
  });
});
