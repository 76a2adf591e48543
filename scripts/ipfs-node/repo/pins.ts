import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";

import { CID } from "multiformats/cid";

export type PinMode = "recursive" | "direct";

interface PinFile {
  format: 1;
  /** CID string → mode, in the order the pins were made. */
  pins: Record<string, PinMode>;
}

/**
 * Pins live in one small JSON file, rewritten whole on every change: write a temporary file, then
 * rename it over the old one, so a crash leaves either the old or the new set, never half of one.
 */
export class PinStore {
  private readonly pins: Map<string, PinMode>;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    pins: Map<string, PinMode>,
  ) {
    this.pins = pins;
  }

  static async open(file: string): Promise<PinStore> {
    if (!existsSync(file)) return new PinStore(file, new Map());
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<PinFile>;
    if (parsed.format !== 1 || typeof parsed.pins !== "object" || parsed.pins === null) {
      throw new Error(`${file} is not a pin file this node understands (expected {"format":1,"pins":{…}})`);
    }
    const pins = new Map<string, PinMode>();
    for (const [cid, mode] of Object.entries(parsed.pins)) {
      if (mode !== "recursive" && mode !== "direct") throw new Error(`${file}: pin ${cid} has unknown mode ${String(mode)}`);
      pins.set(CID.parse(cid).toString(), mode);
    }
    return new PinStore(file, pins);
  }

  mode(cid: CID): PinMode | undefined {
    return this.pins.get(cid.toString());
  }

  entries(): Array<{ cid: CID; mode: PinMode }> {
    return [...this.pins].map(([cid, mode]) => ({ cid: CID.parse(cid), mode }));
  }

  /** A recursive pin supersedes a direct one, never the other way round (as in Kubo). */
  async pin(cid: CID, mode: PinMode): Promise<void> {
    const current = this.mode(cid);
    if (current === "recursive" || current === mode) return;
    this.pins.set(cid.toString(), mode);
    await this.save();
  }

  async unpin(cids: readonly CID[]): Promise<void> {
    for (const cid of cids) this.pins.delete(cid.toString());
    await this.save();
  }

  /** Resolves once everything changed so far is on disk. */
  flush(): Promise<void> {
    return this.saving;
  }

  private save(): Promise<void> {
    const snapshot: PinFile = { format: 1, pins: Object.fromEntries(this.pins) };
    // A failed write is reported to its caller; the next change still gets written.
    this.saving = this.saving.catch(() => undefined).then(async () => {
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`);
      await rename(temporary, this.file);
    });
    return this.saving;
  }
}
