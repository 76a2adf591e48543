/**
 * Walks a block range in eth_getLogs pages whose size adapts to the provider (block-span.ts):
 * a refused or possibly truncated page is asked again over fewer blocks, from the same start, so
 * no log is skipped and none is read twice.
 */
import { checkSpanPolicy, DEFAULT_SPAN_POLICY, isTooMuchError, LogRangeTooSmallError, mustShrink, nextSpan, oversizeOf, type SpanPolicy } from "./block-span.js";

export interface LogPage<Log> {
  fromBlock: bigint;
  toBlock: bigint;
  logs: Log[];
}

/** One eth_getLogs request over [fromBlock, toBlock], both included. */
export type GetLogs<Log> = (fromBlock: bigint, toBlock: bigint, signal?: AbortSignal) => Promise<Log[]>;

export interface LogPagesOptions {
  policy?: SpanPolicy;
  signal?: AbortSignal;
}

/** Every page of logs from `fromBlock` to `toBlock`, in block order; together they cover the range exactly once. */
export async function* logPages<Log>(getLogs: GetLogs<Log>, fromBlock: bigint, toBlock: bigint, options: LogPagesOptions = {}): AsyncGenerator<LogPage<Log>> {
  const policy = options.policy ?? DEFAULT_SPAN_POLICY;
  checkSpanPolicy(policy);
  let span = policy.initial;
  let start = fromBlock;
  while (start <= toBlock) {
    options.signal?.throwIfAborted();
    const end = start + span - 1n < toBlock ? start + span - 1n : toBlock;
    const asked = end - start + 1n;
    let logs: Log[];
    try {
      logs = await getLogs(start, end, options.signal);
    } catch (error) {
      if (!isTooMuchError(error)) throw error;
      if (asked === 1n) throw new LogRangeTooSmallError(start, error);
      const oversize = oversizeOf(error);
      span = nextSpan(asked, oversize === undefined ? { kind: "refused" } : { kind: "refused", oversize }, policy);
      continue;
    }
    const outcome = { kind: "page", logs: logs.length } as const;
    // A single block at the cap cannot be split further: take it as the provider gave it.
    if (asked > 1n && mustShrink(outcome, policy)) {
      span = nextSpan(asked, outcome, policy);
      continue;
    }
    yield { fromBlock: start, toBlock: end, logs };
    span = nextSpan(span, outcome, policy);
    start = end + 1n;
  }
}
