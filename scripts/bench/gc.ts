/** A full garbage collection on demand, for benchmarks in Node (which hides `gc` without --expose-gc). */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  // Twice: the first pass can leave objects whose finalizers free more.
  gc();
  gc();
}
