import { beforeAll, describe, expect, it } from "vitest";

import { kuboDeterministicBytes, useTestNode } from "./support.js";

const ipfs = useTestNode();
let cid: string;
const content = kuboDeterministicBytes(600_000, "gateway");

beforeAll(async () => {
  cid = (await ipfs.client.add(content)).cid.toString();
});

const get = (path: string, init: RequestInit = {}) => fetch(new URL(path, ipfs.node.gatewayUrl), init);

describe("gateway GET /ipfs/<cid>", () => {
  it("serves the file as opaque, immutable bytes", async () => {
    const response = await get(`/ipfs/${cid}`);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(content);
    const expectedHeaders = {
      "content-type": "application/octet-stream",
      "x-content-type-options": "nosniff",
      "content-length": "600000",
      "accept-ranges": "bytes",
      etag: `"${cid}"`,
      "cache-control": "public, max-age=29030400, immutable",
    };
    for (const [name, value] of Object.entries(expectedHeaders)) expect(response.headers.get(name), name).toBe(value);
  });

  it("serves a range across chunk boundaries with 206 and Content-Range", async () => {
    const response = await get(`/ipfs/${cid}`, { headers: { Range: "bytes=262000-270999" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 262000-270999/600000");
    expect(response.headers.get("content-length")).toBe("9000");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(content.subarray(262_000, 271_000));
  });

  it("serves a suffix range", async () => {
    const response = await get(`/ipfs/${cid}`, { headers: { Range: "bytes=-100" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 599900-599999/600000");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(content.subarray(599_900));
  });

  it("answers 416 with the size for a range past the end", async () => {
    const response = await get(`/ipfs/${cid}`, { headers: { Range: "bytes=600000-" } });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */600000");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await get(`/ipfs/${cid}`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("600000");
    expect(await response.text()).toBe("");
  });

  it("answers 304 when the ETag matches", async () => {
    const response = await get(`/ipfs/${cid}`, { headers: { "If-None-Match": `"${cid}"` } });
    expect(response.status).toBe(304);
  });

  it("is read-only: POST gets 405", async () => {
    const response = await get(`/ipfs/${cid}`, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("answers 400 for an invalid CID and 404 for content it does not have or other paths", async () => {
    expect((await get("/ipfs/not-a-cid")).status).toBe(400);
    expect((await get("/ipfs/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")).status).toBe(404);
    expect((await get("/ipns/example.org")).status).toBe(404);
  });
});
