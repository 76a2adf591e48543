import { HttpRequestError, InvalidParamsRpcError, LimitExceededRpcError, ResponseBodyTooLargeError, TimeoutError } from "viem";
import { describe, expect, it } from "vitest";

import { checkSpanPolicy, DEFAULT_SPAN_POLICY, isTooMuchError, mustShrink, nextSpan, oversizeOf, type SpanPolicy } from "../../../../../web/src/core/log-sync/block-span.js";

const POLICY: SpanPolicy = { initial: 1_000n, max: 8_000n, resultCap: 100, sparseBelow: 25 };
const BANDED: SpanPolicy = { ...POLICY, sparseBelow: 20, denseAbove: 60 };

describe("nextSpan", () => {
  it("nextSpan_refused_halvesTheSpan", () => {
    expect(nextSpan(1_000n, { kind: "refused" }, POLICY)).toBe(500n);
  });

  it("nextSpan_pageAtTheResultCap_halvesTheSpan", () => {
    expect(nextSpan(1_000n, { kind: "page", logs: 100 }, POLICY)).toBe(500n);
  });

  it("nextSpan_oneBlockRefused_staysAtOneBlock", () => {
    expect(nextSpan(1n, { kind: "refused" }, POLICY)).toBe(1n);
  });

  it("nextSpan_sparsePage_doublesTheSpanUpToTheMax", () => {
    expect(nextSpan(1_000n, { kind: "page", logs: 24 }, POLICY)).toBe(2_000n);
    expect(nextSpan(6_000n, { kind: "page", logs: 0 }, POLICY)).toBe(8_000n);
  });

  it("nextSpan_densePageUnderTheCap_keepsTheSpan", () => {
    expect(nextSpan(1_000n, { kind: "page", logs: 25 }, POLICY)).toBe(1_000n);
    expect(nextSpan(1_000n, { kind: "page", logs: 99 }, POLICY)).toBe(1_000n);
  });

  it("nextSpan_pageAboveDenseAbove_shrinksTowardTheMiddleOfTheBand", () => {
    expect(nextSpan(1_000n, { kind: "page", logs: 60 }, BANDED)).toBe(1_000n);
    expect(nextSpan(1_000n, { kind: "page", logs: 80 }, BANDED)).toBe(500n);
    expect(nextSpan(1_000n, { kind: "page", logs: 61 }, BANDED)).toBe(655n);
  });

  it("nextSpan_pageFarOverTheCap_shrinksByHowFarOver", () => {
    expect(nextSpan(1_000n, { kind: "page", logs: 1_000 }, POLICY)).toBe(62n);
    expect(nextSpan(1_000n, { kind: "page", logs: 4_000 }, BANDED)).toBe(10n);
  });

  it("nextSpan_refusedSayingHowMuchTooLarge_shrinksByTwiceThatAtOnce", () => {
    expect(nextSpan(1_000n, { kind: "refused", oversize: 6.6 }, POLICY)).toBe(75n);
    expect(nextSpan(10n, { kind: "refused", oversize: 40 }, POLICY)).toBe(1n);
  });
});

describe("oversizeOf", () => {
  it("oversizeOf_viemsResponseBodyTooLargeError_isTheSizeOverTheLimit", () => {
    expect(oversizeOf(new ResponseBodyTooLargeError({ maxSize: 10, size: 66 }))).toBe(6.6);
    expect(oversizeOf(new Error("HTTP request failed.", { cause: new ResponseBodyTooLargeError({ maxSize: 4, size: 5 }) }))).toBe(1.25);
  });

  it("oversizeOf_refusalWithoutSizes_isUndefined", () => {
    expect(oversizeOf(new Error("query returned more than 10000 results"))).toBeUndefined();
    expect(oversizeOf({ size: 5, maxSize: 10 })).toBeUndefined();
  });
});

describe("mustShrink", () => {
  it("mustShrink_refusedOrAtTheCap_isTrueOtherwiseFalse", () => {
    expect(mustShrink({ kind: "refused" }, POLICY)).toBe(true);
    expect(mustShrink({ kind: "page", logs: 100 }, POLICY)).toBe(true);
    expect(mustShrink({ kind: "page", logs: 99 }, POLICY)).toBe(false);
  });
});

