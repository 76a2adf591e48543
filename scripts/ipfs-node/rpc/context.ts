import type { IncomingMessage, ServerResponse } from "node:http";

import type { Repository } from "../repo/repository.js";

/** What every RPC command handler gets. */
export interface RpcCall {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  repo: Repository;
}

export function sendJson(res: ServerResponse, value: unknown): void {
  const body = `${JSON.stringify(value)}\n`;
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
