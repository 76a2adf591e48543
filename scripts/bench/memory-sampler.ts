/** Peak memory of this process while something runs, for the benchmarks in Node. */
import { collectGarbage } from "./gc.js";

/** Live JavaScript memory: the heap plus every ArrayBuffer, i.e. what garbage collection cannot free. */
export function liveBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

export interface MemorySampler {
  /** The level when sampling started. */
  readonly baselineBytes: number;
  /** Stops sampling; the peak growth above the baseline. */
  stop(): number;
}

/**
 * Peak growth above the level when sampling started, sampled every 10 ms. By default it watches
 * RSS, what the process costs the machine. With `collecting`, a full garbage collection runs
 * before each sample and it watches live memory, so the peak is what the work holds rather than
 * what V8 has not yet bothered to free.
 */
export function memorySampler({ collecting = false } = {}): MemorySampler {
  const measure = collecting ? liveBytes : () => process.memoryUsage().rss;
  if (collecting) collectGarbage();
  const baselineBytes = measure();
  let peak = baselineBytes;
  const timer = setInterval(() => {
    if (collecting) collectGarbage();
    peak = Math.max(peak, measure());
  }, 10);
  return { baselineBytes, stop: () => (clearInterval(timer), Math.max(peak, measure()) - baselineBytes) };
}
