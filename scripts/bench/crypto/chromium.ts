/** Finding the system Chromium without loading playwright-core (see ../crypto.ts for why that matters). */
import { execFileSync } from "node:child_process";

export const CHROMIUM_INSTALL_HINT = "install it with `apt-get update && apt-get install -y chromium` (as root), or pass --no-browser";

/** The system Chromium on PATH, or undefined when there is none. */
export function findChromium(): string | undefined {
  try {
    const found = execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
    return found === "" ? undefined : found;
  } catch {
    return undefined;
  }
}
