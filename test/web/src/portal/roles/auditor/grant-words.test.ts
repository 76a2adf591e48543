import { describe, expect, it } from "vitest";

import { GrantIndex } from "../../../../../../web/src/core/audit/grant-periods.js";
import { underGrant } from "../../../../../../web/src/core/audit/under-grant.js";
import { grantState, underGrantText } from "../../../../../../web/src/portal/roles/auditor/grant-words.js";
import { alice, doctor, insurer, LogBuilder } from "../../../core/audit/support.js";

const NOTES = 0;
const LABS = 1;
const BILLING = 4;
const day = (unixSeconds: number) => `day ${unixSeconds}`;

describe("grantState", () => {
  it("grantState_eachEnd_isStandingExpiredRevokedOrReplaced", () => {
    const log = LogBuilder.withParticipants();
    const replaced = log.grant(alice, doctor, [NOTES]);
    const standing = log.grant(alice, doctor, [NOTES, LABS]);
    const expiresAt = standing.timestamp + 200;
    const expiring = log.grant(alice, insurer, [BILLING], [], expiresAt);
    const grants = GrantIndex.of(log.entries);
    const [first, second, third] = grants.periods;
    expect([replaced.timestamp, standing.timestamp, expiring.timestamp]).toEqual([first?.grantedAt, second?.grantedAt, third?.grantedAt]);
    const now = log.time + 1_000;
    expect(grantState(first!, now)).toEqual({ state: "replaced", endedAt: standing.timestamp });
    expect(grantState(second!, now)).toEqual({ state: "standing" });
    expect(grantState(third!, now)).toEqual({ state: "expired", endedAt: expiresAt });

    log.revoke(alice, doctor, [NOTES, LABS]);
    expect(grantState(GrantIndex.of(log.entries).periods[1]!, now)).toEqual({ state: "revoked", endedAt: log.time });
  });
});

describe("underGrantText", () => {
  it("underGrantText_eachBasis_isOwnDataTheGrantOrAFlag", () => {
    const log = LogBuilder.withParticipants();
    const own = log.add(alice, alice, 1n, NOTES);
    const uncovered = log.read(doctor, alice, 1n, NOTES);
    const granted = log.grant(alice, doctor, [NOTES]);
    const covered = log.read(doctor, alice, 1n, NOTES);
    const grants = GrantIndex.of(log.entries);
    expect(underGrantText(underGrant(grants, own), day)).toEqual({ text: "Own data", flagged: false });
    expect(underGrantText(underGrant(grants, covered), day)).toEqual({ text: `Grant of day ${granted.timestamp}: read general notes`, flagged: false });
    expect(underGrantText(underGrant(grants, uncovered), day)).toEqual({ text: "No grant covered this: the patient had granted nothing to this party", flagged: true });
    expect(underGrantText(underGrant(grants, granted), day)).toBeUndefined();
  });
});
