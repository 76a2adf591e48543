/**
 * The demo world's view of the stack: the client core over HTTP, as the portal uses it, with one
 * wallet per persona (the public dev mnemonic's accounts) and their encryption identities enrolled
 * on first use.
 */
import { createPublicClient, createWalletClient, defineChain, http, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { createLedgerConnection, type LedgerConnection } from "../../web/src/core/chain/connection.js";
import { enrollIdentity } from "../../web/src/core/identity/enrollment.js";
import { walletClientSigner } from "../../web/src/core/identity/signer.js";
import { createIpfsStore, type IpfsStore } from "../../web/src/core/ipfs/store.js";
import type { Address } from "../../web/src/core/ledger-context.js";
import type { RecordServices } from "../../web/src/core/records/services.js";
import { ScopeKeyring } from "../../web/src/core/scope-keys/keyring.js";
import { DEMO_MNEMONIC, DEMO_PERSONAS, demoPersona, type DemoPersona } from "../../web/src/portal/wallet/demo-personas.js";

/** Where the demo world goes: the stack `npm start` runs (scripts/local-chain/demo-world.ts passes it). */
export interface DemoWorldTarget {
  rpcUrl: string;
  chainId: number;
  ledgerAddress: Address;
  deploymentBlock: number | bigint;
  ipfsApiUrl: string;
  ipfsToken?: string;
  /** Progress lines; they name personas and steps, never record content or keys. */
  log: (line: string) => void;
}

export type PersonaId = DemoPersona["id"];

export interface DemoActor {
  persona: DemoPersona;
  account: Address;
  connection: LedgerConnection;
  /** The persona signed in: enrolls its identity (two local signatures) the first time. */
  services(): Promise<RecordServices>;
}

export interface DemoStack {
  publicClient: PublicClient;
  /** Reads only. */
  connection: LedgerConnection;
  ipfs: IpfsStore;
  actor(id: PersonaId): DemoActor;
  /** Transactions every persona has sent so far (the sum of their nonces). */
  transactionCount(): Promise<number>;
}

/** Anvil mines each transaction at once; viem's 4 s default poll would dominate the seeding time. */
const POLLING_MS = 25;

export function personaAccount(persona: DemoPersona) {
  return mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: persona.accountIndex });
}

export function openDemoStack(target: DemoWorldTarget): DemoStack {
  const chain = defineChain({
    id: target.chainId,
    name: "EHR Ledger local chain",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [target.rpcUrl] } },
  });
  // No transport retries: a local node that fails once is down, and a retried send could go out twice.
  const transport = http(target.rpcUrl, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: POLLING_MS }) as PublicClient;
  const connectionParameters = { publicClient, address: target.ledgerAddress, chainId: target.chainId, deploymentBlock: BigInt(target.deploymentBlock) };
  const ipfs = createIpfsStore({ apiUrl: target.ipfsApiUrl, ...(target.ipfsToken === undefined ? {} : { token: target.ipfsToken }) });
  const actors = new Map<PersonaId, DemoActor>();

  function actor(id: PersonaId): DemoActor {
    const existing = actors.get(id);
    if (existing !== undefined) return existing;
    const persona = demoPersona(id);
    const walletClient = createWalletClient({ chain, transport, account: personaAccount(persona), pollingInterval: POLLING_MS });
    const connection = createLedgerConnection({ ...connectionParameters, walletClient });
    let services: Promise<RecordServices> | undefined;
    const created: DemoActor = {
      persona,
      account: walletClient.account.address,
      connection,
      services() {
        services ??= enrollIdentity(walletClientSigner(walletClient), { chainId: target.chainId, contract: target.ledgerAddress }).then((identity) => ({
          connection,
          identity,
          keyring: new ScopeKeyring(identity),
          ipfs,
        }));
        return services;
      },
    };
    actors.set(id, created);
    return created;
  }

  async function transactionCount(): Promise<number> {
    const nonces = await Promise.all(DEMO_PERSONAS.map((persona) => publicClient.getTransactionCount({ address: personaAccount(persona).address, blockTag: "latest" })));
    return nonces.reduce((total, nonce) => total + nonce, 0);
  }

  return { publicClient, connection: createLedgerConnection(connectionParameters), ipfs, actor, transactionCount };
}
