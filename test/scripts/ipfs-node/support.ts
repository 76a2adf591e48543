import { createCipheriv, createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { create, type KuboRPCClient } from "kubo-rpc-client";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

import { ownBytes } from "../../../web/src/core/bytes.js";
import { startIpfsNode, type IpfsNodeOptions, type RunningIpfsNode } from "../../../scripts/ipfs-node/node.js";

export interface TestNode {
  node: RunningIpfsNode;
  dataDir: string;
  client: KuboRPCClient;
  /** Raw RPC call, for checking Kubo's wire shapes exactly. */
  rpc(command: string, query?: Record<string, string | string[]>, init?: RequestInit): Promise<Response>;
  /** Every block file on disk, to see what garbage collection left. */
  blockFiles(): string[];
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A node on free ports over a fresh temporary data directory. */
export async function startTestNode(options: Partial<IpfsNodeOptions> = {}): Promise<TestNode> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "ehr-ipfs-test-"));
  const settings: IpfsNodeOptions = { ...options, dataDir, apiPort: 0, gatewayPort: 0 };
  const testNode: TestNode = {
    node: await startIpfsNode(settings),
    dataDir,
    get client() {
      return create({ url: testNode.node.apiUrl });
    },
    rpc(command, query = {}, init = {}) {
      const url = new URL(`/api/v0/${command}`, testNode.node.apiUrl);
      for (const [key, value] of Object.entries(query)) {
        for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
      }
      return fetch(url, { method: "POST", ...init });
    },
    blockFiles() {
      return listFiles(path.join(dataDir, "blocks")).filter((file) => file.endsWith(".data"));
    },
    async restart() {
      await testNode.node.close();
      testNode.node = await startIpfsNode(settings);
    },
    async stop() {
      await testNode.node.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testNode;
}

/**
 * A node for the enclosing describe (or file): started before its tests, stopped after them;
 * `perTest` gives every test a fresh one. The returned object always speaks for the current node.
 */
export function useTestNode(options: Partial<IpfsNodeOptions> = {}, { perTest = false } = {}): TestNode {
  let started: TestNode | undefined;
  (perTest ? beforeEach : beforeAll)(async () => {
    started = await startTestNode(options);
  });
  (perTest ? afterEach : afterAll)(async () => {
    await started?.stop();
  });
  const current = (): TestNode => {
    if (started === undefined) throw new Error("the test node starts in a before hook; use it inside tests");
    return started;
  };
  return {
    get node() {
      return current().node;
    },
    get dataDir() {
      return current().dataDir;
    },
    get client() {
      return current().client;
    },
    rpc: (...args) => current().rpc(...args),
    blockFiles: () => current().blockFiles(),
    restart: () => current().restart(),
    stop: () => current().stop(),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Kubo's deterministic test data (test/cli/testutils/random_deterministic.go): the ChaCha20
 * keystream under key sha256(seed) and a zero nonce. OpenSSL's 16-byte ChaCha20 IV is the 32-bit
 * block counter followed by the 96-bit nonce, so an all-zero IV is Go's zero nonce from block 0.
 */
export function kuboDeterministicBytes(size: number, seed: string): Uint8Array {
  const key = createHash("sha256").update(seed, "utf8").digest();
  const cipher = createCipheriv("chacha20", key, Buffer.alloc(16));
  return new Uint8Array(cipher.update(Buffer.alloc(size)));
}

/** A multipart form with file parts, named as kubo-rpc-client names them (file, file-1, …). */
export function fileForm(parts: Array<{ bytes: Uint8Array; filename?: string; contentType?: string }>): FormData {
  const form = new FormData();
  parts.forEach((part, index) => {
    const blob = new Blob([ownBytes(part.bytes)], { type: part.contentType ?? "application/octet-stream" });
    form.append(index === 0 ? "file" : `file-${index}`, blob, part.filename ?? "");
  });
  return form;
}

export async function ndjson(response: Response): Promise<unknown[]> {
  return (await response.text())
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
}

export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}
