/**
 * How many blocks to ask eth_getLogs for at once. Providers cap ranges (often 2,000 or 10,000
 * blocks) or results (often 10,000 logs) and say so in different words; a local node caps nothing.
 * So the span starts modest, halves whenever a provider refuses or a page comes back at the result
 * cap (it may be truncated), and doubles while pages stay sparse.
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
}

export const DEFAULT_SPAN_POLICY: SpanPolicy = { initial: 2_000n, max: 100_000n, resultCap: 10_000, sparseBelow: 2_500 };

/** What one eth_getLogs request over `span` blocks came to. */
export type SpanOutcome = { kind: "page"; logs: number } | { kind: "refused" };

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
}

/** Whether the page over `span` blocks must be asked again in smaller pieces. */
export function mustShrink(outcome: SpanOutcome, policy: SpanPolicy): boolean {
  return outcome.kind === "refused" || outcome.logs >= policy.resultCap;
}

/** The span to ask for next, after `outcome` of a request over `span` blocks. */
export function nextSpan(span: bigint, outcome: SpanOutcome, policy: SpanPolicy): bigint {
  if (mustShrink(outcome, policy)) return span > 1n ? span / 2n : 1n;
  if (outcome.kind === "page" && outcome.logs < policy.sparseBelow) return span * 2n > policy.max ? policy.max : span * 2n;
  return span;
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
