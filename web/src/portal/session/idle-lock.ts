/**
 * HIPAA automatic logoff: after `idleMs` without keyboard, pointer, scroll or touch input, call
 * `onIdle` once. Framework-free so the rule can be tested without a browser.
 */

export const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "scroll"] as const;

export interface IdleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Starts watching `target`; returns a function that stops watching. */
export function watchIdle(target: EventTarget, idleMs: number, onIdle: () => void, clock: IdleClock = systemClock): () => void {
  let lastActivity = clock.now();
  let handle: unknown;
  let stopped = false;

  // A timer per event would be costly for pointermove; one timer re-armed for the remaining time is not.
  const check = () => {
    if (stopped) return;
    const idleFor = clock.now() - lastActivity;
    if (idleFor >= idleMs) {
      stopped = true;
      remove();
      onIdle();
      return;
    }
    handle = clock.setTimeout(check, idleMs - idleFor);
  };
  const activity = () => {
    lastActivity = clock.now();
  };
  const remove = () => {
    for (const event of ACTIVITY_EVENTS) target.removeEventListener(event, activity);
  };

  for (const event of ACTIVITY_EVENTS) target.addEventListener(event, activity, { passive: true, capture: true } as AddEventListenerOptions);
  handle = clock.setTimeout(check, idleMs);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
    remove();
  };
}
