/** EIP-1193 providers wrapped the way tests need them: recorded, or with a wallet that says no. */

export interface RequestArguments {
  method: string;
  params?: unknown;
}

export interface Eip1193Provider {
  request(args: RequestArguments): Promise<unknown>;
}

/** Forwards everything and records the method of every request, in order. */
export function recordingProvider(provider: Eip1193Provider): { provider: Eip1193Provider; methods: string[] } {
  const methods: string[] = [];
  return {
    methods,
    provider: {
      request: (args) => {
        methods.push(args.method);
        return provider.request(args);
      },
    },
  };
}

/** Forwards everything but `methods`, which fail as a wallet's "user rejected the request" (EIP-1193 4001). */
export function rejectingProvider(provider: Eip1193Provider, methods: readonly string[]): Eip1193Provider {
  return {
    request: async (args) => {
      if (methods.includes(args.method)) throw Object.assign(new Error("User rejected the request."), { code: 4001 });
      return provider.request(args);
    },
  };
}

/** Runs `beforeFirst` once, just before the first request of `method` is forwarded. */
export function interceptingProvider(provider: Eip1193Provider, method: string, beforeFirst: () => Promise<void>): Eip1193Provider {
  let fired = false;
  return {
    request: async (args) => {
      if (args.method === method && !fired) {
        fired = true;
        await beforeFirst();
      }
      return provider.request(args);
    },
  };
}
