/** Finding the system Chromium without loading playwright-core (see ../crypto.ts for why that matters). */
import { execFileSync } from "node:child_process";

/** Headless in a container (no sandbox, no GPU) and quiet: nothing reaches out to Google's services. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

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
