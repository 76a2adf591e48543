import { urlFor } from "../ipfs-node/listen.js";

const LOOPBACK_OR_WILDCARD = new Set(["127.0.0.1", "localhost", "::1", "0.0.0.0", "::"]);

/**
 * The origins a browser on this machine shows the portal under, plus the host itself when the
 * portal listens on one specific address; the IPFS node must accept requests from all of them.
 */
export function portalOrigins(host: string, port: number): string[] {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  if (!LOOPBACK_OR_WILDCARD.has(host)) origins.push(new URL(urlFor(host, port)).origin);
  return origins;
}
