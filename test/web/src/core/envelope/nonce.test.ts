import { describe, expect, it } from "vitest";

import { toHex } from "../../../../../web/src/core/bytes.js";
import { chunkNonce } from "../../../../../web/src/core/envelope/nonce.js";

describe("chunkNonce", () => {
  it("is the 11-byte big-endian counter followed by the final-chunk flag", () => {
    expect(toHex(chunkNonce(0, false))).toBe("0x000000000000000000000000");
    expect(toHex(chunkNonce(0, true))).toBe("0x000000000000000000000001");
    expect(toHex(chunkNonce(0x0102, false))).toBe("0x000000000000000000010200");
    expect(toHex(chunkNonce(2 ** 40 + 5, true))).toBe("0x000000000001000000000501");
  });
});
