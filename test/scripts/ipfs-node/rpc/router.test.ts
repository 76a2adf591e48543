import { describe, expect, it } from "vitest";

import { useTestNode } from "../support.js";

const ipfs = useTestNode();

describe("RPC routing", () => {
  it("answers an unknown command with 404 and Kubo's error shape, listing what exists", async () => {
    const response = await ipfs.rpc("dag/get", { arg: "x" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      Message: 'unknown command "dag/get"; this dev node implements add, cat, pin/add, pin/rm, pin/ls, id, version',
      Code: 1,
      Type: "error",
    });
  });

  it("answers GET with 405, since the RPC API takes POST (as Kubo's)", async () => {
    const response = await fetch(new URL("/api/v0/version", ipfs.node.apiUrl));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(((await response.json()) as { Message: string }).Message).toMatch(/takes POST/);
  });

  it("answers paths outside /api/v0/ with 404", async () => {
    const response = await fetch(new URL("/ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", ipfs.node.apiUrl), { method: "POST" });
    expect(response.status).toBe(404);
  });
});
