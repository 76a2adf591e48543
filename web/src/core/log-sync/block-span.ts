/**
 * How many blocks to ask eth_getLogs for at once. Providers cap ranges (often 2,000 or 10,000
 * blocks) or results (often 10,000 logs) and say so in different words; a local node caps nothing,
 * but the client caps the size of a response (viem: 10 MB). So the span starts modest, shrinks
 * whenever a provider refuses or a page comes back at the result cap (it may be truncated), or
 * comes back dense, and doubles while pages stay sparse. When a refusal or a page says how much
 * too large it was, the span shrinks by that much at once rather than halving step by step.
 */

export interface SpanPolicy {
  /** Blocks asked for first. */
  initial: bigint;
  /** Never more than this many blocks in one request. */
  max: bigint;
  /** A page with this many logs may have been cut short by the provider: it is asked again, smaller. */
  resultCap: number;
  /** Fewer logs than this in a page, and the next request asks for twice the blocks. */
  sparseBelow: number;
  /**
   * More logs than this in a page (kept), and the next request asks for fewer blocks, aiming between
   * sparseBelow and this. A page of a dense chain then stays far below a client's response limit,
   * even in one batch with the requests for the previous page's blocks and senders.
   */
  denseAbove?: number;
}

/**
 * About 1 kB of JSON per ledger log: pages of 2,500 to 5,000 logs are 3 to 6 MB. The first span is
 * small: a node builds a refused response whole before the client drops it (2.6 s for the 66 MB
 * of a 100,000-event local chain), while on a sparse chain doubling reaches `max` in ten requests.
 */
export const DEFAULT_SPAN_POLICY: SpanPolicy = { initial: 100n, max: 100_000n, resultCap: 10_000, sparseBelow: 2_500, denseAbove: 5_000 };

/**
 * What one eth_getLogs request over `span` blocks came to. `oversize`: how many times too large
 * the response was, when the refusal says (viem's ResponseBodyTooLargeError does).
 */
export type SpanOutcome = { kind: "page"; logs: number } | { kind: "refused"; oversize?: number };

/** A single block's logs were still refused: no smaller request exists. */
export class LogRangeTooSmallError extends Error {
  readonly code = "LOG_RANGE_TOO_SMALL";
  constructor(
    readonly blockNumber: bigint,
    override readonly cause: unknown,
  ) {
    super(`The RPC provider refuses the logs of block ${blockNumber} even on its own (${messageOf(cause)}); use a provider without this limit.`);
    this.name = "LogRangeTooSmallError";
  }
}

export function checkSpanPolicy(policy: SpanPolicy): void {
  if (policy.initial < 1n || policy.max < policy.initial) throw new RangeError(`a span policy needs 1 ≤ initial (${policy.initial}) ≤ max (${policy.max})`);
  if (!(policy.resultCap > 0) || !(policy.sparseBelow >= 0) || policy.sparseBelow > policy.resultCap) {
    throw new RangeError(`a span policy needs 0 ≤ sparseBelow (${policy.sparseBelow}) ≤ resultCap (${policy.resultCap}), resultCap > 0`);
  }
  const { denseAbove } = policy;
  if (denseAbove !== undefined && !(denseAbove >= policy.sparseBelow && denseAbove < policy.resultCap)) {
    throw new RangeError(`a span policy needs sparseBelow (${policy.sparseBelow}) ≤ denseAbove (${denseAbove}) < resultCap (${policy.resultCap})`);
  }
}

/** Whether the page over `span` blocks must be asked again in smaller pieces. */
export function mustShrink(outcome: SpanOutcome, policy: SpanPolicy): boolean {
  return outcome.kind === "refused" || outcome.logs >= policy.resultCap;
}

/** The span to ask for next, after `outcome` of a request over `span` blocks. */
export function nextSpan(span: bigint, outcome: SpanOutcome, policy: SpanPolicy): bigint {
  if (outcome.kind === "refused") return shrunk(span, 2 * (outcome.oversize ?? 1));
  // Logs per page aimed at when shrinking: the middle of the band where the span stays put.
  const aim = (policy.sparseBelow + (policy.denseAbove ?? policy.resultCap)) / 2;
  // A page at the cap may be cut short, so its count is a floor: at least halve.
  if (outcome.logs >= policy.resultCap) return shrunk(span, Math.max(2, outcome.logs / aim));
  if (policy.denseAbove !== undefined && outcome.logs > policy.denseAbove) return shrunk(span, outcome.logs / aim);
  if (outcome.logs < policy.sparseBelow) return span * 2n > policy.max ? policy.max : span * 2n;
  return span;
}

/** `span` divided by `factor` (> 1), at least one block. */
function shrunk(span: bigint, factor: number): bigint {
  const blocks = BigInt(Math.floor(Number(span) / factor));
  return blocks > 1n ? blocks : 1n;
}

/** How many times too large a refused response was, when the refusal carries its size and the limit. */
export function oversizeOf(error: unknown): number | undefined {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 6; depth++) {
    const candidate = current as { size?: unknown; maxSize?: unknown; cause?: unknown };
    if (typeof candidate.size === "number" && typeof candidate.maxSize === "number" && candidate.maxSize > 0 && candidate.size > candidate.maxSize) return candidate.size / candidate.maxSize;
    current = candidate.cause;
  }
  return undefined;
}

// How providers word "ask for less": Alchemy, Infura, QuickNode, Ankr, public nodes, Geth, Erigon.
const TOO_MUCH = [
  /more than \d+ results/i,
  /query returned more than/i,
  /(block )?range (is )?too (large|wide|big)/i,
  /exceeds? (the )?max(imum)? (block )?range/i,
  /block range (limit|should not exceed|exceeded)/i,
  /log response size exceeded/i,
  /response (size|is) too (large|big)/i,
  /too many (results|logs|blocks)/i,
  /limit exceeded/i,
  /timed? ?out|timeout/i,
  /request entity too large|\b413\b/i,
  // viem's ResponseBodyTooLargeError: the client's own cap on a response (10 MB by default).
  /response body exceeded the size limit/i,
];
// EIP-1474 "limit exceeded"; Infura's results cap.
const TOO_MUCH_CODES = new Set([-32005]);

/** Whether `error` is a provider saying the request asked for too much (as opposed to a real failure). */
export function isTooMuchError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 6; depth++) {
    const candidate = current as { code?: unknown; status?: unknown; message?: unknown; details?: unknown; shortMessage?: unknown; cause?: unknown };
    if (typeof candidate.code === "number" && TOO_MUCH_CODES.has(candidate.code)) return true;
    if (candidate.status === 413) return true;
    const texts = [candidate.message, candidate.details, candidate.shortMessage].filter((text): text is string => typeof text === "string");
    if (texts.some((text) => TOO_MUCH.some((pattern) => pattern.test(text)))) return true;
    current = candidate.cause;
  }
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
