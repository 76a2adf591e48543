/** Where the CLI's report goes: stdout, or a file written whole or not at all. */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";

/** Writes `parts` in order, waiting whenever the stream asks to (a 200 MB bundle never sits in one buffer). */
async function writeAll(stream: Writable, parts: readonly string[]): Promise<void> {
  for (const part of parts) {
    if (!stream.write(part)) await once(stream, "drain");
  }
}

export async function writeOutput(parts: readonly string[], out: string | undefined): Promise<void> {
  if (out === undefined) {
    await writeAll(process.stdout, parts);
    return;
  }
  // Written beside the target and renamed at the end: an interrupted export leaves no half file under its name.
  const temporary = `${out}.${process.pid}.tmp`;
  const file = createWriteStream(temporary, "utf8");
  try {
    await writeAll(file, parts);
    file.end();
    await once(file, "finish");
    await rename(temporary, out);
  } catch (error) {
    file.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
