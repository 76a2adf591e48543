import { describe, expect, it } from "vitest";

import { watchIdle, type IdleClock } from "../../../../../web/src/portal/session/idle-lock.js";

/** A clock the test moves by hand, with timers that fire when it passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer.id !== handle);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      timers = timers.filter((timer) => timer !== due);
      now = due.at;
      due.callback();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.length };
}

const MINUTE = 60_000;

describe("watchIdle", () => {
  it("watchIdle_noActivity_locksAfterIdleTime", () => {
    const { clock, advance } = manualClock();
    let locks = 0;
    watchIdle(new EventTarget(), 15 * MINUTE, () => locks++, clock);
    advance(15 * MINUTE - 1);
    expect(locks).toBe(0);
    advance(1);
    expect(locks).toBe(1);
  });

  it("watchIdle_activity_postponesTheLock", () => {
    const { clock, advance } = manualClock();
    const target = new EventTarget();
    let locks = 0;
    watchIdle(target, 15 * MINUTE, () => locks++, clock);
    advance(10 * MINUTE);
    target.dispatchEvent(new Event("keydown"));
    advance(14 * MINUTE);
    expect(locks).toBe(0);
    advance(1 * MINUTE);
    expect(locks).toBe(1);
  });

  it("watchIdle_afterLocking_firesOnceAndStopsListening", () => {
    const { clock, advance, pending } = manualClock();
    const target = new EventTarget();
    let locks = 0;
    watchIdle(target, MINUTE, () => locks++, clock);
    advance(MINUTE);
    target.dispatchEvent(new Event("pointerdown"));
    advance(10 * MINUTE);
    expect(locks).toBe(1);
    expect(pending()).toBe(0);
  });

  it("watchIdle_stopped_neverLocks", () => {
    const { clock, advance, pending } = manualClock();
    let locks = 0;
    const stop = watchIdle(new EventTarget(), MINUTE, () => locks++, clock);
    stop();
    advance(10 * MINUTE);
    expect(locks).toBe(0);
    expect(pending()).toBe(0);
  });
});
