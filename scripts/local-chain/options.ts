import { parseArgs } from "node:util";

import { getAddress, isAddress } from "viem";

import { DEFAULT_IDLE_LOCK_MINUTES } from "../../web/src/portal/config/runtime-config.js";
import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_API_PORT, DEFAULT_GATEWAY_PORT, TOKEN_ENV } from "../ipfs-node/defaults.js";
import { parseAllowedOrigins, parsePort, readToken } from "../ipfs-node/options.js";
import { parseIntegerOption } from "../lib/integer-option.js";
import { portalOrigins } from "./portal-origins.js";

/** Vite's default port, which the IPFS node's default CORS list already names. */
export const DEFAULT_PORTAL_PORT = 5173;

/** A local anvil chain in .data/, with EHRLedger deployed on it by this script. */
export interface AnvilChainSettings {
  kind: "anvil";
  port: number;
  /** How often anvil saves its state, bounding what a crash (or `kill -9`) can lose. */
  stateIntervalSeconds: number;
}

/** A chain someone else runs, where EHRLedger is already deployed. */
export interface ExistingChainSettings {
  kind: "existing";
  rpcUrl: string;
  ledgerAddress: `0x${string}`;
  deploymentBlock: number;
}

/** The project's dev IPFS node, in this process, on the same host. */
export interface EmbeddedIpfsSettings {
  kind: "embedded";
  apiPort: number;
  gatewayPort: number;
  /** The portal's own origins are always among them. */
  allowedOrigins: string[];
  token: string | undefined;
}

/** A Kubo RPC endpoint someone else runs. */
export interface ExistingIpfsSettings {
  kind: "existing";
  apiUrl: string;
  /** Sent by the portal as a bearer token on writes. */
  token: string | undefined;
}

export interface LocalChainOptions {
  reset: boolean;
  host: string;
  chain: AnvilChainSettings | ExistingChainSettings;
  ipfs: EmbeddedIpfsSettings | ExistingIpfsSettings;
  portal: { port: number; idleLockMinutes: number };
  /** Seed the demo world when the chain has none; only ever done on the local dev chain (1337). */
  seed: boolean;
}

/** Flags that contradict each other, or a value that is not what the flag needs. */
export class StartOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartOptionsError";
  }
}

export const localChainUsage = `Usage: npm start -- [options]

Runs the whole stack: a local anvil chain (chain id 1337) with EHRLedger deployed, the project's dev
IPFS node (see docs/ipfs.md) and the portal, served from a production build (built first when
web/src changed). The first start seeds a demo world. Everything runs until Ctrl-C. State is kept
in .data/, so the next start finds the same chain, contract, IPFS blocks and demo world.

Local chain:
  --reset                      wipe .data/ (chain state, deployment record, IPFS blocks and pins) and start over
  --port <port>                chain RPC port (env EHR_PORT, default 8545)
  --host <address>             interface for the chain, IPFS and the portal (env EHR_HOST, default 127.0.0.1)
  --state-interval <sec>       how often to save the chain state (env EHR_STATE_INTERVAL, default 5)

Dev IPFS node:
  --ipfs-api-port <port>       IPFS Kubo RPC API port (default ${DEFAULT_API_PORT})
  --ipfs-gateway-port <port>   IPFS gateway port (default ${DEFAULT_GATEWAY_PORT})
  --allow-origin <origin>      browser origin allowed to use IPFS; repeat for more
                               (default ${DEFAULT_ALLOWED_ORIGINS.join(" and ")}; the portal's origins are always added)
  --ipfs-token-file <file>     bearer token IPFS requires for add and pin add|rm (or env ${TOKEN_ENV});
                               with --ipfs-api-url, the token the portal sends to that endpoint

Portal:
  --portal-port <port>         port the portal is served on (env EHR_PORTAL_PORT, default ${DEFAULT_PORTAL_PORT})
  --idle-lock-minutes <min>    idle time before the portal wipes keys and decrypted records (default ${DEFAULT_IDLE_LOCK_MINUTES})
  --no-seed                    do not seed the demo world (personas, records, grants) on a new chain

Another chain and IPFS endpoint instead of the local ones:
  --rpc-url <url>              JSON-RPC URL of a chain where EHRLedger is deployed (env EHR_RPC_URL);
                               no anvil, no deployment; the demo wallet and seeding only on chain id 1337
  --ledger-address <0x…>       EHRLedger's address there (env EHR_LEDGER_ADDRESS; required with --rpc-url)
  --deployment-block <n>       the block it was deployed in (env EHR_DEPLOYMENT_BLOCK; required with --rpc-url)
  --ipfs-api-url <url>         a Kubo RPC API endpoint (env EHR_IPFS_API_URL) instead of the dev IPFS node;
                               it must allow the portal's origin (Kubo: API.HTTPHeaders.Access-Control-Allow-Origin)

  -h, --help                   show this help`;