describe("checkSpanPolicy", () => {
  it("checkSpanPolicy_defaultPolicy_passes", () => {
    expect(() => checkSpanPolicy(DEFAULT_SPAN_POLICY)).not.toThrow();
  });

  it("checkSpanPolicy_initialAboveMaxOrZero_throwsRangeError", () => {
    expect(() => checkSpanPolicy({ ...POLICY, initial: 9_000n })).toThrow(RangeError);
    expect(() => checkSpanPolicy({ ...POLICY, initial: 0n })).toThrow(RangeError);
  });

  it("checkSpanPolicy_denseThresholdOutsideSparseToCap_throwsRangeError", () => {
    expect(() => checkSpanPolicy({ ...BANDED, denseAbove: 19 })).toThrow(RangeError);
    expect(() => checkSpanPolicy({ ...BANDED, denseAbove: 100 })).toThrow(RangeError);
    expect(() => checkSpanPolicy(BANDED)).not.toThrow();
  });

  it("checkSpanPolicy_sparseThresholdAboveTheCap_throwsRangeError", () => {
    expect(() => checkSpanPolicy({ ...POLICY, sparseBelow: 101 })).toThrow(RangeError);
    expect(() => checkSpanPolicy({ ...POLICY, resultCap: 0, sparseBelow: 0 })).toThrow(RangeError);
  });
});

describe("isTooMuchError", () => {
  it.each([
    ["Infura's result cap", new Error("query returned more than 10000 results")],
    ["Alchemy's response size", new Error("Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range")],
    ["a block range limit", new Error("eth_getLogs block range is too large, max is 2000")],
    ["an exceeded maximum range", new Error("exceed maximum block range: 5000")],
    ["a provider timeout", new Error("request timed out")],
  ])("isTooMuchError_%s_isTrue", (_, error) => {
    expect(isTooMuchError(error)).toBe(true);
  });

  it("isTooMuchError_viemsOwnResponseSizeLimit_isTrue", () => {
    expect(isTooMuchError(new ResponseBodyTooLargeError({ maxSize: 10_485_760, size: 66_910_018 }))).toBe(true);
  });

  it("isTooMuchError_limitExceededCodeOrHttp413_isTrue", () => {
    expect(isTooMuchError({ code: -32005, message: "whatever the provider says" })).toBe(true);
    expect(isTooMuchError({ status: 413, message: "Payload" })).toBe(true);
  });

  it("isTooMuchError_reasonInAWrappedCause_isTrue", () => {
    const inner = { details: "query returned more than 10000 results", message: "RPC Request failed." };
    expect(isTooMuchError(new Error("HTTP request failed.", { cause: inner }))).toBe(true);
  });

  it("isTooMuchError_otherFailures_isFalse", () => {
    expect(isTooMuchError(new Error("fetch failed: ECONNREFUSED"))).toBe(false);
    expect(isTooMuchError(new Error("invalid block tag"))).toBe(false);
    expect(isTooMuchError(undefined)).toBe(false);
    expect(isTooMuchError("query returned more than 10000 results")).toBe(false);
  });
});

describe("isTooMuchError with viem's own errors", () => {
  it("isTooMuchError_viemHttp413_isTrue", () => {
    expect(isTooMuchError(new HttpRequestError({ url: "https://rpc.example", status: 413, body: { method: "eth_getLogs" } }))).toBe(true);
  });

  it("isTooMuchError_viemTimeout_isTrue", () => {
    expect(isTooMuchError(new TimeoutError({ url: "https://rpc.example", body: { method: "eth_getLogs" } }))).toBe(true);
  });

  it("isTooMuchError_viemInvalidParamsWithRangeWording_isTrue", () => {
    const refusal = new InvalidParamsRpcError(Object.assign(new Error("eth_getLogs block range is too large, max is 2000"), { code: -32602 }));
    expect(isTooMuchError(refusal)).toBe(true);
  });

  it("isTooMuchError_viemInvalidParamsWithoutRangeWording_isFalse", () => {
    const malformed = new InvalidParamsRpcError(Object.assign(new Error("invalid argument 0: hex string without 0x prefix"), { code: -32602 }));
    expect(isTooMuchError(malformed)).toBe(false);
  });

  it("isTooMuchError_viemLimitExceeded_isTrue", () => {
    expect(isTooMuchError(new LimitExceededRpcError(new Error("query returned more than 10000 results")))).toBe(true);
  });
});
