import { describe, expect, it } from "vitest";

import { normalizeOrigin } from "../../../scripts/ipfs-node/cors.js";
import { startTestNode, useTestNode } from "./support.js";

const PORTAL = "http://localhost:5173";
const OTHER = "https://evil.example";

const ipfs = useTestNode();

describe("CORS on the RPC API", () => {
  it("answers the portal's preflight with the methods and headers it needs", async () => {
    const response = await fetch(new URL("/api/v0/add", ipfs.node.apiUrl), {
      method: "OPTIONS",
      headers: { Origin: PORTAL, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
  });

  it("lets the portal's requests through with its origin allowed", async () => {
    const response = await ipfs.rpc("version", {}, { headers: { Origin: PORTAL } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
  });

  it("refuses requests from another origin with 403 and no CORS headers (a cross-site form POST needs no preflight)", async () => {
    const response = await ipfs.rpc("version", {}, { headers: { Origin: OTHER } });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(((await response.json()) as { Message: string }).Message).toMatch(/origin https:\/\/evil.example is not allowed/);
  });

  it("gives another origin's preflight no CORS headers", async () => {
    const response = await fetch(new URL("/api/v0/add", ipfs.node.apiUrl), {
      method: "OPTIONS",
      headers: { Origin: OTHER, "Access-Control-Request-Method": "POST" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("serves requests without an Origin header (scripts, curl)", async () => {
    expect((await ipfs.rpc("version")).status).toBe(200);
  });
});

describe("CORS on the gateway", () => {
  it("lets the portal read, and gives another origin no CORS headers", async () => {
    const cid = (await ipfs.client.add(new TextEncoder().encode("cors"))).cid.toString();
    const url = new URL(`/ipfs/${cid}`, ipfs.node.gatewayUrl);
    const mine = await fetch(url, { headers: { Origin: PORTAL } });
    expect(mine.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(mine.headers.get("access-control-expose-headers")).toMatch(/Content-Range/);
    const theirs = await fetch(url, { headers: { Origin: OTHER } });
    expect(theirs.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("allowed origins", () => {
  it("can be configured, replacing the defaults", async () => {
    const custom = await startTestNode({ allowedOrigins: ["https://portal.hospital.example"] });
    try {
      expect((await custom.rpc("version", {}, { headers: { Origin: "https://portal.hospital.example" } })).status).toBe(200);
      expect((await custom.rpc("version", {}, { headers: { Origin: PORTAL } })).status).toBe(403);
    } finally {
      await custom.stop();
    }
  });

  it("are normalised to scheme://host[:port], and anything else is refused", () => {
    expect(normalizeOrigin("HTTP://LocalHost:5173/")).toBe("http://localhost:5173");
    expect(() => normalizeOrigin("localhost:5173")).toThrow(/not an origin/);
    expect(() => normalizeOrigin("http://localhost:5173/app")).toThrow(/not an origin/);
  });
});
