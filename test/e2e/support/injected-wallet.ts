/**
 * A browser wallet for E2E tests: an EIP-1193 provider put into every page of a persona's browser
 * context and announced through EIP-6963, as MetaMask does, so the portal reaches it through wagmi's
 * discovery path. The page half only forwards requests; this Node half holds the persona's key,
 * signs locally and talks to anvil. Tests steer it like a user would: reject the next prompt, switch
 * the account, or leave the wallet on another network.
 */
import { randomUUID } from "node:crypto";

import type { BrowserContext } from "playwright-core";
import { isHex, numberToHex, type Hex, type LocalAccount, type TransactionSerializableEIP1559 } from "viem";

import type { PersonaId } from "./stack.js";

export const E2E_WALLET_NAME = "E2E Wallet";
export const E2E_WALLET_RDNS = "dev.ehr-ledger.e2e";
const E2E_WALLET_ICON =
  "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAzMiAzMiI+PHJlY3Qgd2lkdGg9IjMyIiBoZWlnaHQ9IjMyIiByeD0iNiIgZmlsbD0iIzdjM2FlZCIvPjx0ZXh0IHg9IjE2IiB5PSIyMiIgZm9udC1zaXplPSIxNiIgdGV4dC1hbmNob3I9Im1pZGRsZSIgZmlsbD0id2hpdGUiPkU8L3RleHQ+PC9zdmc+";

/** EIP-1193 / EIP-1474 error codes a wallet answers with. */
const USER_REJECTED = 4001;
const UNAUTHORIZED = 4100;
const UNSUPPORTED_METHOD = 4200;
const CHAIN_DISCONNECTED = 4901;
const UNRECOGNIZED_CHAIN = 4902;
const INVALID_PARAMS = -32602;

/** Names of the functions the page calls into Node with. */
const REQUEST_BINDING = "__e2eWalletRequest";
const EVENTS_BINDING = "__e2eWalletEvents";

export class WalletRpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "WalletRpcError";
  }
}

export interface InjectedWalletOptions {
  rpcUrl: string;
  /** The ledger's chain: where the wallet starts and the only one whose transactions it can send. */
  chainId: number;
  persona: PersonaId;
  accountOf(persona: PersonaId): LocalAccount;
}

interface WalletEvent {
  event: "accountsChanged" | "chainChanged";
  args: unknown[];
}

/** What the page's provider gets back: a result, or an error it rethrows with its code. */
type Reply = { result: unknown } | { error: { code: number; message: string; data?: unknown } };

interface TransactionRequest {
  from?: Hex;
  to?: Hex | null;
  data?: Hex;
  input?: Hex;
  value?: Hex;
  gas?: Hex;
  nonce?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
}

export class InjectedWallet {
  readonly info = { uuid: randomUUID(), name: E2E_WALLET_NAME, icon: E2E_WALLET_ICON, rdns: E2E_WALLET_RDNS } as const;
  readonly #options: InjectedWalletOptions;
  #persona: PersonaId;
  #chainId: number;
  readonly #knownChains: Set<number>;
  /** Like a wallet's "connected sites": accounts are visible only after the user approved. */
  #authorized = false;
  readonly #rejections: string[] = [];
  readonly #requests: string[] = [];
  readonly #events: WalletEvent[] = [];
  #eventWaiters: Array<() => void> = [];
  /** Transactions go out one at a time, so two in flight never pick the same nonce. */
  #sending: Promise<unknown> = Promise.resolve();

  constructor(options: InjectedWalletOptions) {
    this.#options = options;
    this.#persona = options.persona;
    this.#chainId = options.chainId;
    this.#knownChains = new Set([options.chainId]);
  }

  get persona(): PersonaId {
    return this.#persona;
  }

  get address(): Hex {
    return this.#account().address;
  }

  /** Every method the page asked for, in order (names only: parameters may hold anything). */
  get requests(): readonly string[] {
    return this.#requests;
  }

  /** The user declines the next `method` prompt (code 4001), as in MetaMask's "Reject". */
  rejectNext(method: string): void {
    this.#rejections.push(method);
  }

