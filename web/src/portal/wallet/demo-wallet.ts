/**
 * The local demo wallet: an EIP-1193 provider over the public anvil dev keys, with a persona
 * switcher, so the demo works without MetaMask. It exists only on the local dev chain (the portal
 * never loads this module elsewhere) and says so in its name.
 */
import { createWalletClient, http, numberToHex, type Chain, type Hex } from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";

import { DEMO_MNEMONIC, DEMO_PERSONAS, type DemoPersona } from "./demo-personas.js";
import type { Eip1193Provider } from "./eip6963.js";

export class DemoWalletError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = "DemoWalletError";
  }
}

type Listener = (...args: unknown[]) => void;

interface TransactionRequest {
  to?: Hex;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
}

const UNSUPPORTED_CHAIN = 4902;
const UNSUPPORTED_METHOD = 4200;

export class DemoWallet implements Eip1193Provider {
  #persona: DemoPersona;
  #connected = false;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #accounts = new Map<number, HDAccount>();

  constructor(
    private readonly chain: Chain,
    initial: DemoPersona = DEMO_PERSONAS[0] as DemoPersona,
  ) {
    this.#persona = initial;
  }

  get persona(): DemoPersona {
    return this.#persona;
  }

  addressOf(persona: DemoPersona): Hex {
    return this.#account(persona).address;
  }

  /** Like switching accounts in MetaMask: the portal sees `accountsChanged`. */
  switchPersona(persona: DemoPersona): void {
    if (persona.id === this.#persona.id) return;
    this.#persona = persona;
    if (this.#connected) this.#emit("accountsChanged", [this.addressOf(persona)]);
  }

  on(event: string, listener: Listener): void {
    const listeners = this.#listeners.get(event) ?? new Set<Listener>();
    listeners.add(listener);
    this.#listeners.set(event, listeners);
  }

  removeListener(event: string, listener: Listener): void {
    this.#listeners.get(event)?.delete(listener);
  }

  async request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
    const list = (Array.isArray(params) ? params : []) as unknown[];
    switch (method) {
      case "eth_requestAccounts":
        this.#connected = true;
        return [this.addressOf(this.#persona)];
      case "eth_accounts":
        return this.#connected ? [this.addressOf(this.#persona)] : [];
      case "eth_chainId":
        return numberToHex(this.chain.id);
      case "wallet_switchEthereumChain": {
        const requested = Number((list[0] as { chainId?: string } | undefined)?.chainId);
        if (requested !== this.chain.id) throw new DemoWalletError(`The demo wallet only knows the local chain ${this.chain.id}.`, UNSUPPORTED_CHAIN);
        return null;
      }
      case "wallet_requestPermissions":
      case "wallet_revokePermissions":
        if (method === "wallet_revokePermissions") this.#connected = false;
        return [];
      case "eth_sendTransaction":
        return await this.#sendTransaction(list[0] as TransactionRequest);
      case "eth_signTypedData_v4": {
        const typedData = JSON.parse(String(list[1])) as { domain: object; types: Record<string, unknown>; primaryType: string; message: object };
        const { EIP712Domain: _domain, ...types } = typedData.types;
        return await this.#account(this.#persona).signTypedData({ ...typedData, types } as never);
      }
      case "personal_sign":
        return await this.#account(this.#persona).signMessage({ message: { raw: list[0] as Hex } });
      case "eth_sign":
      case "eth_signTransaction":
        throw new DemoWalletError(`The demo wallet does not support ${method}.`, UNSUPPORTED_METHOD);
      default:
        return await this.#forward(method, list);
    }
  }

  async #sendTransaction(request: TransactionRequest): Promise<Hex> {
    const client = createWalletClient({ account: this.#account(this.#persona), chain: this.chain, transport: http(this.#rpcUrl(), { retryCount: 0 }) });
    return await client.sendTransaction({
      to: request.to ?? null,
      data: request.data,
      value: request.value === undefined ? undefined : BigInt(request.value),
      gas: request.gas === undefined ? undefined : BigInt(request.gas),
    } as never);
  }

  async #forward(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(this.#rpcUrl(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (body.error !== undefined) throw Object.assign(new DemoWalletError(body.error.message, body.error.code), { data: body.error.data });
    return body.result;
  }

  #rpcUrl(): string {
    const url = this.chain.rpcUrls.default.http[0];
    if (url === undefined) throw new DemoWalletError("The local chain has no RPC URL.", UNSUPPORTED_CHAIN);
    return url;
  }

  #account(persona: DemoPersona): HDAccount {
    let account = this.#accounts.get(persona.accountIndex);
    if (account === undefined) {
      account = mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: persona.accountIndex });
      this.#accounts.set(persona.accountIndex, account);
    }
    return account;
  }

  #emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(...args);
  }
}

export const DEMO_WALLET_INFO = {
  uuid: "4f9e3c1a-6b2d-4e8f-9a7c-0d3e5a7b9c1d",
  name: "Local demo wallet (dev keys)",
  rdns: "dev.ehr-ledger.demo",
  icon: "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAzMiAzMiI+PHJlY3Qgd2lkdGg9IjMyIiBoZWlnaHQ9IjMyIiByeD0iNiIgZmlsbD0iI2Q5NzcwNiIvPjx0ZXh0IHg9IjE2IiB5PSIyMiIgZm9udC1zaXplPSIxNiIgdGV4dC1hbmNob3I9Im1pZGRsZSIgZmlsbD0id2hpdGUiPkQ8L3RleHQ+PC9zdmc+",
} as const;
