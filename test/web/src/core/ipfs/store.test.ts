import { describe, expect, it } from "vitest";

import {
  IpfsRejectedError,
  IpfsTimeoutError,
  IpfsUnauthorizedError,
  IpfsUnavailableError,
} from "../../../../../web/src/core/ipfs/errors.js";
import { createIpfsStore } from "../../../../../web/src/core/ipfs/store.js";
import { kuboError, startFakeRpc, useTestNode } from "./support.js";

const TOKEN = "ward-7-token";
const hello = new TextEncoder().encode("hello world");

const guarded = useTestNode({ token: TOKEN });

describe("createIpfsStore against a node that requires a token", () => {
  it("adds with the token, as CIDv1 raw leaves with 1 MiB chunks, pinned", async () => {
    const store = createIpfsStore({ apiUrl: guarded.node.apiUrl, token: TOKEN });
    // Kubo's unixfs-v1-2025 "hello world" vector: the client's settings make a small file one raw block.
    expect(await store.add(hello)).toBe("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    await expect(store.pinLs("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")).resolves.toBeUndefined();
  });

  it("fails with IpfsUnauthorizedError without the token, without retrying, and still reads", async () => {
    const store = createIpfsStore({ apiUrl: guarded.node.apiUrl, retryDelayMs: 1 });
    const failure = store.add(hello);
    await expect(failure).rejects.toBeInstanceOf(IpfsUnauthorizedError);
    await expect(failure).rejects.toThrow(`The IPFS node at ${guarded.node.apiUrl} refused add (HTTP 401): the API token is missing or wrong.`);
    expect(await store.cat("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", { maxBytes: 100 })).toEqual(hello);
  });

  it("fails on a 403 with IpfsUnauthorizedError that names the token or the origin", async () => {
    const refusing = await startFakeRpc((_command, _url, res) => kuboError(res, 403, "origin not allowed"));
    try {
      const store = createIpfsStore({ apiUrl: refusing.apiUrl, retryDelayMs: 1 });
      const failure = store.add(hello);
      await expect(failure).rejects.toBeInstanceOf(IpfsUnauthorizedError);
      await expect(failure).rejects.toThrow(/\(HTTP 403\): this client's token or origin is not allowed there/);
      expect(refusing.requests).toEqual(["add"]);
    } finally {
      await refusing.close();
    }
  });

  it("fails with IpfsUnauthorizedError with a wrong token", async () => {
    const store = createIpfsStore({ apiUrl: guarded.node.apiUrl, token: "wrong" });
    await expect(store.add(hello)).rejects.toBeInstanceOf(IpfsUnauthorizedError);
  });
});

describe("createIpfsStore settings", () => {
  it.each([{ timeoutMs: 0 }, { retries: -1 }, { retries: 1.5 }, { retryDelayMs: -5 }])("refuses %o", (settings) => {
    expect(() => createIpfsStore({ apiUrl: "http://127.0.0.1:5001", ...settings })).toThrow(RangeError);
  });
});

describe("createIpfsStore when the node misbehaves", () => {
  it("times out on a node that never answers, after its retries, naming the operation and the timeout", async () => {
    const silent = await startFakeRpc(() => undefined);
    try {
      const store = createIpfsStore({ apiUrl: silent.apiUrl, timeoutMs: 150, retries: 1, retryDelayMs: 1 });
      const failure = store.cat("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", { maxBytes: 100 });
      await expect(failure).rejects.toBeInstanceOf(IpfsTimeoutError);
      await expect(failure).rejects.toThrow(/IPFS cat of bafkrei\w+ at http:\/\/127\.0\.0\.1:\d+ got no answer within 150 ms \(2 attempts\)/);
      expect(silent.requests).toEqual(["cat", "cat"]);
    } finally {
      await silent.close();
    }
  });

  it("retries 5xx and then succeeds", async () => {
    let failuresLeft = 2;
    const flaky = await startFakeRpc((_command, url, res) => {
      if (failuresLeft-- > 0) return kuboError(res, 503, "warming up");
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(`${JSON.stringify({ Cid: url.searchParams.get("arg"), Type: "recursive" })}\n`);
    });
    try {
      const store = createIpfsStore({ apiUrl: flaky.apiUrl, retries: 2, retryDelayMs: 1 });
      await expect(store.pinLs("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")).resolves.toBeUndefined();
      expect(flaky.requests).toEqual(["pin/ls", "pin/ls", "pin/ls"]);
    } finally {
      await flaky.close();
    }
  });

  it("does not retry a 4xx and reports the node's message", async () => {
    const strict = await startFakeRpc((_command, _url, res) => kuboError(res, 400, "chunker rabin is not supported"));
    try {
      const store = createIpfsStore({ apiUrl: strict.apiUrl, retryDelayMs: 1 });
      const failure = store.add(hello);
      await expect(failure).rejects.toBeInstanceOf(IpfsRejectedError);
      await expect(failure).rejects.toThrow(/rejected add \(HTTP 400\): chunker rabin is not supported/);
      expect(strict.requests).toEqual(["add"]);
    } finally {
      await strict.close();
    }
  });

  it("reports IpfsUnavailableError, naming the URL, when nothing listens there", async () => {
    const gone = await startFakeRpc(() => undefined);
    await gone.close();
    const store = createIpfsStore({ apiUrl: gone.apiUrl, retries: 1, retryDelayMs: 1 });
    const failure = store.add(hello);
    await expect(failure).rejects.toBeInstanceOf(IpfsUnavailableError);
    await expect(failure).rejects.toThrow(new RegExp(`the node at ${gone.apiUrl.replaceAll(".", "\\.")} could not be reached.*ECONNREFUSED.*\\(2 attempts\\).*may be down`));
  });

  it("stops reading once a file runs past maxBytes", async () => {
    const endless = await startFakeRpc((_command, _url, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      const timer = setInterval(() => res.write(new Uint8Array(64 * 1024)), 1);
      res.once("close", () => clearInterval(timer));
    });
    try {
      const store = createIpfsStore({ apiUrl: endless.apiUrl, timeoutMs: 5_000 });
      const bytes = await store.cat("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", { maxBytes: 1_000_000 });
      expect(bytes.length).toBe(1_000_001);
    } finally {
      await endless.close();
    }
  });
});
