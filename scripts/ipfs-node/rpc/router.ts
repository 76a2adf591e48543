import type { IncomingMessage, ServerResponse } from "node:http";

import { hasBearerToken } from "../auth.js";
import { applyCors } from "../cors.js";
import { asKuboError, forbidden, methodNotAllowed, notFound, sendKuboError, unauthorized } from "../errors.js";
import type { Repository } from "../repo/repository.js";
import { handleAdd } from "./add.js";
import { handleCat } from "./cat.js";
import type { RpcCall } from "./context.js";
import { handleId, handleVersion } from "./info.js";
import { handlePinAdd, handlePinLs, handlePinRm } from "./pin.js";

interface Command {
  run(call: RpcCall): void | Promise<void>;
  /** Writes need the bearer token when one is configured; reads stay open. */
  writes: boolean;
}

const COMMANDS: Record<string, Command> = {
  add: { run: handleAdd, writes: true },
  cat: { run: handleCat, writes: false },
  "pin/add": { run: handlePinAdd, writes: true },
  "pin/rm": { run: handlePinRm, writes: true },
  "pin/ls": { run: handlePinLs, writes: false },
  id: { run: handleId, writes: false },
  version: { run: handleVersion, writes: false },
};

const API_PREFIX = "/api/v0/";

export interface RpcSettings {
  repo: Repository;
  allowedOrigins: ReadonlySet<string>;
  token: string | undefined;
}

/** The Kubo RPC subset: `POST /api/v0/<command>?arg=…`, errors as Kubo's JSON. */
export function createRpcHandler(settings: RpcSettings): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void route(req, res, settings).catch((error: unknown) => {
      if (!res.headersSent) sendKuboError(res, asKuboError(error));
      else res.destroy();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, settings: RpcSettings): Promise<void> {
  const cors = applyCors(req, res, {
    allowedOrigins: settings.allowedOrigins,
    methods: ["POST"],
    allowHeaders: ["Authorization", "Content-Type"],
    exposeHeaders: ["X-Stream-Output", "X-Chunked-Output", "X-Content-Length"],
  });
  if (cors === "preflight-answered") return;
  // Kubo refuses API calls from pages of other origins outright: a cross-site form POST needs no
  // preflight, so withholding the response would not stop the write.
  if (cors === "foreign-origin") throw forbidden(`origin ${req.headers.origin} is not allowed to use this RPC API (see --allow-origin)`);

  const url = new URL(req.url ?? "/", "http://localhost");
  if (!url.pathname.startsWith(API_PREFIX)) throw notFound(`${url.pathname} is not an RPC endpoint; commands live under ${API_PREFIX}`);
  const name = url.pathname.slice(API_PREFIX.length);
  const command = COMMANDS[name];
  if (command === undefined) {
    throw notFound(`unknown command "${name}"; this dev node implements ${Object.keys(COMMANDS).join(", ")}`);
  }
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    throw methodNotAllowed(`${req.method ?? "?"} is not allowed: the RPC API takes POST (as Kubo's does)`);
  }
  if (command.writes && settings.token !== undefined && !hasBearerToken(req, settings.token)) {
    res.setHeader("WWW-Authenticate", 'Bearer realm="ehr-ledger-ipfs"');
    throw unauthorized(`${name} needs "Authorization: Bearer <token>" on this node (the token is missing or wrong)`);
  }
  await command.run({ req, res, query: url.searchParams, repo: settings.repo });
}
