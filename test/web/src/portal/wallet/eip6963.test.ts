import { describe, expect, it } from "vitest";

import { announceProvider, type Eip1193Provider } from "../../../../../web/src/portal/wallet/eip6963.js";

const provider: Eip1193Provider = { request: async () => null, on: () => undefined, removeListener: () => undefined };
const info = { uuid: "0b6f0f0e-0000-4000-8000-000000000001", name: "Test wallet", icon: "data:image/svg+xml,<svg/>", rdns: "dev.test" };

describe("announceProvider", () => {
  it("announceProvider_onStartAndOnRequest_dispatchesFrozenDetail", () => {
    const target = new EventTarget();
    const seen: { info: unknown; provider: unknown }[] = [];
    target.addEventListener("eip6963:announceProvider", (event) => seen.push((event as CustomEvent).detail));
    announceProvider(target as Window, info, provider);
    target.dispatchEvent(new Event("eip6963:requestProvider"));
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ info, provider });
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.isFrozen(seen[0]?.info)).toBe(true);
  });

  it("announceProvider_stopped_noLongerAnswers", () => {
    const target = new EventTarget();
    let count = 0;
    target.addEventListener("eip6963:announceProvider", () => count++);
    const stop = announceProvider(target as Window, info, provider);
    stop();
    target.dispatchEvent(new Event("eip6963:requestProvider"));
    expect(count).toBe(1);
  });
});
