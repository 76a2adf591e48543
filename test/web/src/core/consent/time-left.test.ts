import { describe, expect, it } from "vitest";

import { formatTimeLeft } from "../../../../../web/src/core/consent/time-left.js";

describe("formatTimeLeft", () => {
  it.each([
    [3 * 86_400 + 4 * 3_600 + 59 * 60, "3 days 4 hours"],
    [86_400, "1 day"],
    [86_400 + 3_600, "1 day 1 hour"],
    [2 * 86_400 + 59 * 60, "2 days"],
    [5 * 3_600 + 12 * 60 + 30, "5 hours 12 minutes"],
    [3_600, "1 hour"],
    [45 * 60 + 59, "45 minutes"],
    [60, "1 minute"],
    [59, "59 seconds"],
    [1, "1 second"],
    [0, "expired"],
    [-30, "expired"],
    [0.5, "expired"],
  ])("formats %d seconds as %j", (seconds, expected) => {
    expect(formatTimeLeft(seconds)).toBe(expected);
  });

  it("takes the bigint seconds the chain gives", () => {
    expect(formatTimeLeft(90_061n)).toBe("1 day 1 hour");
    expect(formatTimeLeft(0n)).toBe("expired");
  });
});
