import { parseArgs } from "node:util";

import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_API_PORT, DEFAULT_GATEWAY_PORT, TOKEN_ENV } from "../ipfs-node/defaults.js";
import { parseAllowedOrigins, parsePort, readToken } from "../ipfs-node/options.js";
import { parseIntegerOption } from "../lib/integer-option.js";

export interface LocalChainOptions {
  reset: boolean;
  host: string;
  port: number;
  /** How often anvil saves its state, bounding what a crash (or `kill -9`) can lose. */
  stateIntervalSeconds: number;
  /** The dev IPFS node that runs next to the chain, on the same host. */
  ipfs: {
    apiPort: number;
    gatewayPort: number;
    allowedOrigins: string[];
    token: string | undefined;
  };
}

export const localChainUsage = `Usage: npm start -- [options]

Runs a local anvil chain (chain id 1337) with EHRLedger deployed, and the project's dev IPFS node
next to it (see docs/ipfs.md); keeps both running until Ctrl-C. State is kept in .data/, so the next
start finds the same chain, the same contract and the same IPFS blocks.

Options:
  --reset                     wipe .data/ (chain state, deployment record, IPFS blocks and pins) and start over
  --port <port>               chain RPC port (env EHR_PORT, default 8545)
  --host <address>            interface for the chain and IPFS (env EHR_HOST, default 127.0.0.1)
  --state-interval <sec>      how often to save the chain state (env EHR_STATE_INTERVAL, default 5)
  --ipfs-api-port <port>      IPFS Kubo RPC API port (default ${DEFAULT_API_PORT})
  --ipfs-gateway-port <port>  IPFS gateway port (default ${DEFAULT_GATEWAY_PORT})
  --allow-origin <origin>     browser origin allowed to use IPFS; repeat for more
                              (default ${DEFAULT_ALLOWED_ORIGINS.join(" and ")})
  --ipfs-token-file <file>    bearer token IPFS requires for add and pin add|rm (or env ${TOKEN_ENV})
  -h, --help                  show this help`;

/** Returns undefined when the user asked for help. */
export function parseLocalChainOptions(argv: string[], env: NodeJS.ProcessEnv): LocalChainOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      reset: { type: "boolean", default: false },
      host: { type: "string", default: env.EHR_HOST ?? "127.0.0.1" },
      port: { type: "string", default: env.EHR_PORT ?? "8545" },
      "state-interval": { type: "string", default: env.EHR_STATE_INTERVAL ?? "5" },
      "ipfs-api-port": { type: "string", default: String(DEFAULT_API_PORT) },
      "ipfs-gateway-port": { type: "string", default: String(DEFAULT_GATEWAY_PORT) },
      "allow-origin": { type: "string", multiple: true },
      "ipfs-token-file": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  return {
    reset: values.reset,
    host: values.host,
    port: parseIntegerOption("--port", values.port, 1, 65_535),
    stateIntervalSeconds: parseIntegerOption("--state-interval", values["state-interval"], 1, 3_600),
    ipfs: {
      apiPort: parsePort("--ipfs-api-port", values["ipfs-api-port"]),
      gatewayPort: parsePort("--ipfs-gateway-port", values["ipfs-gateway-port"]),
      allowedOrigins: parseAllowedOrigins(values["allow-origin"]),
      token: readToken(env, values["ipfs-token-file"]),
    },
  };
}
