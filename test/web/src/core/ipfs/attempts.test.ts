import { describe, expect, it } from "vitest";

import { withAttempts, type AttemptPolicy } from "../../../../../web/src/core/ipfs/attempts.js";
import {
  IpfsNotFoundError,
  IpfsNotPinnedError,
  IpfsRejectedError,
  IpfsTimeoutError,
  IpfsUnauthorizedError,
  IpfsUnavailableError,
} from "../../../../../web/src/core/ipfs/errors.js";

const policy: AttemptPolicy = { apiUrl: "http://ipfs.test:5001", timeoutMs: 1_000, retries: 2, retryDelayMs: 1 };

/** What kubo-rpc-client throws when the node answers with an error status. */
function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { name: "HTTPError", response: { status } });
}

function failingTimes(count: number, error: () => unknown): { attempts: () => number; attempt: () => Promise<string> } {
  let calls = 0;
  return {
    attempts: () => calls,
    attempt: async () => {
      calls++;
      if (calls <= count) throw error();
      return "ok";
    },
  };
}

describe("withAttempts", () => {
  it("retries 5xx and network errors, then succeeds", async () => {
    const flaky = failingTimes(2, () => httpError(502, "bad gateway"));
    await expect(withAttempts(policy, "add", undefined, undefined, flaky.attempt)).resolves.toBe("ok");
    expect(flaky.attempts()).toBe(3);
    const offline = failingTimes(1, () => new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }));
    await expect(withAttempts(policy, "add", undefined, undefined, offline.attempt)).resolves.toBe("ok");
  });

  it("gives up after the retries with IpfsUnavailableError naming the node, the operation and the cause", async () => {
    const down = failingTimes(Infinity, () => new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }));
    const failure = withAttempts(policy, "add", undefined, undefined, down.attempt);
    await expect(failure).rejects.toBeInstanceOf(IpfsUnavailableError);
    await expect(failure).rejects.toThrow(
      "IPFS add failed: the node at http://ipfs.test:5001 could not be reached or broke off (fetch failed: ECONNREFUSED) (3 attempts). The node may be down",
    );
    expect(down.attempts()).toBe(3);
  });

  it("retries a browser's network-error response (HTTP 0, as XMLHttpRequest reports a refused upload), then reports the node unavailable", async () => {
    const down = failingTimes(Infinity, () => httpError(0, ""));
    const failure = withAttempts(policy, "add", undefined, undefined, down.attempt);
    await expect(failure).rejects.toBeInstanceOf(IpfsUnavailableError);
    await expect(failure).rejects.toThrow(
      "IPFS add failed: the node at http://ipfs.test:5001 could not be reached or broke off (the browser got no response) (3 attempts). The node may be down",
    );
    expect(down.attempts()).toBe(3);
  });

  it.each([
    [400, "bad chunker", IpfsRejectedError],
    [401, "", IpfsUnauthorizedError],
    [403, "", IpfsUnauthorizedError],
    [404, "404 page not found", IpfsRejectedError],
  ])("never retries HTTP %i", async (status, message, errorClass) => {
    const refused = failingTimes(Infinity, () => httpError(status, message));
    await expect(withAttempts(policy, "add", "bafy", undefined, refused.attempt)).rejects.toBeInstanceOf(errorClass);
    expect(refused.attempts()).toBe(1);
  });

  it("does not retry Kubo's 500 answers that mean 'not pinned' or 'not found'", async () => {
    const notPinned = failingTimes(Infinity, () => httpError(500, "not pinned or pinned indirectly"));
    await expect(withAttempts(policy, "pin rm", "bafyx", undefined, notPinned.attempt)).rejects.toBeInstanceOf(IpfsNotPinnedError);
    const notFound = failingTimes(Infinity, () => httpError(500, "block was not found locally (offline): ipld: could not find bafyx"));
    await expect(withAttempts(policy, "cat", "bafyx", undefined, notFound.attempt)).rejects.toBeInstanceOf(IpfsNotFoundError);
    expect(notPinned.attempts() + notFound.attempts()).toBe(2);
  });

  it("times out each attempt and reports IpfsTimeoutError with the operation and the timeout", async () => {
    let calls = 0;
    const hang = (signal: AbortSignal) => {
      calls++;
      return new Promise<never>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    };
    const failure = withAttempts({ ...policy, timeoutMs: 20, retries: 1 }, "cat of bafyx", "bafyx", undefined, hang);
    await expect(failure).rejects.toBeInstanceOf(IpfsTimeoutError);
    await expect(failure).rejects.toThrow("IPFS cat of bafyx at http://ipfs.test:5001 got no answer within 20 ms (2 attempts)");
    expect(calls).toBe(2);
  });

  it("stops at once on the caller's abort, with the caller's reason, and does not retry", async () => {
    const controller = new AbortController();
    let calls = 0;
    const attempt = (signal: AbortSignal) => {
      calls++;
      setTimeout(() => controller.abort(new Error("user left the page")), 5);
      return new Promise<never>((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("fetch aborted"))));
    };
    await expect(withAttempts(policy, "add", undefined, controller.signal, attempt)).rejects.toThrow("user left the page");
    expect(calls).toBe(1);
  });
});
