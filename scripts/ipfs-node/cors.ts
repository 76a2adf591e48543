import type { IncomingMessage, ServerResponse } from "node:http";

export interface CorsRules {
  /** Exact origins (scheme://host[:port]); nothing else gets CORS headers. */
  allowedOrigins: ReadonlySet<string>;
  methods: readonly string[];
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
}

export type CorsOutcome = "preflight-answered" | "allowed" | "no-origin" | "foreign-origin";

/** Browsers send the origin as scheme://host[:port] in lower case; configured values are brought to that form. */
export function normalizeOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`"${origin}" is not an origin (expected e.g. http://localhost:5173)`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw new Error(`"${origin}" is not an origin (expected scheme://host[:port], e.g. http://localhost:5173)`);
  }
  return url.origin;
}

/**
 * Adds CORS headers for an allowed origin and answers its preflight. A foreign origin gets no
 * CORS headers at all, so the browser withholds the response from that page; the caller decides
 * whether to refuse the request outright (the RPC API does, as Kubo does, against cross-site
 * POSTs that need no preflight).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, rules: CorsRules): CorsOutcome {
  const origin = req.headers.origin;
  if (origin === undefined) return "no-origin";
  res.setHeader("Vary", "Origin");
  if (!rules.allowedOrigins.has(origin)) return "foreign-origin";
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Expose-Headers", rules.exposeHeaders.join(", "));
  if (req.method !== "OPTIONS") return "allowed";
  res.writeHead(204, {
    "Access-Control-Allow-Methods": rules.methods.join(", "),
    "Access-Control-Allow-Headers": rules.allowHeaders.join(", "),
    "Access-Control-Max-Age": "600",
    "Content-Length": "0",
  });
  res.end();
  return "preflight-answered";
}
