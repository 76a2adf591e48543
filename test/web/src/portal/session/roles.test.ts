import { describe, expect, it } from "vitest";

import type { Participant } from "../../../../../web/src/core/chain/views.js";
import { roleUsesKeys, standingOf } from "../../../../../web/src/portal/session/roles.js";

const ZERO = `0x${"00".repeat(32)}` as const;
const KEY = `0x${"11".repeat(32)}` as const;
const participant = (kind: number, status = 0, encryptionKey: `0x${string}` = KEY): Participant => ({
  kind,
  status,
  registeredAt: 1,
  affiliation: "0x0000000000000000000000000000000000000000",
  encryptionKey,
  profileDigest: ZERO,
});

describe("standingOf", () => {
  it("standingOf_admin_isAdminWhateverTheRegistrySays", () => {
    expect(standingOf(true, participant(0))).toEqual({ kind: "admin" });
  });

  it("standingOf_unknownAccount_isUnregistered", () => {
    expect(standingOf(false, participant(0))).toEqual({ kind: "unregistered" });
  });

  it.each([
    [1, "patient"],
    [2, "doctor"],
    [3, "hospital"],
    [4, "insurer"],
    [5, "lab"],
    [6, "auditor"],
  ])("standingOf_kind%i_isRole%s", (kind, role) => {
    expect(standingOf(false, participant(kind))).toMatchObject({ kind: "participant", role, suspended: false, needsKey: false });
  });

  it("standingOf_suspended_saysSo", () => {
    expect(standingOf(false, participant(2, 1))).toMatchObject({ suspended: true });
  });

  it("standingOf_providerWithoutKey_needsKey", () => {
    expect(standingOf(false, participant(2, 0, ZERO))).toMatchObject({ needsKey: true });
  });

  it("standingOf_auditorWithoutKey_needsNoKey", () => {
    expect(standingOf(false, participant(6, 0, ZERO))).toMatchObject({ needsKey: false });
  });
});

describe("roleUsesKeys", () => {
  it("roleUsesKeys_adminAndAuditor_false_othersTrue", () => {
    expect(["admin", "auditor", "patient", "doctor", "hospital", "insurer", "lab"].map((role) => roleUsesKeys(role as never))).toEqual([
      false, false, true, true, true, true, true,
    ]);
  });
});
