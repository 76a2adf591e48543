import { createServer } from "node:http";

import { normalizeOrigin } from "./cors.js";
import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_API_PORT, DEFAULT_GATEWAY_PORT, DEFAULT_HOST } from "./defaults.js";
import { createGatewayHandler } from "./gateway.js";
import { closeServer, listen, urlFor } from "./listen.js";
import { openRepository } from "./repo/repository.js";
import { createRpcHandler } from "./rpc/router.js";

export interface IpfsNodeOptions {
  /** Blocks, pins and identity live here; created when missing. */
  dataDir: string;
  /** Interface for both servers; 127.0.0.1 unless given. */
  host?: string;
  /** 5001 unless given; 0 picks a free port. */
  apiPort?: number;
  /** 8080 unless given; 0 picks a free port. */
  gatewayPort?: number;
  /** Browser origins allowed to call the API and read the gateway; the portal's dev origins unless given. */
  allowedOrigins?: readonly string[];
  /** When set, add, pin/add and pin/rm need `Authorization: Bearer <token>`. */
  token?: string;
}

export interface RunningIpfsNode {
  /** The Kubo RPC base URL, e.g. http://127.0.0.1:5001 (commands under /api/v0/). */
  apiUrl: string;
  /** The gateway base URL, e.g. http://127.0.0.1:8080 (content under /ipfs/<cid>). */
  gatewayUrl: string;
  peerId: string;
  /** Stops both servers (running requests get a short grace period) and flushes the pins. */
  close(): Promise<void>;
}

/** Starts the dev IPFS node in this process: the Kubo RPC subset and a read-only gateway. */
export async function startIpfsNode(options: IpfsNodeOptions): Promise<RunningIpfsNode> {
  const host = options.host ?? DEFAULT_HOST;
  const allowedOrigins = new Set((options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS).map(normalizeOrigin));
  if (options.token !== undefined && options.token.trim() === "") throw new Error("the IPFS API token is empty; unset it or give a real one");

  const repo = await openRepository(options.dataDir);
  const api = createServer(createRpcHandler({ repo, allowedOrigins, token: options.token }));
  const gateway = createServer(createGatewayHandler({ repo, allowedOrigins }));
  // Uploads of large parts over slow links must not be cut off by Node's default request timeout.
  api.requestTimeout = 0;
  try {
    const apiPort = await listen(api, host, options.apiPort ?? DEFAULT_API_PORT, "RPC API", "--api-port");
    const gatewayPort = await listen(gateway, host, options.gatewayPort ?? DEFAULT_GATEWAY_PORT, "gateway", "--gateway-port");
    return {
      apiUrl: urlFor(host, apiPort),
      gatewayUrl: urlFor(host, gatewayPort),
      peerId: repo.identity.peerId,
      async close() {
        await Promise.all([closeServer(api), closeServer(gateway)]);
        await repo.close();
      },
    };
  } catch (error) {
    await Promise.all([closeServer(api), closeServer(gateway)]);
    await repo.close();
    throw error;
  }
}
