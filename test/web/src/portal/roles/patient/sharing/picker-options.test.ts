import { describe, expect, it } from "vitest";

import { choiceOf, isChosen, pickerOptions, providerFacts, toggleChoice } from "../../../../../../../web/src/portal/roles/patient/sharing/picker-options.js";
import { address, cardiologist, DIRECTORY, hospital, insurer, keyless, lab } from "./directory-fixture.js";

const names = (options: ReturnType<typeof pickerOptions>) => options.map((option) => option.name);

describe("pickerOptions", () => {
  it("pickerOptions offers active providers with a profile, by name, leaving out suspended and unprofiled ones", () => {
    expect(names(pickerOptions(DIRECTORY, "", "all"))).toEqual(["Acme Health Insurance", "Dr. Ada Quinn", "Dr. Ben Keyless", "Northside Lab", "Saint Mary Hospital"]);
  });

  it("pickerOptions with a kind keeps that kind only", () => {
    expect(names(pickerOptions(DIRECTORY, "", 2))).toEqual(["Dr. Ada Quinn", "Dr. Ben Keyless"]);
  });

  it("pickerOptions with a query searches specialty and facility too", () => {
    expect(names(pickerOptions(DIRECTORY, "cardio saint", "all"))).toEqual(["Dr. Ada Quinn"]);
  });

  it("pickerOptions restricted to some kinds ignores the others", () => {
    expect(names(pickerOptions(DIRECTORY, "", "all", [3, 5]))).toEqual(["Northside Lab", "Saint Mary Hospital"]);
  });

  it("pickerOptions describes each option by specialty, facility and kind", () => {
    const [ada] = pickerOptions(DIRECTORY, "Ada", "all");
    expect(ada?.details).toBe("Cardiology · Saint Mary Hospital · Doctor");
    expect(ada?.unavailable).toBeUndefined();
  });

  it("pickerOptions marks a provider without an encryption key unavailable", () => {
    const [ben] = pickerOptions(DIRECTORY, "Keyless", "all");
    expect(ben?.unavailable).toMatch(/encryption key/);
  });
});

describe("toggleChoice and isChosen", () => {
  it("toggleChoice adds a provider once and removes it whatever the address case", () => {
    const once = toggleChoice(toggleChoice([], choiceOf(lab), true), choiceOf(lab), true);
    expect(once).toEqual([{ account: lab.account, kind: 5, name: "Northside Lab" }]);
    expect(isChosen(once, lab.account)).toBe(true);
    expect(toggleChoice(once, { ...choiceOf(lab), account: lab.account.toUpperCase().replace("0X", "0x") as typeof lab.account }, false)).toEqual([]);
  });
});

describe("providerFacts", () => {
  it("providerFacts gives name, facility from the affiliated hospital, kind and its label", () => {
    expect(providerFacts(DIRECTORY, cardiologist.account)).toEqual({ name: "Dr. Ada Quinn", facility: "Saint Mary Hospital", kind: 2, kindLabel: "Doctor" });
  });

  it("providerFacts falls back to the profile's own facility", () => {
    expect(providerFacts(DIRECTORY, lab.account).facility).toBe("Northside");
    expect(providerFacts(DIRECTORY, hospital.account).facility).toBeUndefined();
  });

  it("providerFacts of an address not in the directory is all undefined", () => {
    expect(providerFacts(DIRECTORY, address("99"))).toEqual({ name: undefined, facility: undefined, kind: undefined, kindLabel: undefined });
  });

  it("providerFacts of an insurer and a keyless doctor still names them", () => {
    expect(providerFacts(DIRECTORY, insurer.account).kindLabel).toBe("Insurer");
    expect(providerFacts(DIRECTORY, keyless.account).name).toBe("Dr. Ben Keyless");
  });
});
