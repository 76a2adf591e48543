/**
 * What the portal learns at run time from `/config.json`, so one production build serves the local
 * demo chain, a test chain or a consortium network without rebuilding. The server that serves the
 * portal writes it (scripts/portal-server); nothing in it is secret.
 */

export interface PortalRuntimeConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  ledgerAddress: `0x${string}`;
  /** Where to start reading the ledger's events. */
  deploymentBlock: number;
  /** Kubo RPC API base URL (e.g. http://127.0.0.1:5001). */
  ipfsApiUrl: string;
  /** Sent as a bearer token on IPFS writes when the node requires one. */
  ipfsToken?: string;
  /** Offer the local demo wallet. Honoured only on the local dev chain (chain id 1337). */
  demoWallet: boolean;
  /** Idle time before keys and decrypted content are wiped (HIPAA automatic logoff). */
  idleLockMinutes: number;
  /** Blocks an event must be under before the access log treats it as final (default: 0 on the dev chain, 2 elsewhere). */
  logConfirmations?: number;
}

export const LOCAL_DEV_CHAIN_ID = 1337;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export class RuntimeConfigError extends Error {
  constructor(problem: string) {
    super(`The portal's /config.json is not usable: ${problem}`);
    this.name = "RuntimeConfigError";
  }
}

function field<T>(value: unknown, name: string, check: (value: unknown) => value is T, expected: string): T {
  if (!check(value)) throw new RuntimeConfigError(`"${name}" must be ${expected}`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isAddress = (value: unknown): value is `0x${string}` => typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value);
const isUrl = (value: unknown): value is string => {
  if (typeof value !== "string") return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
};

/** Validates the parsed JSON; the demo wallet is forced off on any chain but the local dev chain. */
export function parseRuntimeConfig(json: unknown): PortalRuntimeConfig {
  if (typeof json !== "object" || json === null) throw new RuntimeConfigError("it is not a JSON object");
  const raw = json as Record<string, unknown>;
  const chainId = field(raw.chainId, "chainId", isCount, "a chain id");
  const idleLockMinutes = raw.idleLockMinutes === undefined ? DEFAULT_IDLE_LOCK_MINUTES : field(raw.idleLockMinutes, "idleLockMinutes", isCount, "a whole number of minutes");
  if (idleLockMinutes < 1) throw new RuntimeConfigError(`"idleLockMinutes" must be at least 1`);
  const config: PortalRuntimeConfig = {
    chainId,
    chainName: raw.chainName === undefined ? `Chain ${chainId}` : field(raw.chainName, "chainName", isString, "a name"),
    rpcUrl: field(raw.rpcUrl, "rpcUrl", isUrl, "an http(s) URL"),
    ledgerAddress: field(raw.ledgerAddress, "ledgerAddress", isAddress, "a 20-byte hex address"),
    deploymentBlock: field(raw.deploymentBlock, "deploymentBlock", isCount, "a block number"),
    ipfsApiUrl: field(raw.ipfsApiUrl, "ipfsApiUrl", isUrl, "an http(s) URL"),
    demoWallet: raw.demoWallet === true && chainId === LOCAL_DEV_CHAIN_ID,
    idleLockMinutes,
  };
  if (raw.ipfsToken !== undefined) config.ipfsToken = field(raw.ipfsToken, "ipfsToken", isString, "a token");
  if (raw.logConfirmations !== undefined) config.logConfirmations = field(raw.logConfirmations, "logConfirmations", isCount, "a whole number of blocks");
  return config;
}
