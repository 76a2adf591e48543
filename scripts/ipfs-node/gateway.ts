import type { IncomingMessage, ServerResponse } from "node:http";

import { CID } from "multiformats/cid";

import { abortedWhenClosed, NotAFileError, openFile, streamBody } from "./content.js";
import { applyCors } from "./cors.js";
import { parseRange } from "./range.js";
import { MissingBlockError } from "./repo/blocks.js";
import type { Repository } from "./repo/repository.js";

/** What an immutable, content-addressed response may be cached for (Kubo's gateway uses the same year). */
const IMMUTABLE_CACHE = "public, max-age=29030400, immutable";

export interface GatewaySettings {
  repo: Repository;
  allowedOrigins: ReadonlySet<string>;
}

/**
 * A read-only path gateway: `GET|HEAD /ipfs/<cid>` with single ranges. Everything is served as
 * opaque bytes (`application/octet-stream`, nosniff): what this project stores is ciphertext,
 * and a browser must never render it as a page.
 */
export function createGatewayHandler(settings: GatewaySettings): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serve(req, res, settings).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `gateway error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, settings: GatewaySettings): Promise<void> {
  const cors = applyCors(req, res, {
    allowedOrigins: settings.allowedOrigins,
    methods: ["GET", "HEAD"],
    allowHeaders: ["Range", "If-None-Match"],
    exposeHeaders: ["Content-Range", "Content-Length", "Accept-Ranges", "ETag", "X-Ipfs-Path"],
  });
  if (cors === "preflight-answered") return;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD, OPTIONS");
    return sendText(res, 405, `${req.method ?? "?"} is not allowed: this gateway is read-only`);
  }

  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const match = /^\/ipfs\/([^/]+)\/?$/.exec(pathname);
  if (match === null) return sendText(res, 404, "this gateway serves /ipfs/<cid> only");
  let cid: CID;
  try {
    cid = CID.parse(match[1] as string);
  } catch {
    return sendText(res, 400, `invalid CID in ${pathname}`);
  }

  const etag = `"${cid.toString()}"`;
  const common = {
    ETag: etag,
    "Cache-Control": IMMUTABLE_CACHE,
    "Accept-Ranges": "bytes",
    "X-Ipfs-Path": `/ipfs/${cid.toString()}`,
  };
  // Content addressed: the same ETag can only ever mean the same bytes.
  if (req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }

  const signal = abortedWhenClosed(res);
  let file;
  try {
    file = await openFile(settings.repo.blocks, cid, signal);
  } catch (error) {
    if (error instanceof MissingBlockError) return sendText(res, 404, `${cid.toString()} is not on this node (it does not fetch from the network)`);
    if (error instanceof NotAFileError) return sendText(res, 400, error.message);
    throw error;
  }

  const headers = { ...common, "Content-Type": "application/octet-stream", "X-Content-Type-Options": "nosniff" };
  const range = parseRange(req.headers.range, file.size);
  if (range.kind === "unsatisfiable") {
    res.writeHead(416, { ...headers, "Content-Range": `bytes */${file.size}`, "Content-Length": "0" });
    res.end();
    return;
  }
  const { start, end } = range.kind === "partial" ? range.range : { start: 0, end: file.size };
  res.writeHead(range.kind === "partial" ? 206 : 200, {
    ...headers,
    "Content-Length": String(end - start),
    ...(range.kind === "partial" ? { "Content-Range": `bytes ${start}-${end - 1}/${file.size}` } : {}),
  });
  if (req.method === "HEAD" || end === start) {
    res.end();
    return;
  }
  await streamBody(res, file.read({ start, end }), signal);
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" });
  res.end(`${message}\n`);
}
