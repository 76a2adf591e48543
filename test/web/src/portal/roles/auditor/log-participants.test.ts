import { describe, expect, it } from "vitest";

import { registeredAccounts } from "../../../../../../web/src/portal/roles/auditor/log-participants.js";
import { alice, bob, doctor, hospital, insurer, LogBuilder } from "../../../core/audit/support.js";

describe("registeredAccounts", () => {
  it("registeredAccounts_historyWithOtherEntries_listsEveryRegisteredAccountOnceInJoiningOrder", () => {
    const log = LogBuilder.withParticipants();
    log.grant(alice, doctor, [0], [0]);
    log.add(alice, alice, 1n, 0);
    log.read(doctor, alice, 1n, 0);
    expect(registeredAccounts(log.entries)).toEqual([alice, bob, hospital, doctor, insurer]);
  });

  it("registeredAccounts_emptyLog_isEmpty", () => {
    expect(registeredAccounts([])).toEqual([]);
  });
});
