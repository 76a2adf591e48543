/**
 * The synthetic history on a throwaway anvil: chain 1337 on a free port, a freshly deployed
 * EHRLedger, then the planner's blocks (planner.ts) sent as fast as anvil takes them — every
 * account impersonated (no keys), no fees, transactions in JSON-RPC batches with explicit nonces and
 * gas, each block mined with its planned timestamp — and checked (mine-block.ts).
 *
 * With `keepDir` the chain's state and a description (history.json) stay in that folder, and a
 * later start with the same folder and shape reopens that history instead of generating it again.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, createWalletClient, defineChain, http, toHex, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import type { AccessLogAction } from "../../../web/src/core/access-log/entry.js";
import type { Hex } from "../../../web/src/core/bytes.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { DEV_MNEMONIC, startAnvil, type RunningAnvil } from "../../local-chain/anvil.js";
import { deployFreshLedger, freePort } from "../storage/local-stack.js";
import { JsonRpcBatcher, type RpcCall } from "./json-rpc.js";
import { mineCheckedBlock } from "./mine-block.js";
import type { PlannedBlock } from "./planned-block.js";
import { HistoryPlanner, type HistoryShape } from "./planner.js";

export const CHAIN_ID = 1337;
const HOST = "127.0.0.1";
const DAY = 86_400;
/** A Monday: the simulated period starts on 5 January 2026 (UTC), the same for every run. */
export const HISTORY_START = Date.UTC(2026, 0, 5) / 1000;
const HISTORY_DAYS = 90;
const EVENTS_PER_BLOCK = 200;
const DESCRIPTION_VERSION = 1;
const STATE_FILE = "anvil-state.json";

export class KeptHistoryMismatchError extends Error {
  readonly code = "KEPT_HISTORY_MISMATCH";
  constructor(dir: string, detail: string) {
    super(`The history kept in ${dir} ${detail}: use another --keep folder or delete this one.`);
    this.name = "KeptHistoryMismatchError";
  }
}

export interface SyntheticHistoryOptions {
  seed: string;
  events: number;
  patients: number;
  providers: number;
  /** Keep the chain there (and reopen it when the folder already holds this history). */
  keepDir?: string;
  log(message: string): void;
}

/** history.json in a kept folder. */
export interface HistoryDescription {
  version: number;
  rpcUrl: string;
  rpcPort: number;
  chainId: number;
  ledgerAddress: Address;
  deploymentBlock: string;
  headBlock: string;
  seed: string;
  patients: number;
  providers: number;
  /** Events of each generation, in order: the first is the history, the others its increments. */
  batches: number[];
  events: number;
  transactions: number;
  counts: Partial<Record<AccessLogAction, number>>;
  adminNonce: number;
  deploymentEvents: number;
}

export interface GrowthReport {
  events: number;
  transactions: number;
  blocks: number;
  seconds: number;
}

interface RpcLogEntry {
  transactionHash: Hex;
}

export class SyntheticHistory {
  #transactions = 0;
  #head = 0n;

  private constructor(
    private readonly anvil: RunningAnvil,
    private readonly rpc: JsonRpcBatcher,
    private readonly planner: HistoryPlanner,
    readonly ledgerAddress: Address,
    readonly deploymentBlock: bigint,
    private readonly description: HistoryDescription,
    private readonly dir: string,
    private readonly kept: boolean,
    private readonly log: (message: string) => void,
  ) {
    this.#transactions = description.transactions;
    this.#head = BigInt(description.headBlock);
  }

