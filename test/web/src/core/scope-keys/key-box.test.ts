import { describe, expect, it } from "vitest";

import { utf8 } from "../../../../../web/src/core/bytes.js";
import { randomBytes } from "../../../../../web/src/core/crypto/webcrypto.js";
import { boxKey, KEY_BOX_LENGTH, KEY_BOX_VERSION, openKeyBox } from "../../../../../web/src/core/scope-keys/key-box.js";

const binding = utf8("one record");

describe("boxKey / openKeyBox", () => {
  it("round-trips a key in 49 bytes starting with the version", async () => {
    const [wrappingKey, key] = [randomBytes(32), randomBytes(32)];
    const box = await boxKey(wrappingKey, key, "epoch link", binding);
    expect(box).toHaveLength(KEY_BOX_LENGTH);
    expect(KEY_BOX_LENGTH).toBe(49);
    expect(box[0]).toBe(KEY_BOX_VERSION);
    expect(await openKeyBox(wrappingKey, box, "epoch link", binding)).toEqual(key);
  });

  it("returns null for another wrapping key, purpose or binding", async () => {
    const [wrappingKey, key] = [randomBytes(32), randomBytes(32)];
    const box = await boxKey(wrappingKey, key, "epoch link", binding);
    expect(await openKeyBox(randomBytes(32), box, "epoch link", binding)).toBeNull();
    expect(await openKeyBox(wrappingKey, box, "data key under scope key", binding)).toBeNull();
    expect(await openKeyBox(wrappingKey, box, "epoch link", utf8("another record"))).toBeNull();
  });

  it("returns null when any byte is altered, or the length or version is wrong", async () => {
    const wrappingKey = randomBytes(32);
    const box = await boxKey(wrappingKey, randomBytes(32), "epoch link", binding);
    const opened = await Promise.all(
      Array.from({ length: box.length }, (_, index) => {
        const tampered = box.slice();
        tampered[index] = (tampered[index] as number) ^ 0x80;
        return openKeyBox(wrappingKey, tampered, "epoch link", binding);
      }),
    );
    expect(opened.filter((key) => key !== null)).toEqual([]);
    expect(await openKeyBox(wrappingKey, box.subarray(0, 48), "epoch link", binding)).toBeNull();
  });

  it("refuses wrapping keys and keys that are not 32 bytes", async () => {
    await expect(boxKey(randomBytes(16), randomBytes(32), "epoch link", binding)).rejects.toThrow(RangeError);
    await expect(boxKey(randomBytes(32), randomBytes(31), "epoch link", binding)).rejects.toThrow(RangeError);
  });
});
