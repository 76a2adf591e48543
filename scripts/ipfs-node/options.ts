import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { parseIntegerOption } from "../lib/integer-option.js";
import { normalizeOrigin } from "./cors.js";
import {
  DEFAULT_ALLOWED_ORIGINS,
  DEFAULT_API_PORT,
  DEFAULT_DATA_DIR,
  DEFAULT_GATEWAY_PORT,
  DEFAULT_HOST,
  TOKEN_ENV,
} from "./defaults.js";
import type { IpfsNodeOptions } from "./node.js";

export const ipfsNodeUsage = `Usage: npm run ipfs -- [options]

Runs the project's dev IPFS node on its own (npm start runs it next to the chain): the subset of
Kubo's RPC API the portal uses (add, cat, pin add|rm|ls, id, version) and a read-only gateway
(GET /ipfs/<cid>). It is not Kubo and joins no network; see docs/ipfs.md.

Options:
  --data-dir <dir>         blocks, pins and identity (default .data/ipfs)
  --api-port <port>        Kubo RPC API port (default ${DEFAULT_API_PORT}; 0 picks a free one)
  --gateway-port <port>    gateway port (default ${DEFAULT_GATEWAY_PORT}; 0 picks a free one)
  --host <address>         interface for both (default ${DEFAULT_HOST})
  --allow-origin <origin>  browser origin allowed to use the API and gateway; repeat for more
                           (default ${DEFAULT_ALLOWED_ORIGINS.join(" and ")})
  --token-file <file>      bearer token required for add and pin add|rm (or env ${TOKEN_ENV})
  -h, --help               show this help`;

/** Returns undefined when the user asked for help. */
export function parseIpfsNodeOptions(argv: string[], env: NodeJS.ProcessEnv): IpfsNodeOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      "data-dir": { type: "string", default: DEFAULT_DATA_DIR },
      "api-port": { type: "string", default: String(DEFAULT_API_PORT) },
      "gateway-port": { type: "string", default: String(DEFAULT_GATEWAY_PORT) },
      host: { type: "string", default: DEFAULT_HOST },
      "allow-origin": { type: "string", multiple: true },
      "token-file": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  return {
    dataDir: path.resolve(values["data-dir"]),
    apiPort: parsePort("--api-port", values["api-port"]),
    gatewayPort: parsePort("--gateway-port", values["gateway-port"]),
    host: values.host,
    allowedOrigins: parseAllowedOrigins(values["allow-origin"]),
    token: readToken(env, values["token-file"]),
  };
}

/** 0 picks a free port. */
export function parsePort(flag: string, text: string): number {
  return parseIntegerOption(flag, text, 0, 65_535);
}

/** Repeated --allow-origin flags replace the defaults rather than add to them. */
export function parseAllowedOrigins(flags: string[] | undefined): string[] {
  return (flags === undefined || flags.length === 0 ? [...DEFAULT_ALLOWED_ORIGINS] : flags).map(normalizeOrigin);
}

/** The token from --token-file, else from the environment; undefined when neither is set. */
export function readToken(env: NodeJS.ProcessEnv, tokenFile: string | undefined): string | undefined {
  const token = tokenFile === undefined ? env[TOKEN_ENV] : readFileSync(tokenFile, "utf8");
  if (token === undefined) return undefined;
  const trimmed = token.trim();
  if (trimmed === "") {
    throw new Error(`the IPFS API token ${tokenFile === undefined ? `in ${TOKEN_ENV}` : `in ${tokenFile}`} is empty; unset it or give a real one`);
  }
  return trimmed;
}