  /** The user moves the wallet to another network; the page hears `chainChanged`. */
  setChain(chainId: number): void {
    this.#knownChains.add(chainId);
    if (chainId === this.#chainId) return;
    this.#chainId = chainId;
    this.#emit({ event: "chainChanged", args: [numberToHex(chainId)] });
  }

  /** The user picks another account in the wallet; a connected page hears `accountsChanged`. */
  switchAccount(persona: PersonaId): void {
    if (persona === this.#persona) return;
    this.#persona = persona;
    if (this.#authorized) this.#emit({ event: "accountsChanged", args: [[this.address]] });
  }

  /** Puts the provider into every page `context` opens from now on. */
  async install(context: BrowserContext): Promise<void> {
    await context.exposeBinding(REQUEST_BINDING, async (_source, call: { method: string; params?: unknown }) => await this.#reply(call));
    await context.exposeBinding(EVENTS_BINDING, async (_source, cursor: number | null) => await this.#nextEvents(cursor));
    context.on("close", () => this.#releaseEventWaiters());
    await context.addInitScript({ content: pageScript(this.info) });
  }

  /** The EIP-1193 `request`, as the page's provider calls it. */
  async request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
    this.#requests.push(method);
    const rejection = this.#rejections.indexOf(method);
    if (rejection !== -1) {
      this.#rejections.splice(rejection, 1);
      throw new WalletRpcError("User rejected the request.", USER_REJECTED);
    }
    const list = Array.isArray(params) ? (params as unknown[]) : [];
    switch (method) {
      case "eth_requestAccounts":
        this.#authorized = true;
        return [this.address];
      case "eth_accounts":
        return this.#authorized ? [this.address] : [];
      case "eth_chainId":
        return numberToHex(this.#chainId);
      case "net_version":
        return String(this.#chainId);
      case "wallet_requestPermissions":
        this.#authorized = true;
        return [{ parentCapability: "eth_accounts" }];
      case "wallet_revokePermissions":
        this.#authorized = false;
        this.#emit({ event: "accountsChanged", args: [[]] });
        return null;
      case "wallet_switchEthereumChain":
        return this.#switchChain(chainIdParam(list[0]));
      case "wallet_addEthereumChain":
        this.#knownChains.add(chainIdParam(list[0]));
        return this.#switchChain(chainIdParam(list[0]));
      case "eth_sendTransaction": {
        const sending = this.#sending.then(() => this.#sendTransaction(list[0] as TransactionRequest));
        this.#sending = sending.catch(() => undefined);
        return await sending;
      }
      case "eth_signTypedData_v4":
        this.#requireSelf(list[0]);
        return await this.#signTypedData(list[1]);
      case "personal_sign": {
        this.#requireSelf(list[1]);
        const message = list[0] as string;
        return await this.#account().signMessage({ message: isHex(message) ? { raw: message } : message });
      }
      case "eth_sign":
      case "eth_signTransaction":
        throw new WalletRpcError(`The E2E wallet does not support ${method}.`, UNSUPPORTED_METHOD);
      default:
        return await this.#forward(method, list);
    }
  }

  async #reply(call: { method: string; params?: unknown }): Promise<Reply> {
    try {
      return { result: await this.request(call) };
    } catch (error) {
      if (error instanceof WalletRpcError) return { error: { code: error.code, message: error.message, ...(error.data === undefined ? {} : { data: error.data }) } };
      return { error: { code: -32603, message: error instanceof Error ? error.message : String(error) } };
    }
  }

  #switchChain(chainId: number): null {
    if (!this.#knownChains.has(chainId)) throw new WalletRpcError(`Unrecognized chain ID ${numberToHex(chainId)}. Try adding the chain using wallet_addEthereumChain first.`, UNRECOGNIZED_CHAIN);
    this.setChain(chainId);
    return null;
  }

  /** Fills what the page left out like a wallet does, signs with the persona's key and sends the raw transaction. */
  async #sendTransaction(request: TransactionRequest): Promise<Hex> {
    if (request === undefined || typeof request !== "object") throw new WalletRpcError("eth_sendTransaction needs a transaction object.", INVALID_PARAMS);
    this.#requireSelf(request.from ?? this.address);
    if (this.#chainId !== this.#options.chainId) {
      throw new WalletRpcError(`The E2E wallet is on chain ${this.#chainId}, which it has no node for; switch it to chain ${this.#options.chainId}.`, CHAIN_DISCONNECTED);
    }
    const from = this.address;
    const data = request.data ?? request.input;
    const call = { from, ...(request.to == null ? {} : { to: request.to }), ...(data === undefined ? {} : { data }), ...(request.value === undefined ? {} : { value: request.value }) };
    const [nonce, gas, block, priorityFee] = await Promise.all([
      request.nonce ?? (this.#forward("eth_getTransactionCount", [from, "pending"]) as Promise<Hex>),
      request.gas ?? (this.#forward("eth_estimateGas", [call]) as Promise<Hex>),
      this.#forward("eth_getBlockByNumber", ["latest", false]) as Promise<{ baseFeePerGas: Hex }>,
      request.maxPriorityFeePerGas ?? (this.#forward("eth_maxPriorityFeePerGas", []) as Promise<Hex>),
    ]);
    const transaction: TransactionSerializableEIP1559 = {
      type: "eip1559",
      chainId: this.#chainId,
      nonce: Number(nonce),
      gas: BigInt(gas),
      maxPriorityFeePerGas: BigInt(priorityFee),
      maxFeePerGas: request.maxFeePerGas === undefined ? BigInt(block.baseFeePerGas) * 2n + BigInt(priorityFee) : BigInt(request.maxFeePerGas),
      ...(request.to == null ? {} : { to: request.to }),
      ...(data === undefined ? {} : { data }),
      ...(request.value === undefined ? {} : { value: BigInt(request.value) }),
    };
    const signed = await this.#account().signTransaction(transaction);
    return (await this.#forward("eth_sendRawTransaction", [signed])) as Hex;
  }

  async #signTypedData(raw: unknown): Promise<Hex> {
    const typedData = (typeof raw === "string" ? JSON.parse(raw) : raw) as { domain: object; types: Record<string, unknown>; primaryType: string; message: object };
    // The domain's own type is implied by viem; passing it again makes viem refuse the types.
    const { EIP712Domain: _domain, ...types } = typedData.types;
    return await this.#account().signTypedData({ ...typedData, types } as never);
  }

  #requireSelf(address: unknown): void {
    if (!this.#authorized) throw new WalletRpcError("The E2E wallet has not been connected to this page (eth_requestAccounts first).", UNAUTHORIZED);
    if (typeof address !== "string" || address.toLowerCase() !== this.address.toLowerCase()) {
      throw new WalletRpcError(`The E2E wallet holds ${this.address} (${this.#persona}), not ${String(address)}.`, UNAUTHORIZED);
    }
  }

  /** Reads and raw transactions go to anvil as they are; its errors come back with their code and data, as through MetaMask. */
  async #forward(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(this.#options.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (body.error !== undefined) throw new WalletRpcError(body.error.message, body.error.code, body.error.data);
    return body.result;
  }

  #account(): LocalAccount {
    return this.#options.accountOf(this.#persona);
  }

  #emit(event: WalletEvent): void {
    this.#events.push(event);
    this.#releaseEventWaiters();
  }

  #releaseEventWaiters(): void {
    const waiters = this.#eventWaiters;
    this.#eventWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * The page long-polls for events: `null` starts at the present (a new document has read the
   * state afresh), otherwise everything after `cursor`, waiting until there is something.
   */
  async #nextEvents(cursor: number | null): Promise<{ cursor: number; events: WalletEvent[] }> {
    if (cursor === null) return { cursor: this.#events.length, events: [] };
    if (cursor >= this.#events.length) await new Promise<void>((resolve) => this.#eventWaiters.push(resolve));
    return { cursor: this.#events.length, events: this.#events.slice(cursor) };
  }
}

function chainIdParam(param: unknown): number {
  const chainId = (param as { chainId?: unknown } | undefined)?.chainId;
  if (typeof chainId !== "string" || !isHex(chainId)) throw new WalletRpcError("The request needs a hex chainId.", INVALID_PARAMS);
  return Number(chainId);
}

/**
 * The page half, as source text: functions handed to Playwright are serialized from their compiled
 * form, which may call helpers the page does not have. Only the top frame gets a wallet, as with
 * browser extensions; previews in frames have no use for one.
 */
function pageScript(info: InjectedWallet["info"]): string {
  return `(() => {
  if (window !== window.top) return;
  const info = Object.freeze(${JSON.stringify(info)});
  const listeners = new Map();
  const provider = {
    async request(args) {
      const reply = await window.${REQUEST_BINDING}({ method: args.method, params: args.params });
      if ("error" in reply) {
        const error = new Error(reply.error.message);
        error.code = reply.error.code;
        if ("data" in reply.error) error.data = reply.error.data;
        throw error;
      }
      return reply.result;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return provider;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  const detail = Object.freeze({ info, provider });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  window.addEventListener("load", announce);
  announce();
  (async () => {
    let cursor = null;
    for (;;) {
      const batch = await window.${EVENTS_BINDING}(cursor);
      cursor = batch.cursor;
      for (const { event, args } of batch.events) {
        // Each listener on its own: one that throws surfaces as a page error without silencing the rest.
        for (const listener of [...(listeners.get(event) ?? [])]) queueMicrotask(() => listener(...args));
      }
    }
  })();
})();`;
}
