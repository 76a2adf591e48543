import { describe, expect, it } from "vitest";

import { KIND } from "../../../scripts/bench/audit/ledger-model.js";
import { providerProfiles } from "../../../scripts/bench/audit/provider-profiles.js";
import { buildRoster } from "../../../scripts/bench/audit/roster.js";
import { SeededRandom } from "../../../scripts/bench/audit/random.js";
import type { Address } from "../../../web/src/core/ledger-context.js";

const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as Address;

describe("providerProfiles", () => {
  it("providerProfiles_roster_namesHospitalsDoctorsLabsAndInsurersAsTheirKind", () => {
    const hospital = address(1);
    const profiles = providerProfiles([
      { address: hospital, kind: KIND.hospital },
      { address: address(2), kind: KIND.insurer },
      { address: address(3), kind: KIND.lab, affiliation: hospital },
      { address: address(4), kind: KIND.doctor, affiliation: hospital },
      { address: address(5), kind: KIND.doctor },
    ]);
    expect([...profiles.values()]).toEqual([
      { name: "Ashford General Hospital", specialty: "General hospital" },
      { name: "Northwind Health Insurance", specialty: "Health insurer" },
      { name: "Ashford Clinical Laboratory", specialty: "Clinical chemistry" },
      { name: "Dr. Amara Adeyemi", specialty: "General practice" },
      // Without a hospital, the directory has no facility for them but the practice their profile names.
      { name: "Dr. Benedikt Bergström", specialty: "Cardiology", facility: "Bergström Family Practice" },
    ]);
  });

  it("providerProfiles_defaultRoster_givesEveryProviderADistinctNameWithoutARoundNumber", () => {
    const roster = buildRoster("ehr-ledger", 10, 200, new SeededRandom("ehr-ledger"));
    const profiles = providerProfiles(roster.providers);
    const names = [...profiles.values()].map((profile) => profile.name);
    expect(new Set(names).size).toBe(200);
    expect(names.filter((name) => / \d+$/.test(name))).toEqual([]);
    expect([...profiles.keys()]).toEqual(roster.providers.map((provider) => provider.address.toLowerCase()));
  });

  it("providerProfiles_anAuditor_throwsRangeError", () => {
    expect(() => providerProfiles([{ address: address(9), kind: KIND.auditor }])).toThrow(RangeError);
  });
});
