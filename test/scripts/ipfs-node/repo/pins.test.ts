import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { CID } from "multiformats/cid";
import { describe, expect, it } from "vitest";

import { PinStore } from "../../../../scripts/ipfs-node/repo/pins.js";

const A = CID.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
const B = CID.parse("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");

function pinFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "ipfs-pins-")), "pins.json");
}

describe("PinStore", () => {
  it("writes every change to disk, leaving no temporary file, and reads it back", async () => {
    const file = pinFile();
    const pins = await PinStore.open(file);
    await pins.pin(A, "recursive");
    await pins.pin(B, "direct");
    await pins.unpin([A]);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ format: 1, pins: { [B.toString()]: "direct" } });
    expect(readdirSync(path.dirname(file))).toEqual(["pins.json"]);
    expect((await PinStore.open(file)).entries()).toEqual([{ cid: B, mode: "direct" }]);
  });

  it("upgrades a direct pin to recursive but never the other way", async () => {
    const pins = await PinStore.open(pinFile());
    await pins.pin(A, "direct");
    await pins.pin(A, "recursive");
    await pins.pin(A, "direct");
    expect(pins.mode(A)).toBe("recursive");
  });

  it("refuses a file it does not understand rather than starting with no pins", async () => {
    const file = pinFile();
    writeFileSync(file, JSON.stringify({ format: 2, pins: {} }));
    await expect(PinStore.open(file)).rejects.toThrow(/not a pin file this node understands/);
    writeFileSync(file, JSON.stringify({ format: 1, pins: { [A.toString()]: "sideways" } }));
    await expect(PinStore.open(file)).rejects.toThrow(/unknown mode sideways/);
  });
});
