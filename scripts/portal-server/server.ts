import { createReadStream, existsSync, type Stats } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";

import { parseRuntimeConfig, type PortalRuntimeConfig } from "../../web/src/portal/config/runtime-config.js";
import { closeServer, urlFor } from "../ipfs-node/listen.js";
import { contentTypeFor } from "./content-types.js";
import { PortalBuildMissingError, PortalPortInUseError } from "./errors.js";
import { requestTarget } from "./request-target.js";
import { securityHeaders } from "./security-headers.js";

export interface PortalServerOptions {
  /** The portal's production build (web/dist): index.html and hashed files under assets/. */
  distDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Answered at GET /config.json; validated first, so a bad one fails here rather than in the browser. */
  config: PortalRuntimeConfig;
  /** Where unexpected failures go (with the request's path, never its query); console.error unless given. */
  log?: (message: string) => void;
}

export interface RunningPortalServer {
  /** The portal's address for a browser on this machine, e.g. http://127.0.0.1:5173. */
  url: string;
  close(): Promise<void>;
}

/** Vite puts a content hash in every file name under assets/, so a name never changes its content. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: a browser must check it is current before each use. */
const REVALIDATE = "no-cache";
const NEVER_STORE = "no-store";

interface Site {
  /** Symbolic links resolved, so a link cannot lead a request out of it. */
  distRoot: string;
  configBody: string;
  headers: Readonly<Record<string, string>>;
  log: (message: string) => void;
}

/** Serves the portal's production build with a runtime /config.json (node:http, GET and HEAD only). */
export async function startPortalServer(options: PortalServerOptions): Promise<RunningPortalServer> {
  const distDir = path.resolve(options.distDir);
  if (!existsSync(path.join(distDir, "index.html"))) throw new PortalBuildMissingError(distDir);
  const config = parseRuntimeConfig(options.config);
  const site: Site = {
    distRoot: await realpath(distDir),
    configBody: JSON.stringify(config),
    headers: securityHeaders(config),
    log: options.log ?? ((message) => console.error(message)),
  };

  const server = createServer((req, res) => {
    serve(req, res, site).catch((error: unknown) => {
      if (res.headersSent) {
        // Mostly a browser that went away mid-file; the response cannot be repaired either way.
        res.destroy();
        return;
      }
      site.log(`portal server: ${req.method ?? "?"} ${pathOnly(req.url)} failed: ${error instanceof Error ? error.message : String(error)}`);
      sendText(req, res, 500, "the portal server failed to answer this request");
    });
  });
  const port = await listen(server, options.host, options.port);
  return { url: urlFor(options.host, port), close: () => closeServer(server) };
}

async function serve(req: IncomingMessage, res: ServerResponse, site: Site): Promise<void> {
  for (const [name, value] of Object.entries(site.headers)) res.setHeader(name, value);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return sendText(req, res, 405, `${req.method ?? "this method"} is not allowed: the portal is read-only`);
  }

  const target = requestTarget(req.url ?? "/");
  switch (target.kind) {
    case "refused":
      return sendText(req, res, target.status, target.status === 404 ? "not found" : `refused: ${target.reason}`);
    case "config":
      return sendBody(req, res, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": NEVER_STORE }, site.configBody);
    case "app-route":
      return await sendFile(req, res, site, "index.html");
    case "file":
      return await sendFile(req, res, site, target.relativePath);
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, site: Site, relativePath: string): Promise<void> {
  const found = await findInside(site.distRoot, relativePath);
  if (found === undefined) return sendText(req, res, 404, "not found");

  const etag = `W/"${found.stats.size.toString(16)}-${Math.floor(found.stats.mtimeMs).toString(16)}"`;
  res.setHeader("Cache-Control", relativePath.startsWith("assets/") ? IMMUTABLE : REVALIDATE);
  res.setHeader("ETag", etag);
  if (etagMatches(req.headers["if-none-match"], etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  res.writeHead(200, { "Content-Type": contentTypeFor(found.file), "Content-Length": found.stats.size });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  await pipeline(createReadStream(found.file), res);
}

/** The regular file at `relativePath` if it is (after following links) inside `root`. */
async function findInside(root: string, relativePath: string): Promise<{ file: string; stats: Stats } | undefined> {
  let file: string;
  try {
    file = await realpath(path.join(root, ...relativePath.split("/")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
  if (!file.startsWith(root + path.sep)) return undefined;
  const stats = await stat(file);
  return stats.isFile() ? { file, stats } : undefined;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === "*" || trimmed === etag || `W/${trimmed}` === etag;
  });
}

function sendBody(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, body: string, status = 200): void {
  res.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  sendBody(req, res, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NEVER_STORE }, `${message}\n`, status);
}

/** Query strings can carry anything a link put there; logs get the path alone. */
function pathOnly(rawTarget: string | undefined): string {
  return (rawTarget ?? "/").split(/[?#]/, 1)[0] ?? "/";
}

async function listen(server: Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortalPortInUseError(host, port) : error);
    server.once("error", onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
