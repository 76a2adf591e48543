import { describe, expect, it } from "vitest";

import type { ParticipantEntry } from "../../../../../web/src/core/directory/directory.js";
import { directorySignature } from "../../../../../web/src/portal/directory/directory-source.js";
import { directoryEntry } from "../../core/directory/support.js";

const participant = (overrides: Partial<ParticipantEntry> = {}): ParticipantEntry => directoryEntry("0xD0c7000000000000000000000000000000000004", overrides);

describe("directorySignature", () => {
  it("directorySignature_sameParticipants_isTheSame", () => {
    expect(directorySignature([participant()])).toBe(directorySignature([participant()]));
  });

  it.each([
    ["a suspension", { active: false }],
    ["a new profile", { profileDigest: `0x${"22".repeat(32)}` as const }],
    ["a key set", { hasEncryptionKey: false }],
    ["another hospital", { affiliation: "0x4057000000000000000000000000000000000006" as const }],
  ])("directorySignature_%s_changesIt", (_, change) => {
    expect(directorySignature([participant(change)])).not.toBe(directorySignature([participant()]));
  });

  it("directorySignature_oneMoreParticipant_changesIt", () => {
    expect(directorySignature([participant(), participant({ account: "0xA11ce00000000000000000000000000000000002" })])).not.toBe(directorySignature([participant()]));
  });
});
