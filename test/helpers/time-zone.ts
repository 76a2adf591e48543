import { afterEach, beforeEach } from "vitest";

/** Runs each test of the file in `zone` (the portal's dates are local), restoring the machine's zone after. */
export function useTimeZone(zone: string): void {
  let previousZone: string | undefined;
  beforeEach(() => {
    previousZone = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (previousZone === undefined) delete process.env.TZ;
    else process.env.TZ = previousZone;
  });
}
