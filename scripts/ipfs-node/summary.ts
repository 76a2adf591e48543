import { DEFAULT_ALLOWED_ORIGINS, TOKEN_ENV } from "./defaults.js";
import type { IpfsNodeOptions, RunningIpfsNode } from "./node.js";

/** The lines npm start and npm run ipfs print about the node; never the token itself. */
export function describeIpfsNode(
  node: RunningIpfsNode,
  options: Pick<IpfsNodeOptions, "allowedOrigins" | "token">,
  dataDirForHumans: string,
): string {
  const origins = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS;
  const token =
    options.token === undefined
      ? `not set: anyone who can reach the API may add and pin (set ${TOKEN_ENV} to require one)`
      : "required for add and pin add|rm (Authorization: Bearer …)";
  return [
    `    IPFS RPC API      ${node.apiUrl}  (Kubo RPC subset: add, cat, pin add|rm|ls, id, version)`,
    `    IPFS gateway      ${node.gatewayUrl}/ipfs/<cid>  (read-only)`,
    `    IPFS data         ${dataDirForHumans}  (blocks, pins.json, identity.json)`,
    `    IPFS CORS         ${origins.join(", ")}`,
    `    IPFS token        ${token}`,
  ].join("\n");
}
