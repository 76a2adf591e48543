/**
 * Plain JSON-RPC batches to anvil for the history generator: thousands of eth_sendTransaction a
 * second need neither viem's formatting nor a round trip each.
 */

export class JsonRpcError extends Error {
  readonly code = "BENCH_JSON_RPC";
  constructor(
    readonly method: string,
    readonly rpcCode: number | undefined,
    detail: string,
  ) {
    super(`anvil refused ${method} (${rpcCode ?? "no code"}): ${detail}. The history generator cannot go on; see the anvil log.`);
    this.name = "JsonRpcError";
  }
}

export type RpcCall = readonly [method: string, params: readonly unknown[]];

interface RpcReply {
  id: number;
  result?: unknown;
  error?: { code?: number; message?: string };
}

export class JsonRpcBatcher {
  #nextId = 1;

  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    const [result] = await this.batch([[method, params]]);
    return result as T;
  }

  /** The results of `calls`, in order; the first error among them is thrown. */
  async batch(calls: readonly RpcCall[]): Promise<unknown[]> {
    if (calls.length === 0) return [];
    const firstId = this.#nextId;
    this.#nextId += calls.length;
    const body = JSON.stringify(calls.map(([method, params], i) => ({ jsonrpc: "2.0", id: firstId + i, method, params })));
    const response = await fetch(this.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    if (!response.ok) throw new JsonRpcError(calls[0]?.[0] ?? "?", response.status, `HTTP ${response.status} ${await response.text()}`);
    const replies = (await response.json()) as RpcReply[];
    const results = new Array<unknown>(calls.length);
    for (const reply of replies) {
      const index = reply.id - firstId;
      if (reply.error !== undefined) throw new JsonRpcError(calls[index]?.[0] ?? "?", reply.error.code, reply.error.message ?? "no message");
      results[index] = reply.result;
    }
    return results;
  }
}