  /** A new history of `options.events` events, or the kept one of the same shape. */
  static async start(options: SyntheticHistoryOptions): Promise<SyntheticHistory> {
    const kept = options.keepDir !== undefined;
    const dir = options.keepDir === undefined ? mkdtempSync(path.join(tmpdir(), "ehr-bench-audit-")) : path.resolve(options.keepDir);
    mkdirSync(dir, { recursive: true });
    const descriptionFile = path.join(dir, "history.json");
    const previous = existsSync(descriptionFile) ? (JSON.parse(readFileSync(descriptionFile, "utf8")) as HistoryDescription) : undefined;
    if (previous !== undefined) checkKeptShape(dir, previous, options);
    // A chain without its description (a run that failed halfway) cannot be continued.
    else if (existsSync(path.join(dir, STATE_FILE))) throw new KeptHistoryMismatchError(dir, `holds a chain (${STATE_FILE}) but no history.json`);
    const port = await freePort();
    let anvil: RunningAnvil | undefined;
    try {
      anvil = await startAnvil({
        host: HOST,
        port,
        chainId: CHAIN_ID,
        ...(kept ? { stateFile: path.join(dir, STATE_FILE), stateIntervalSeconds: 3600 } : {}),
        logFile: path.join(dir, "anvil.log"),
        pidFile: path.join(dir, "anvil.pid"),
        // Keyless senders, no fees, no block gas limit: blocks of hundreds of transactions.
        extraArgs: ["--auto-impersonate", "--disable-block-gas-limit", "--block-base-fee-per-gas", "0", "--timestamp", String(HISTORY_START - DAY)],
      });
      const rpc = new JsonRpcBatcher(anvil.rpcUrl);
      const shape: HistoryShape = { seed: options.seed, patients: options.patients, providers: options.providers, start: HISTORY_START, days: HISTORY_DAYS, eventsPerBlock: EVENTS_PER_BLOCK };
      if (previous !== undefined) {
        options.log(`reopening the history kept in ${dir}`);
        const history = await SyntheticHistory.#reopen(anvil, rpc, shape, previous, dir, options.log);
        return history;
      }
      const history = await SyntheticHistory.#deploy(anvil, rpc, shape, dir, kept, options.log);
      if (options.events <= history.description.deploymentEvents) throw new RangeError(`a history needs more than the deployment's ${history.description.deploymentEvents} events`);
      await history.grow(options.events - history.description.deploymentEvents);
      return history;
    } catch (error) {
      await anvil?.stop();
      if (!kept) rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  static async #deploy(anvil: RunningAnvil, rpc: JsonRpcBatcher, shape: HistoryShape, dir: string, kept: boolean, log: (message: string) => void): Promise<SyntheticHistory> {
    log(`deploying EHRLedger on anvil at ${anvil.rpcUrl}`);
    const chain = defineChain({ id: CHAIN_ID, name: "EHR Ledger bench:audit", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } });
    const transport = http(anvil.rpcUrl, { retryCount: 0 });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 25 }) as PublicClient;
    const admin = createWalletClient({ chain, transport, account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 0 }), pollingInterval: 25 });
    await rpc.call("evm_setNextBlockTimestamp", [HISTORY_START - 3600]);
    const { address, deploymentBlock } = await deployFreshLedger(admin, publicClient);
    const deploymentLogs = await rpc.call<RpcLogEntry[]>("eth_getLogs", [{ address, fromBlock: toHex(deploymentBlock), toBlock: toHex(deploymentBlock) }]);
    // From here on blocks are mined when the planner's are complete, at their planned times.
    await rpc.call("evm_setAutomine", [false]);
    const adminAddress = admin.account.address.toLowerCase() as Address;
    const adminNonce = Number(await rpc.call<Hex>("eth_getTransactionCount", [adminAddress, "latest"]));
    const planner = new HistoryPlanner(shape, adminAddress, adminNonce);
    await fund(rpc, planner);
    const description: HistoryDescription = {
      version: DESCRIPTION_VERSION,
      rpcUrl: anvil.rpcUrl,
      rpcPort: Number(new URL(anvil.rpcUrl).port),
      chainId: CHAIN_ID,
      ledgerAddress: address,
      deploymentBlock: deploymentBlock.toString(),
      headBlock: deploymentBlock.toString(),
      seed: shape.seed,
      patients: shape.patients,
      providers: shape.providers,
      batches: [],
      events: deploymentLogs.length,
      transactions: 1,
      counts: {},
      adminNonce,
      deploymentEvents: deploymentLogs.length,
    };
    return new SyntheticHistory(anvil, rpc, planner, address, deploymentBlock, description, dir, kept, log);
  }

  static async #reopen(anvil: RunningAnvil, rpc: JsonRpcBatcher, shape: HistoryShape, description: HistoryDescription, dir: string, log: (message: string) => void): Promise<SyntheticHistory> {
    await rpc.call("evm_setAutomine", [false]);
    const head = BigInt(await rpc.call<Hex>("eth_blockNumber"));
    const code = await rpc.call<Hex>("eth_getCode", [description.ledgerAddress, "latest"]);
    if (head !== BigInt(description.headBlock) || code === "0x") throw new KeptHistoryMismatchError(dir, `says block ${description.headBlock}, but its chain is at block ${head}${code === "0x" ? " without the ledger" : ""}`);
    // The planner's world is rebuilt by planning the same generations again: it continues where the chain is.
    const admin = (mnemonicToAccount(DEV_MNEMONIC, { addressIndex: 0 }).address.toLowerCase()) as Address;
    const planner = new HistoryPlanner(shape, admin, description.adminNonce);
    let transactions = 1;
    for (const batch of description.batches) for (const block of planner.plan(batch)) transactions += block.txs.length;
    if (transactions !== description.transactions || planner.events + description.deploymentEvents !== description.events) {
      throw new KeptHistoryMismatchError(dir, "was generated by another version of the generator");
    }
    log(`reopened ${description.events.toLocaleString("en-US")} events`);
    const reopened = { ...description, rpcUrl: anvil.rpcUrl, rpcPort: Number(new URL(anvil.rpcUrl).port) };
    const history = new SyntheticHistory(anvil, rpc, planner, description.ledgerAddress, BigInt(description.deploymentBlock), reopened, dir, true, log);
    history.#writeDescription();
    return history;
  }

  get rpcUrl(): string {
    return this.anvil.rpcUrl;
  }

  get chainId(): number {
    return CHAIN_ID;
  }

  /** Every event on the chain: the deployment's and the planned ones. */
  get events(): number {
    return this.description.deploymentEvents + this.planner.events;
  }

  /** Events by access-log action, the deployment's admin-role event included. */
  get counts(): Map<AccessLogAction, number> {
    const counts = new Map(this.planner.counts);
    counts.set("admin-role-event", (counts.get("admin-role-event") ?? 0) + this.description.deploymentEvents);
    return counts;
  }

  get transactions(): number {
    return this.#transactions;
  }

  get headBlock(): bigint {
    return this.#head;
  }

  get participants(): { patients: string[]; providers: { address: string; kind: number; affiliation?: string }[]; auditor: string } {
    const { roster } = this.planner;
    return { patients: roster.patients, providers: roster.providers, auditor: roster.auditor };
  }

  /** Plans and mines `events` more events, checking each block. */
  async grow(events: number): Promise<GrowthReport> {
    const started = performance.now();
    let lastReport = started;
    const before = { events: this.events, transactions: this.#transactions };
    let blocks = 0;
    for (const block of this.planner.plan(events)) {
      await this.#mine(block);
      blocks++;
      if (performance.now() - lastReport > 5_000) {
        lastReport = performance.now();
        this.log(`  ${(this.events - before.events).toLocaleString("en-US")} of ${events.toLocaleString("en-US")} events, ${blocks} blocks`);
      }
    }
    this.description.batches.push(events);
    this.#writeDescription();
    return { events: this.events - before.events, transactions: this.#transactions - before.transactions, blocks, seconds: (performance.now() - started) / 1000 };
  }

  /** Sends `block`'s transactions, mines them at its timestamp and checks what the chain made of them. */
  async #mine(block: PlannedBlock): Promise<void> {
    const { number } = await mineCheckedBlock(this.rpc, this.ledgerAddress, block);
    this.#head = number;
    this.#transactions += block.txs.length;
  }

  /** Mines new blocks as transactions come in again, for a wallet or the portal pointed at the history. */
  async enableAutomine(): Promise<void> {
    await this.rpc.call("evm_setAutomine", [true]);
  }

  #writeDescription(): void {
    if (!this.kept) return;
    const counts = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    const description: HistoryDescription = { ...this.description, headBlock: this.#head.toString(), events: this.events, transactions: this.#transactions, counts };
    Object.assign(this.description, description);
    writeFileSync(path.join(this.dir, "history.json"), `${JSON.stringify(description, null, 2)}\n`);
  }

  /** Stops anvil (which saves a kept chain's state first) and removes a throwaway folder. */
  async stop(): Promise<void> {
    try {
      await this.anvil.stop();
    } finally {
      if (!this.kept) rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function checkKeptShape(dir: string, kept: HistoryDescription, options: SyntheticHistoryOptions): void {
  if (kept.version !== DESCRIPTION_VERSION) throw new KeptHistoryMismatchError(dir, `is of format ${kept.version}, not ${DESCRIPTION_VERSION}`);
  const same = kept.seed === options.seed && kept.patients === options.patients && kept.providers === options.providers && (kept.batches[0] ?? 0) + kept.deploymentEvents === options.events;
  if (!same) {
    throw new KeptHistoryMismatchError(dir, `has ${(kept.batches[0] ?? 0) + kept.deploymentEvents} events, ${kept.patients} patients and ${kept.providers} providers from seed "${kept.seed}", not ${options.events}, ${options.patients} and ${options.providers} from "${options.seed}"`);
  }
}

/** Every sender gets enough ether for the sign-up fee (gas costs nothing here). */
async function fund(rpc: JsonRpcBatcher, planner: HistoryPlanner): Promise<void> {
  const { roster } = planner;
  const accounts = [...roster.providers.map((provider) => provider.address), ...roster.patients];
  const oneEther = toHex(10n ** 18n);
  for (let i = 0; i < accounts.length; i += 500) await rpc.batch(accounts.slice(i, i + 500).map((account): RpcCall => ["anvil_setBalance", [account, oneEther]]));
}
