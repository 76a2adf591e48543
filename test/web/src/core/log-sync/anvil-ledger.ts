/**
 * A real anvil with a freshly deployed EHRLedger for the log reader's tests: a doctor and two
 * patients registered, and the steps of a small clinical history sent as the portal sends them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, createTestClient, createWalletClient, custom, defineChain, http, keccak256, toHex, type EIP1193RequestFn, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { deployFreshLedger, freePort } from "../../../../../scripts/bench/storage/local-stack.js";
import { DEV_MNEMONIC, startAnvil, type RunningAnvil } from "../../../../../scripts/local-chain/anvil.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import { categoriesOf } from "../../../../../web/src/core/chain/categories.js";
import { createLedgerConnection, type LedgerConnection } from "../../../../../web/src/core/chain/connection.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";

const CHAIN_ID = 1337;
const DOCTOR_KIND = 2;
export const NOTES = 0;
export const LABS = 1;

export type Role = "admin" | "doctor" | "patient" | "patient2";
const ACCOUNT_INDEX: Record<Role, number> = { admin: 0, doctor: 1, patient: 2, patient2: 3 };

/** A stand-in for a sealed box: the contract only checks its length (48..160 bytes). */
const fakeWrap = (tag: number): Hex => `0x${(tag & 0xff).toString(16).padStart(2, "0").repeat(80)}`;
const digest = (tag: number): Hex => `0x${(tag & 0xff).toString(16).padStart(2, "0").repeat(32)}`;
const bytes32Of = (text: string): Hex => keccak256(toHex(text));

/** One JSON-RPC request as a transport sees it; answer by calling `forward`. */
export type RpcInterceptor = (request: { method: string; params?: unknown }, forward: () => Promise<unknown>) => Promise<unknown>;

export interface AnvilLedger {
  rpcUrl: string;
  accounts: Record<Role, Address>;
  /** A read-only connection over HTTP (no caching: the chain is rewound under it). */
  connection: LedgerConnection;
  /** A read-only connection whose every request passes `intercept` first. */
  connectionThrough(intercept: RpcInterceptor): LedgerConnection;
  send: ReturnType<typeof stepsOf>;
  snapshot(): Promise<Hex>;
  revert(id: Hex): Promise<void>;
  mine(blocks: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startAnvilLedger(): Promise<AnvilLedger> {
  const dir = mkdtempSync(path.join(tmpdir(), "log-sync-"));
  let anvil: RunningAnvil | undefined;
  try {
    anvil = await startAnvil({
      host: "127.0.0.1",
      port: await freePort(),
      chainId: CHAIN_ID,
      stateFile: path.join(dir, "state.json"),
      stateIntervalSeconds: 3600,
      logFile: path.join(dir, "anvil.log"),
      pidFile: path.join(dir, "anvil.pid"),
    });
    const rpcUrl = anvil.rpcUrl;
    const chain = defineChain({ id: CHAIN_ID, name: "log-sync test", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
    const transport = http(rpcUrl, { retryCount: 0 });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: 25, cacheTime: 0 }) as PublicClient;
    const testClient = createTestClient({ chain, transport, mode: "anvil" });
    const walletOf = (role: Role) => createWalletClient({ chain, transport, account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: ACCOUNT_INDEX[role] }), pollingInterval: 25, cacheTime: 0 });
    const accounts = Object.fromEntries((Object.keys(ACCOUNT_INDEX) as Role[]).map((role) => [role, walletOf(role).account.address as Address])) as Record<Role, Address>;

    const { address, deploymentBlock } = await deployFreshLedger(walletOf("admin"), publicClient);
    const connectionOf = (role: Role) => createLedgerConnection({ publicClient, walletClient: walletOf(role), address, chainId: CHAIN_ID, deploymentBlock });
    const connection = createLedgerConnection({ publicClient, address, chainId: CHAIN_ID, deploymentBlock });

    await sendLedgerTransaction(connectionOf("admin"), "registerParticipant", [accounts.doctor, DOCTOR_KIND, "0x0000000000000000000000000000000000000000", bytes32Of("key doctor"), bytes32Of("id doctor"), bytes32Of("profile doctor")]);
    for (const patient of ["patient", "patient2"] as const) await sendLedgerTransaction(connectionOf(patient), "signUp", [bytes32Of(`key ${patient}`), bytes32Of(`id ${patient}`)]);

    const running = anvil;
    return {
      rpcUrl,
      accounts,
      connection,
      connectionThrough(intercept) {
        const inner = transport({ chain, retryCount: 0 });
        const request = ((args: { method: string; params?: unknown }) => intercept(args, () => inner.request(args as Parameters<typeof inner.request>[0]))) as EIP1193RequestFn;
        const client = createPublicClient({ chain, transport: custom({ request }, { retryCount: 0 }), pollingInterval: 25, cacheTime: 0 }) as PublicClient;
        return createLedgerConnection({ publicClient: client, address, chainId: CHAIN_ID, deploymentBlock });
      },
      send: stepsOf(connectionOf, accounts),
      snapshot: () => testClient.snapshot(),
      revert: (id) => testClient.revert({ id }),
      mine: (blocks) => testClient.mine({ blocks }),
      async stop() {
        try {
          await running.stop();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    try {
      await anvil?.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    throw error;
  }
}

function stepsOf(connectionOf: (role: Role) => LedgerConnection, accounts: Record<Role, Address>) {
  return {
    /** Epoch 1 of `category`, sealed to the patient alone. */
    createScopeKey: (patient: Role, category: number) =>
      sendLedgerTransaction(connectionOf(patient), "rotateScopeKey", [accounts[patient], category, 0, "0x", [{ recipient: accounts[patient], wrap: fakeWrap(category) }]]),
    grant: (patient: Role, grantee: Role, readScope: number, writeScope = 0) =>
      sendLedgerTransaction(connectionOf(patient), "grant", [[{ grantee: accounts[grantee], readScope, writeScope, expiresAt: 0, scopeKeyWraps: categoriesOf(readScope | writeScope).map((category) => fakeWrap(0x40 + category)) }]]),
    revoke: (patient: Role, grantee: Role) => sendLedgerTransaction(connectionOf(patient), "revoke", [accounts[grantee]]),
    addRecord: (author: Role, patient: Role, category: number, tag: number) => sendLedgerTransaction(connectionOf(author), "addRecord", [accounts[patient], category, 1, digest(tag)]),
    readRecord: (reader: Role, patient: Role, recordId: bigint, purpose = 0) => sendLedgerTransaction(connectionOf(reader), "logAccess", [accounts[patient], recordId, purpose]),
  };
}
