import { describe, expect, it } from "vitest";

import { utf8 } from "../../../../../web/src/core/bytes.js";
import {
  decodeProviderProfile,
  encodeProviderProfile,
  MAX_PROFILE_FIELD_LENGTH,
  ProviderProfileError,
  validateProviderProfile,
} from "../../../../../web/src/core/directory/profile.js";

const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("validateProviderProfile", () => {
  it("trims every field and leaves blank optional fields out", () => {
    expect(validateProviderProfile({ name: "  Dr. Ada Osei ", specialty: " Cardiology", facility: "   " })).toEqual({ name: "Dr. Ada Osei", specialty: "Cardiology" });
  });

  it("accepts undefined optional fields, as a form gives them", () => {
    expect(validateProviderProfile({ name: "Saint Mary Hospital", specialty: undefined, facility: undefined })).toEqual({ name: "Saint Mary Hospital" });
  });

  it("accepts fields of exactly the maximum length counted in characters, not UTF-16 units", () => {
    const longest = "é".repeat(MAX_PROFILE_FIELD_LENGTH - 1) + "😀";
    expect(validateProviderProfile({ name: longest }).name).toBe(longest);
  });

  it.each([
    [null, "The provider profile is not valid: it must be an object with a name."],
    [["Dr. Osei"], "The provider profile is not valid: it must be an object with a name."],
    [{}, "The provider profile is not valid: the name is required."],
    [{ name: "   " }, "The provider profile is not valid: the name is required."],
    [{ name: 42 }, "The provider profile is not valid: the name must be text."],
    [{ name: "Dr. Osei", facility: ["Saint Mary"] }, "The provider profile is not valid: the facility must be text."],
    [{ name: "x".repeat(MAX_PROFILE_FIELD_LENGTH + 1) }, "The provider profile is not valid: the name is longer than 120 characters."],
    [{ name: "Dr. Osei", specialty: "y".repeat(MAX_PROFILE_FIELD_LENGTH + 1) }, "The provider profile is not valid: the specialty is longer than 120 characters."],
    [{ name: "Dr. Osei", phone: "555", email: "a@b" }, 'The provider profile is not valid: unknown field "phone", "email".'],
  ])("rejects %j with a ProviderProfileError saying why", (value, message) => {
    expect(() => validateProviderProfile(value)).toThrow(ProviderProfileError);
    expect(() => validateProviderProfile(value)).toThrow(message);
  });
});

describe("encodeProviderProfile", () => {
  it("writes canonical JSON: sorted keys, type and version markers, trimmed fields", () => {
    const bytes = encodeProviderProfile({ specialty: " Cardiology ", name: "Dr. Ada Osei", facility: "Saint Mary Hospital" });
    expect(decoded(bytes)).toBe('{"facility":"Saint Mary Hospital","name":"Dr. Ada Osei","specialty":"Cardiology","type":"ehr-ledger/provider-profile","version":1}');
  });

  it("gives equal bytes for equal profiles whatever the key order", () => {
    expect(encodeProviderProfile({ name: "Lab One", facility: "Saint Mary" })).toEqual(encodeProviderProfile({ facility: "Saint Mary ", name: " Lab One" }));
  });

  it("refuses an invalid profile instead of encoding it", () => {
    expect(() => encodeProviderProfile({ name: "" })).toThrow("The provider profile is not valid: the name is required.");
  });
});

describe("decodeProviderProfile", () => {
  it("returns the profile an encoding holds", () => {
    const profile = { name: "Dr. Ada Osei", specialty: "Cardiology", facility: "Saint Mary Hospital" };
    expect(decodeProviderProfile(encodeProviderProfile(profile))).toEqual(profile);
  });

  it.each([
    [new Uint8Array([0xff, 0xfe]), "The provider profile is not valid: it is not UTF-8 JSON."],
    [utf8("{name"), "The provider profile is not valid: it is not UTF-8 JSON."],
    [utf8('"Dr. Osei"'), "The provider profile is not valid: it must be an object with a name."],
    [utf8('{"name":"Dr. Osei","version":1}'), 'The provider profile is not valid: its type is not "ehr-ledger/provider-profile".'],
    [utf8('{"name":"Dr. Osei","type":"ehr-ledger/record","version":1}'), 'The provider profile is not valid: its type is not "ehr-ledger/provider-profile".'],
    [utf8('{"name":"Dr. Osei","type":"ehr-ledger/provider-profile","version":2}'), "The provider profile is not valid: version 2 is not supported."],
    [utf8('{"type":"ehr-ledger/provider-profile","version":1}'), "The provider profile is not valid: the name is required."],
    [utf8('{"name":"Dr. Osei","patient":"x","type":"ehr-ledger/provider-profile","version":1}'), 'The provider profile is not valid: unknown field "patient".'],
  ])("rejects bytes %# with a ProviderProfileError saying why", (bytes, message) => {
    expect(() => decodeProviderProfile(bytes)).toThrow(ProviderProfileError);
    expect(() => decodeProviderProfile(bytes)).toThrow(message);
  });
});
