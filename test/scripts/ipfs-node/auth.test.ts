import { create } from "kubo-rpc-client";
import { beforeAll, describe, expect, it } from "vitest";

import { fileForm, useTestNode } from "./support.js";

const TOKEN = "s3cret-dev-token";

const ipfs = useTestNode({ token: TOKEN });
let cid: string;
beforeAll(async () => {
  const authorized = create({ url: ipfs.node.apiUrl, headers: { Authorization: `Bearer ${TOKEN}` } });
  cid = (await authorized.add(new TextEncoder().encode("guarded"))).cid.toString();
});

const body = () => fileForm([{ bytes: new TextEncoder().encode("x") }]);

describe("bearer token", () => {
  it.each([
    ["add", {}, body],
    ["pin/add", { arg: "CID" }, undefined],
    ["pin/rm", { arg: "CID" }, undefined],
  ] as const)("guards %s: 401 without the token, in Kubo's error shape", async (command, query, makeBody) => {
    const args = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value === "CID" ? cid : value]));
    const response = await ipfs.rpc(command, args, makeBody === undefined ? {} : { body: makeBody() });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({ Message: expect.stringMatching(/token is missing or wrong/), Code: 1, Type: "error" });
  });

  it("refuses a wrong token, and a token in another scheme", async () => {
    expect((await ipfs.rpc("add", {}, { body: body(), headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await ipfs.rpc("add", {}, { body: body(), headers: { Authorization: `Basic ${TOKEN}` } })).status).toBe(401);
  });

  it("accepts the right token", async () => {
    expect((await ipfs.rpc("add", {}, { body: body(), headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it("leaves reads open: cat, pin/ls, id, version", async () => {
    for (const [command, query] of [["cat", { arg: cid }], ["pin/ls", { arg: cid }], ["id", {}], ["version", {}]] as const) {
      expect((await ipfs.rpc(command, query)).status, command).toBe(200);
    }
  });

  it("is not needed for a preflight, which browsers send without credentials", async () => {
    const response = await fetch(new URL("/api/v0/add", ipfs.node.apiUrl), {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST" },
    });
    expect(response.status).toBe(204);
  });
});
