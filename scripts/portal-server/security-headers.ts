import type { PortalRuntimeConfig } from "../../web/src/portal/config/runtime-config.js";

/**
 * The portal decrypts health records in the page, so it runs only its own scripts and talks only to
 * itself, the chain's RPC endpoint and the IPFS API. Decrypted attachments are previewed through
 * blob: URLs (images, media, PDFs in a frame); inline styles are React's `style` props.
 */
export function contentSecurityPolicy(config: Pick<PortalRuntimeConfig, "rpcUrl" | "ipfsApiUrl">): string {
  const connectSources = [...new Set(["'self'", new URL(config.rpcUrl).origin, new URL(config.ipfsApiUrl).origin])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `connect-src ${connectSources.join(" ")}`,
  ].join("; ");
}

/** Powerful features the portal never uses, denied to it and to anything it frames. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

/** Sent on every response, errors and /config.json included. */
export function securityHeaders(config: Pick<PortalRuntimeConfig, "rpcUrl" | "ipfsApiUrl">): Readonly<Record<string, string>> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(config),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
}
