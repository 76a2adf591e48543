import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export class PortInUseError extends Error {
  constructor(what: string, host: string, port: number, flag: string) {
    super(
      `port ${port} on ${host} is already in use, so the IPFS ${what} cannot listen there ` +
        `(a Kubo daemon, another "npm run ipfs" or "npm start"?). Stop it, or pick another port ` +
        `with ${flag} (npm start: --ipfs-${flag.slice(2)})`,
    );
    this.name = "PortInUseError";
  }
}

/** Resolves with the port actually bound (port 0 picks a free one). */
export async function listen(server: Server, host: string, port: number, what: string, flag: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(what, host, port, flag) : error);
    };
    server.once("error", onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** How long a shutdown waits for running requests (a large upload) before cutting them off. */
const CLOSE_GRACE_MS = 5_000;

export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  await closed;
  clearTimeout(cutOff);
}

/** A URL a browser on this machine can use: a wildcard bind is reachable on loopback. */
export function urlFor(host: string, port: number): string {
  if (host === "0.0.0.0") return `http://127.0.0.1:${port}`;
  if (host === "::") return `http://[::1]:${port}`;
  return host.includes(":") ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}
