import { createCipheriv, createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { beforeAll } from "vitest";

import type { IpfsNodeOptions } from "../../../../../scripts/ipfs-node/node.js";
import { createIpfsStore, type IpfsStore, type IpfsStoreConfig } from "../../../../../web/src/core/ipfs/store.js";
import { useTestNode, type TestNode } from "../../../../scripts/ipfs-node/support.js";

export { kuboDeterministicBytes as deterministicBytes, useTestNode } from "../../../../scripts/ipfs-node/support.js";

/** The dev node for this file, with a store talking to it. */
export function useNodeAndStore(nodeOptions: Partial<IpfsNodeOptions> = {}, storeConfig: Partial<IpfsStoreConfig> = {}): TestNode & { readonly store: IpfsStore } {
  const ipfs = useTestNode(nodeOptions);
  let store: IpfsStore | undefined;
  beforeAll(() => {
    store = createIpfsStore({ apiUrl: ipfs.node.apiUrl, ...storeConfig });
  });
  return Object.defineProperty(ipfs, "store", {
    get(): IpfsStore {
      if (store === undefined) throw new Error("the store is made in a before hook; use it inside tests");
      return store;
    },
  }) as TestNode & { readonly store: IpfsStore };
}

/**
 * The same bytes as deterministicBytes(total, seed), produced in `chunkSize` pieces as they are
 * read (a stand-in for the envelope's ciphertext stream).
 */
export function deterministicStream(total: number, seed: string, chunkSize = 100_000): ReadableStream<Uint8Array> {
  const cipher = createCipheriv("chacha20", createHash("sha256").update(seed, "utf8").digest(), Buffer.alloc(16));
  let produced = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = Math.min(chunkSize, total - produced);
      if (size === 0) {
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(cipher.update(Buffer.alloc(size))));
      produced += size;
    },
  });
}

export interface CountingStore extends IpfsStore {
  readonly adds: number;
}

/** The store, counting how many adds actually went to the node. */
export function countingAdds(store: IpfsStore): CountingStore {
  let adds = 0;
  return {
    ...store,
    get adds() {
      return adds;
    },
    add(bytes, options) {
      adds++;
      return store.add(bytes, options);
    },
  };
}

export interface FakeRpc {
  apiUrl: string;
  /** Commands received, in order (e.g. "pin/ls"). */
  requests: string[];
  close(): Promise<void>;
}

/** A stand-in RPC server answering each command as `answer` says, to misbehave on purpose. */
export async function startFakeRpc(answer: (command: string, url: URL, res: ServerResponse, req: IncomingMessage) => void): Promise<FakeRpc> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const command = url.pathname.replace(/^\/api\/v0\//, "");
    requests.push(command);
    answer(command, url, res, req);
  });
  await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Kubo's error body for `status`. */
export function kuboError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ Message: message, Code: status < 500 ? 1 : 0, Type: "error" }));
}
