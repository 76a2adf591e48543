import { describe, expect, it } from "vitest";

import { GrantIndex } from "../../../../../../../web/src/core/audit/grant-periods.js";
import { grantTimeline } from "../../../../../../../web/src/portal/roles/auditor/patients/grant-timeline.js";
import { alice, doctor, insurer, LogBuilder } from "../../../../core/audit/support.js";

describe("grantTimeline", () => {
  it("grantTimeline_revokedAndStanding_barsFromGrantToEndOrNow", () => {
    const log = LogBuilder.withParticipants();
    const first = log.at(1_000_000).grant(alice, doctor, [0]);
    log.at(1_000_500).revoke(alice, doctor, [0]);
    log.at(1_000_600).grant(alice, insurer, [4]);
    const { periods } = GrantIndex.of(log.entries);
    const timeline = grantTimeline(periods, 1_001_000);
    expect(first.timestamp).toBe(1_000_000);
    expect(timeline).toMatchObject({ from: 1_000_000, to: 1_001_000, hidden: 0 });
    expect(timeline.bars.map(({ state, start, end, left, width }) => ({ state, start, end, left, width }))).toEqual([
      { state: "revoked", start: 1_000_000, end: 1_000_500, left: 0, width: 0.5 },
      { state: "standing", start: 1_000_600, end: 1_001_000, left: 0.6, width: expect.closeTo(0.4, 10) },
    ]);
  });

  it("grantTimeline_moreGrantsThanRows_keepsTheNewestAndCountsTheRest", () => {
    const log = LogBuilder.withParticipants();
    for (let i = 0; i < 5; i++) log.grant(alice, doctor, [i]);
    const { periods } = GrantIndex.of(log.entries);
    const timeline = grantTimeline(periods, log.time + 10, 2);
    expect(timeline.hidden).toBe(3);
    expect(timeline.bars.map((bar) => bar.period.id)).toEqual([3, 4]);
    expect(timeline.bars[0]?.state).toBe("replaced");
  });

  it("grantTimeline_grantAtTheVeryMoment_stillGetsAVisibleBar", () => {
    const log = LogBuilder.withParticipants();
    const granted = log.grant(alice, doctor, [0]);
    const [bar] = grantTimeline(GrantIndex.of(log.entries).periods, granted.timestamp).bars;
    expect(bar?.width).toBeGreaterThan(0);
  });

  it("grantTimeline_noGrants_isEmpty", () => {
    expect(grantTimeline([], 5)).toEqual({ from: 5, to: 5, bars: [], hidden: 0 });
  });
});
