/** The CLI's log cache: one JSON file, replaced atomically so an interrupted run never leaves half a file. */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import type { LogCache } from "../../web/src/core/log-sync/log-cache.js";

export class FileLogCache implements LogCache {
  constructor(readonly file: string) {}

  async load(): Promise<string | undefined> {
    try {
      return await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async save(text: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, text, "utf8");
    await rename(temporary, this.file);
  }
}
