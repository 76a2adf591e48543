import { parseArgs } from "node:util";

export interface LocalChainOptions {
  reset: boolean;
  host: string;
  port: number;
  /** How often anvil saves its state, bounding what a crash (or `kill -9`) can lose. */
  stateIntervalSeconds: number;
}

export const localChainUsage = `Usage: npm start -- [options]

Runs a local anvil chain (chain id 1337) with EHRLedger deployed, and keeps it running until Ctrl-C.
State is kept in .data/, so the next start finds the same chain and the same contract.

Options:
  --reset                  wipe .data/ (chain state and deployment record) and start over
  --port <port>            RPC port (env EHR_PORT, default 8545)
  --host <address>         interface to listen on (env EHR_HOST, default 127.0.0.1)
  --state-interval <sec>   how often to save the chain state (env EHR_STATE_INTERVAL, default 5)
  -h, --help               show this help`;

/** Returns undefined when the user asked for help. */
export function parseLocalChainOptions(argv: string[], env: NodeJS.ProcessEnv): LocalChainOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      reset: { type: "boolean", default: false },
      host: { type: "string", default: env.EHR_HOST ?? "127.0.0.1" },
      port: { type: "string", default: env.EHR_PORT ?? "8545" },
      "state-interval": { type: "string", default: env.EHR_STATE_INTERVAL ?? "5" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  return {
    reset: values.reset,
    host: values.host,
    port: parseInteger("--port", values.port, 1, 65_535),
    stateIntervalSeconds: parseInteger("--state-interval", values["state-interval"], 1, 3_600),
  };
}

function parseInteger(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
