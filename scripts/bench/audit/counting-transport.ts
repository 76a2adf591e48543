/** A viem transport that counts what goes through it: JSON-RPC requests by method, and HTTP requests. */
import { http, type Transport } from "viem";

export class RequestCounter {
  readonly byMethod = new Map<string, number>();
  http = 0;

  get rpc(): number {
    let total = 0;
    for (const count of this.byMethod.values()) total += count;
    return total;
  }

  method(name: string): number {
    return this.byMethod.get(name) ?? 0;
  }

  /** What was counted since `before`. */
  since(before: { rpc: number; http: number; byMethod: ReadonlyMap<string, number> }): { rpc: number; http: number; method(name: string): number } {
    return { rpc: this.rpc - before.rpc, http: this.http - before.http, method: (name) => this.method(name) - (before.byMethod.get(name) ?? 0) };
  }

  snapshot(): { rpc: number; http: number; byMethod: ReadonlyMap<string, number> } {
    return { rpc: this.rpc, http: this.http, byMethod: new Map(this.byMethod) };
  }
}

/** HTTP JSON-RPC with batching, as the audit CLI uses it, counted by `counter`. */
export function countedHttp(url: string, counter: RequestCounter): Transport {
  const inner = http(url, { batch: true, retryCount: 2, onFetchRequest: () => void counter.http++ });
  return (parameters) => {
    const transport = inner(parameters);
    const request: typeof transport.request = (args, options) => {
      counter.byMethod.set(args.method, counter.method(args.method) + 1);
      return transport.request(args, options);
    };
    return { ...transport, request };
  };
}
