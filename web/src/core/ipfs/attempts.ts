import {
  IpfsNotFoundError,
  IpfsNotPinnedError,
  IpfsRejectedError,
  IpfsTimeoutError,
  IpfsUnauthorizedError,
  IpfsUnavailableError,
  type IpfsError,
} from "./errors.js";

export interface AttemptPolicy {
  apiUrl: string;
  /** Per attempt, covering the whole exchange including the body. */
  timeoutMs: number;
  /** Further attempts after the first, for transient failures only. */
  retries: number;
  /** The first back-off; each further one doubles, with jitter. */
  retryDelayMs: number;
}

/** What a failed attempt was, when another attempt might succeed. */
type Transient = { kind: "timeout" } | { kind: "unavailable"; detail: string; cause: unknown };

/**
 * Runs `attempt` with a timeout on every try, retrying with back-off after network errors, 5xx
 * and timeouts, never after 4xx. The caller's signal cancels at once (its reason is thrown as is).
 * `subject` is the CID concerned, for not-found errors.
 */
export async function withAttempts<T>(
  policy: AttemptPolicy,
  operation: string,
  subject: string | undefined,
  signal: AbortSignal | undefined,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  let lastFailure: Transient = { kind: "timeout" };
  const attempts = policy.retries + 1;
  for (let tried = 0; tried < attempts; tried++) {
    if (tried > 0) await backOff(policy.retryDelayMs * 2 ** (tried - 1), signal);
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    try {
      return await attempt(signal === undefined ? timeout : AbortSignal.any([signal, timeout]));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const outcome = timeout.aborted ? ({ kind: "timeout" } as const) : classify(error, policy.apiUrl, operation, subject);
      if (!("kind" in outcome)) throw outcome;
      lastFailure = outcome;
    }
  }
  if (lastFailure.kind === "timeout") throw new IpfsTimeoutError(policy.apiUrl, operation, policy.timeoutMs, attempts);
  throw new IpfsUnavailableError(policy.apiUrl, operation, lastFailure.detail, attempts, { cause: lastFailure.cause });
}

/** kubo-rpc-client's HTTPError: the node answered, with a status and usually Kubo's error message. */
interface HttpErrorLike {
  name: "HTTPError";
  message: string;
  response: { status: number };
}

function isHttpError(error: unknown): error is HttpErrorLike {
  return error instanceof Error && error.name === "HTTPError" && typeof (error as Partial<HttpErrorLike>).response?.status === "number";
}

// Kubo's wordings (and this project's dev node's, which keeps them): "not pinned or pinned
// indirectly", "path '…' is not pinned"; "block was not found locally", "could not find …".
const NOT_PINNED = /\bnot pinned\b/i;
const NOT_FOUND = /not found|could not find|is not in this node|no link named/i;

function classify(error: unknown, apiUrl: string, operation: string, subject: string | undefined): IpfsError | Transient {
  if (isHttpError(error)) {
    const { status } = error.response;
    // In a browser, an upload with progress goes through XMLHttpRequest, and a connection that failed
    // (node down, refused) comes back as a network-error response: status 0, no answer from the node.
    if (status === 0) return { kind: "unavailable", detail: "could not be reached or broke off (the browser got no response)", cause: error };
    if (status === 401 || status === 403) return new IpfsUnauthorizedError(apiUrl, operation, status);
    if (status < 500) return new IpfsRejectedError(apiUrl, operation, status, error.message);
    // Kubo reports these as 500s too; they are answers, not outages, and retrying cannot change them.
    if (subject !== undefined && NOT_PINNED.test(error.message)) return new IpfsNotPinnedError(apiUrl, subject);
    if (subject !== undefined && NOT_FOUND.test(error.message)) return new IpfsNotFoundError(apiUrl, subject, error.message);
    return { kind: "unavailable", detail: `answered HTTP ${status}: ${error.message}`, cause: error };
  }
  return { kind: "unavailable", detail: `could not be reached or broke off (${describeNetworkError(error)})`, cause: error };
}

/** fetch's own message ("fetch failed") says little; the cause usually names the socket error. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const causeMessage = typeof cause?.message === "string" ? cause.message : undefined;
  return [error.message, code ?? causeMessage].filter((part) => part !== undefined && part !== "").join(": ");
}

function backOff(baseMs: number, signal: AbortSignal | undefined): Promise<void> {
  // Jitter spreads the retries of many clients that failed together.
  const delayMs = baseMs * (0.5 + Math.random() / 2);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delayMs);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
