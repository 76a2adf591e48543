import { describe, expect, it } from "vitest";

import { parseIntegerOption } from "../../../scripts/lib/integer-option.js";

describe("parseIntegerOption", () => {
  it("parseIntegerOption within the range returns the number", () => {
    expect(parseIntegerOption("--port", "8545", 1, 65_535)).toBe(8545);
    expect(parseIntegerOption("--port", "0", 0, 65_535)).toBe(0);
  });

  it.each(["", " ", "1.5", "abc", "70000", "-1", "1e3", "0x10", "+5"])("parseIntegerOption of %j throws naming the flag and the range", (text) => {
    expect(() => parseIntegerOption("--port", text, 0, 65_535)).toThrow(`--port must be an integer from 0 to 65535, got "${text}"`);
  });
});
