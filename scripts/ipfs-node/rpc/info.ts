import { badRequest } from "../errors.js";
import { sendJson, type RpcCall } from "./context.js";

/** This node's own version: it is not Kubo and says so wherever Kubo reports its version. */
export const NODE_VERSION = "0.1.0";
export const AGENT_VERSION = `ehr-ledger-ipfs-dev/${NODE_VERSION}`;
/** The layout of the data directory (blocks/, pins.json, identity.json). */
const REPO_FORMAT = "1";

/**
 * `POST /api/v0/id`: Kubo's shape. The node runs no libp2p, so it has no addresses and speaks no
 * protocols; the ID is a stable placeholder (see repo/identity.ts).
 */
export function handleId({ res, query, repo }: RpcCall): void {
  const asked = query.get("arg");
  if (asked !== null && asked !== repo.identity.peerId) {
    throw badRequest(`this dev node has no peer network and knows only itself (${repo.identity.peerId})`);
  }
  sendJson(res, {
    ID: repo.identity.peerId,
    PublicKey: repo.identity.publicKey,
    Addresses: [],
    AgentVersion: AGENT_VERSION,
    Protocols: [],
  });
}

/** `POST /api/v0/version`: Kubo's fields (Version, Commit, Repo, System) with this node's own version; no Golang, it is not Go. */
export function handleVersion({ res }: RpcCall): void {
  sendJson(res, {
    Version: AGENT_VERSION,
    Commit: "",
    Repo: REPO_FORMAT,
    System: `${process.arch}/${process.platform}`,
  });
}