type ParsedValues = ReturnType<typeof parseFlags>["values"];

function parseFlags(argv: string[]) {
  // No defaults here: whether a flag was given at all decides which flags contradict each other.
  return parseArgs({
    args: argv,
    options: {
      reset: { type: "boolean", default: false },
      host: { type: "string" },
      port: { type: "string" },
      "state-interval": { type: "string" },
      "ipfs-api-port": { type: "string" },
      "ipfs-gateway-port": { type: "string" },
      "allow-origin": { type: "string", multiple: true },
      "ipfs-token-file": { type: "string" },
      "portal-port": { type: "string" },
      "idle-lock-minutes": { type: "string" },
      "no-seed": { type: "boolean", default: false },
      "rpc-url": { type: "string" },
      "ledger-address": { type: "string" },
      "deployment-block": { type: "string" },
      "ipfs-api-url": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
}

/** Returns undefined when the user asked for help. */
export function parseLocalChainOptions(argv: string[], env: NodeJS.ProcessEnv): LocalChainOptions | undefined {
  const { values } = parseFlags(argv);
  if (values.help) return undefined;
  const host = values.host ?? env.EHR_HOST ?? "127.0.0.1";
  const portal = {
    port: parseIntegerOption(...fromFlagOrEnv(values["portal-port"], "--portal-port", env, "EHR_PORTAL_PORT", String(DEFAULT_PORTAL_PORT)), 1, 65_535),
    idleLockMinutes: parseIntegerOption("--idle-lock-minutes", values["idle-lock-minutes"] ?? String(DEFAULT_IDLE_LOCK_MINUTES), 1, 24 * 60),
  };
  const options: LocalChainOptions = {
    reset: values.reset,
    host,
    chain: parseChain(values, env),
    ipfs: parseIpfs(values, env, host, portal.port),
    portal,
    seed: !values["no-seed"],
  };
  assertDistinctPorts(options);
  return options;
}

function parseChain(values: ParsedValues, env: NodeJS.ProcessEnv): AnvilChainSettings | ExistingChainSettings {
  const rpcUrl = fromFlagOrEnv(values["rpc-url"], "--rpc-url", env, "EHR_RPC_URL");
  const ledgerAddress = fromFlagOrEnv(values["ledger-address"], "--ledger-address", env, "EHR_LEDGER_ADDRESS");
  const deploymentBlock = fromFlagOrEnv(values["deployment-block"], "--deployment-block", env, "EHR_DEPLOYMENT_BLOCK");
  const existingChain = [rpcUrl, ledgerAddress, deploymentBlock];

  if (existingChain.every(([, text]) => text === undefined)) {
    return {
      kind: "anvil",
      port: parseIntegerOption("--port", values.port ?? env.EHR_PORT ?? "8545", 1, 65_535),
      stateIntervalSeconds: parseIntegerOption("--state-interval", values["state-interval"] ?? env.EHR_STATE_INTERVAL ?? "5", 1, 3_600),
    };
  }
  const missing = existingChain.filter(([, text]) => text === undefined).map(([label]) => label);
  if (missing.length > 0) {
    const given = existingChain.filter(([, text]) => text !== undefined).map(([label]) => label);
    throw new StartOptionsError(
      `${given.join(" and ")} ${given.length === 1 ? "needs" : "need"} ${missing.join(" and ")} too: ` +
        `an existing chain is given by its RPC URL, the EHRLedger address and its deployment block (or EHR_RPC_URL, EHR_LEDGER_ADDRESS, EHR_DEPLOYMENT_BLOCK)`,
    );
  }
  rejectFlags(values, ["port", "state-interval"], "the local anvil chain", rpcUrl[0]);
  return {
    kind: "existing",
    rpcUrl: parseHttpUrl(...(rpcUrl as [string, string])),
    ledgerAddress: parseAddress(...(ledgerAddress as [string, string])),
    deploymentBlock: parseIntegerOption(...(deploymentBlock as [string, string]), 0, Number.MAX_SAFE_INTEGER),
  };
}

function parseIpfs(values: ParsedValues, env: NodeJS.ProcessEnv, host: string, portalPort: number): EmbeddedIpfsSettings | ExistingIpfsSettings {
  const token = readToken(env, values["ipfs-token-file"]);
  const [apiUrlLabel, apiUrl] = fromFlagOrEnv(values["ipfs-api-url"], "--ipfs-api-url", env, "EHR_IPFS_API_URL");
  if (apiUrl !== undefined) {
    rejectFlags(values, ["ipfs-api-port", "ipfs-gateway-port", "allow-origin"], "the dev IPFS node", apiUrlLabel);
    return { kind: "existing", apiUrl: parseHttpUrl(apiUrlLabel, apiUrl), token };
  }
  const allowedOrigins = [...new Set([...parseAllowedOrigins(values["allow-origin"]), ...portalOrigins(host, portalPort)])];
  return {
    kind: "embedded",
    apiPort: parsePort("--ipfs-api-port", values["ipfs-api-port"] ?? String(DEFAULT_API_PORT)),
    gatewayPort: parsePort("--ipfs-gateway-port", values["ipfs-gateway-port"] ?? String(DEFAULT_GATEWAY_PORT)),
    allowedOrigins,
    token,
  };
}

/** The flag's value, else the environment's, else the default; paired with where it came from, for error messages. */
function fromFlagOrEnv(flagValue: string | undefined, flag: string, env: NodeJS.ProcessEnv, envName: string): [string, string | undefined];
function fromFlagOrEnv(flagValue: string | undefined, flag: string, env: NodeJS.ProcessEnv, envName: string, fallback: string): [string, string];
function fromFlagOrEnv(
  flagValue: string | undefined,
  flag: string,
  env: NodeJS.ProcessEnv,
  envName: string,
  fallback?: string,
): [string, string | undefined] {
  if (flagValue !== undefined) return [flag, flagValue];
  if (env[envName] !== undefined) return [envName, env[envName]];
  return [flag, fallback];
}

function rejectFlags(values: ParsedValues, names: (keyof ParsedValues)[], replacing: string, replacedBy: string): void {
  const given = names.filter((name) => values[name] !== undefined).map((name) => `--${name}`);
  if (given.length > 0) throw new StartOptionsError(`${given.join(", ")} cannot be combined with ${replacedBy}, which replaces ${replacing}`);
}

function parseHttpUrl(label: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StartOptionsError(`${label} must be an http(s) URL, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new StartOptionsError(`${label} must be an http(s) URL, got "${text}"`);
  return url.pathname === "/" && url.search === "" ? url.origin : url.href;
}

function parseAddress(label: string, text: string): `0x${string}` {
  // viem checks the EIP-55 checksum of a mixed-case address, catching a mistyped character.
  if (!isAddress(text)) throw new StartOptionsError(`${label} must be a 20-byte hex address (0x followed by 40 hex digits, checksum intact), got "${text}"`);
  return getAddress(text);
}

/** Every server this start binds needs a port of its own; 0 (a free port) never clashes. */
function assertDistinctPorts(options: LocalChainOptions): void {
  const bound: [string, number][] = [["--portal-port", options.portal.port]];
  if (options.chain.kind === "anvil") bound.push(["--port", options.chain.port]);
  if (options.ipfs.kind === "embedded") bound.push(["--ipfs-api-port", options.ipfs.apiPort], ["--ipfs-gateway-port", options.ipfs.gatewayPort]);
  for (const [index, [label, port]] of bound.entries()) {
    const clash = bound.slice(index + 1).find(([, other]) => other === port && port !== 0);
    if (clash !== undefined) throw new StartOptionsError(`${label} and ${clash[0]} are both ${port}: each server needs a port of its own`);
  }
}
