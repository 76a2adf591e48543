import { describe, expect, it } from "vitest";

import { LedgerStatus } from "../../../../../web/src/core/audit/ledger-status.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { Kind } from "../../../../helpers/fixture.js";
import { alice, doctor, LogBuilder } from "./support.js";
import { NO_KEY_OR_PROFILE } from "../access-log/support.js";

const stranger = "0x5000000000000000000000000000000000009999" as Address;

describe("LedgerStatus", () => {
  const log = new LogBuilder();
  const registered = log.push({ action: "participant-registered", actor: doctor, subject: doctor, kind: Kind.Doctor, ...NO_KEY_OR_PROFILE });
  const suspended = log.suspend(doctor);
  const paused = log.pause();
  const reactivated = log.reactivate(doctor);
  const unpaused = log.unpause();
  const status = LedgerStatus.of(log.entries);

  it("kindOf_beforeAndAfterRegistration_isNoneThenTheKind", () => {
    expect([status.kindOf(doctor, registered), status.kindOf(doctor, suspended), status.kindOf(doctor), status.kindOf(stranger)]).toEqual([0, Kind.Doctor, Kind.Doctor, 0]);
    expect(status.kindOf(doctor.toLowerCase() as Address)).toBe(Kind.Doctor);
  });

  it("isActive_acrossSuspensionAndReactivation_followsEachChange", () => {
    expect([registered, suspended, paused, reactivated, unpaused].map((at) => status.isActive(doctor, at))).toEqual([false, true, false, false, true]);
    expect([status.isActive(doctor), status.isActive(alice), status.isActive(stranger)]).toEqual([true, false, false]);
  });

  it("isPaused_betweenPauseAndUnpause_isTrue", () => {
    expect([paused, reactivated, unpaused].map((at) => status.isPaused(at))).toEqual([false, true, true]);
    expect(status.isPaused()).toBe(false);
    expect(LedgerStatus.of(log.entries.slice(0, 3)).isPaused()).toBe(true);
  });
});
