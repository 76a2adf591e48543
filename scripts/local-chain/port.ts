import { createServer } from "node:net";

/** Anvil's own message for a taken port drowns in its log; this one says what to do. */
export async function assertPortFree(host: string, port: number, flag = "--port"): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new Error(
            `port ${port} on ${host} is already in use (another "npm start", anvil, Hardhat node or Vite server?). ` +
              `Stop it, or use another port: npm start -- ${flag} ${port + 1}`,
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}
