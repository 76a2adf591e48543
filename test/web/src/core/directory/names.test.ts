import { describe, expect, it } from "vitest";

import { directoryNames } from "../../../../../web/src/core/directory/names.js";
import { directoryEntry as entry } from "./support.js";

describe("directoryNames", () => {
  it("directoryNames_providerWithFacility_namesBoth_keyedByLowerCaseAddress", () => {
    const names = directoryNames([entry("0xAbC0000000000000000000000000000000000001", { profile: { name: "Dr. Amara Okafor" }, facility: "St. Mary's" })]);
    expect(names.get("0xabc0000000000000000000000000000000000001")).toBe("Dr. Amara Okafor (St. Mary's)");
  });

  it("directoryNames_hospitalNamingItself_doesNotRepeatTheName", () => {
    const names = directoryNames([entry("0x0000000000000000000000000000000000000002", { kind: 3, profile: { name: "St. Mary's", facility: "St. Mary's" } })]);
    expect(names.get("0x0000000000000000000000000000000000000002")).toBe("St. Mary's");
  });

  it("directoryNames_profileThatFailedToLoad_isLeftOut", () => {
    expect(directoryNames([entry("0x0000000000000000000000000000000000000003", { profileError: "missing" })]).size).toBe(0);
  });
});
