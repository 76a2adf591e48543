import type { ServerResponse } from "node:http";

/**
 * go-ipfs-cmds error codes, as Kubo puts them in the `Code` field: clients (kubo-rpc-client among them)
 * read `Message`, and the HTTP status tells a caller's mistake (4xx) from the node's (5xx).
 */
const KUBO_ERR_NORMAL = 0;
const KUBO_ERR_CLIENT = 1;

/** An error the RPC API reports the way Kubo does: `{"Message","Code","Type":"error"}`. */
export class KuboApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly kuboCode: number,
  ) {
    super(message);
    this.name = "KuboApiError";
  }
}

/** A bad argument or option: Kubo answers these with 400. */
export function badRequest(message: string): KuboApiError {
  return new KuboApiError(message, 400, KUBO_ERR_CLIENT);
}

/** A command that could not complete (e.g. "not pinned"): Kubo answers these with 500. */
export function commandFailed(message: string): KuboApiError {
  return new KuboApiError(message, 500, KUBO_ERR_NORMAL);
}

export function unauthorized(message: string): KuboApiError {
  return new KuboApiError(message, 401, KUBO_ERR_CLIENT);
}

export function forbidden(message: string): KuboApiError {
  return new KuboApiError(message, 403, KUBO_ERR_CLIENT);
}

export function notFound(message: string): KuboApiError {
  return new KuboApiError(message, 404, KUBO_ERR_CLIENT);
}

export function methodNotAllowed(message: string): KuboApiError {
  return new KuboApiError(message, 405, KUBO_ERR_CLIENT);
}

export function sendKuboError(res: ServerResponse, error: KuboApiError): void {
  const body = JSON.stringify({ Message: error.message, Code: error.kuboCode, Type: "error" });
  res.writeHead(error.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** Unexpected failures become Kubo's generic 500 with the cause's message (never content or tokens). */
export function asKuboError(error: unknown): KuboApiError {
  if (error instanceof KuboApiError) return error;
  return commandFailed(error instanceof Error ? error.message : String(error));
}
