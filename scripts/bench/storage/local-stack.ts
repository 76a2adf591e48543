/**
 * A throwaway copy of the `npm start` stack for measurements: anvil (chain 1337) on a free port with
 * its state in a temporary folder, a freshly deployed EHRLedger, and the embedded IPFS node, with
 * the client core talking to both exactly as the portal would (HTTP JSON-RPC, Kubo RPC).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { createPublicClient, createWalletClient, defineChain, http, type Account, type Chain, type PublicClient, type Transport, type WalletClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { abis } from "../../../web/src/generated/contracts.js";
import { createLedgerConnection, type LedgerConnection } from "../../../web/src/core/chain/connection.js";
import { enrollIdentity } from "../../../web/src/core/identity/enrollment.js";
import { walletClientSigner } from "../../../web/src/core/identity/signer.js";
import type { Identity } from "../../../web/src/core/identity/identity.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { sendLedgerTransaction } from "../../../web/src/core/chain/transactions.js";
import { readBuildArtifact } from "../../lib/build-artifacts.js";
import { buildArtifactsDir } from "../../lib/project-paths.js";
import { DEV_MNEMONIC, startAnvil, type RunningAnvil } from "../../local-chain/anvil.js";
import { startIpfsProcess, type IpfsProcess } from "./ipfs-process.js";

const CHAIN_ID = 1337;
const HOST = "127.0.0.1";
/** Transactions confirm within a block on anvil; viem's 4 s default poll would dominate every figure. */
const POLLING_MS = 25;

export interface StackParticipant {
  account: Address;
  connection: LedgerConnection;
  identity: Identity;
}

export interface LocalStack {
  /** anvil's JSON-RPC endpoint, for tools that talk to the chain over HTTP themselves. */
  rpcUrl: string;
  publicClient: PublicClient;
  /** The embedded IPFS node, in a process of its own. */
  ipfs: IpfsProcess;
  /** Anvil dev account `index` (0 is the admin), with its derived identity. */
  participant(index: number): Promise<StackParticipant>;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the OS picks it), for services that need theirs up front. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

export async function startLocalStack(log: (message: string) => void): Promise<LocalStack> {
  const dir = mkdtempSync(path.join(tmpdir(), "ehr-bench-"));
  let anvil: RunningAnvil | undefined;
  let ipfs: IpfsProcess | undefined;
  const stop = async () => {
    // Each step runs even if an earlier one fails: a left-over anvil would outlive the benchmark.
    try {
      await ipfs?.stop();
    } finally {
      try {
        await anvil?.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  };
  try {
    log("starting anvil and the embedded IPFS node");
    anvil = await startAnvil({
      host: HOST,
      port: await freePort(),
      chainId: CHAIN_ID,
      stateFile: path.join(dir, "anvil-state.json"),
      stateIntervalSeconds: 3600,
      logFile: path.join(dir, "anvil.log"),
      pidFile: path.join(dir, "anvil.pid"),
    });
    ipfs = await startIpfsProcess({ dataDir: path.join(dir, "ipfs"), host: HOST, apiPort: await freePort(), gatewayPort: await freePort() });

    const chain = defineChain({ id: CHAIN_ID, name: "EHR Ledger bench", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } });
    const transport = http(anvil.rpcUrl, { retryCount: 0 });
    const publicClient = createPublicClient({ chain, transport, pollingInterval: POLLING_MS }) as PublicClient;
    const walletOf = (index: number) => createWalletClient({ chain, transport, account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index }), pollingInterval: POLLING_MS });

    log("deploying EHRLedger");
    const { address, deploymentBlock } = await deployFreshLedger(walletOf(0), publicClient);
    const ledger = { chainId: CHAIN_ID, contract: address };

    return {
      rpcUrl: anvil.rpcUrl,
      publicClient,
      ipfs,
      async participant(index) {
        const walletClient = walletOf(index);
        const connection = createLedgerConnection({ publicClient, walletClient, address, chainId: CHAIN_ID, deploymentBlock });
        const identity = await enrollIdentity(walletClientSigner(walletClient), ledger);
        return { account: walletClient.account.address as Address, connection, identity };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Deploys EHRLedger from the build artifacts with `admin`'s account as its admin. No delay on
 * handing the admin role over: a throwaway chain has nobody to protect it from.
 */
export async function deployFreshLedger(
  admin: WalletClient<Transport, Chain, Account>,
  publicClient: PublicClient,
): Promise<{ address: Address; deploymentBlock: bigint }> {
  const { bytecode } = readBuildArtifact(buildArtifactsDir, "contracts/EHRLedger.sol", "EHRLedger");
  const hash = await admin.deployContract({ abi: abis.EHRLedger, bytecode: bytecode as `0x${string}`, args: [admin.account.address, 0] });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.contractAddress == null) throw new Error("EHRLedger deployment produced no contract");
  return { address: receipt.contractAddress as Address, deploymentBlock: receipt.blockNumber };
}

/** Signs `participant` up as a patient with its derived encryption key (no fee on a fresh ledger). */
export async function signUpPatient(participant: StackParticipant): Promise<void> {
  const commitment = `0x${"11".repeat(32)}` as const;
  await sendLedgerTransaction(participant.connection, "signUp", [participant.identity.publicKeyHex, commitment]);
}
