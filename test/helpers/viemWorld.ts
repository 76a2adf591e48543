import { createPublicClient, createWalletClient, custom, type PublicClient } from "viem";

import { sendLedgerTransaction } from "../../web/src/core/chain/transactions.js";
import { createLedgerConnection, type LedgerConnection, type LedgerWalletClient } from "../../web/src/core/chain/connection.js";
import { enrollIdentity } from "../../web/src/core/identity/enrollment.js";
import type { Identity } from "../../web/src/core/identity/identity.js";
import { walletClientSigner } from "../../web/src/core/identity/signer.js";
import type { Address, LedgerContext } from "../../web/src/core/ledger-context.js";
import type { Eip1193Provider } from "./eip1193.js";
import { useWorld } from "./sharedWorld.js";
import type { Personas, World } from "./world.js";

export type PersonaName = keyof Personas;

/** One persona as the client core sees it: a wallet, a connection through it, and its encryption identity. */
export interface ViemPersona {
  account: Address;
  walletClient: LedgerWalletClient;
  connection: LedgerConnection;
  identity: Identity;
}

export interface ViemWorld {
  world: World;
  publicClient: PublicClient;
  ledger: LedgerContext;
  /** Read-only: no wallet. */
  connection: LedgerConnection;
  personas: Record<PersonaName, ViemPersona>;
  /** `name`'s wallet and connection through another provider (a spy, a wallet that declines). */
  through(name: PersonaName, provider: Eip1193Provider): ViemPersona;
}

/** Registered personas (everyone but the admin and the stranger) whose keys `useViemWorld` puts on chain. */
export const PARTICIPANTS: readonly PersonaName[] = ["hospital", "doctor", "doctor2", "lab", "insurer", "auditor", "patient", "caregiver"];

/**
 * viem's custom transport turns a revert (JSON-RPC code 3) into an unknown error and retries it
 * three times with back-off (~1 s); a local chain gives the same answer every time.
 */
function transport(provider: Eip1193Provider) {
  return custom(provider, { retryCount: 0 });
}

function client(provider: Eip1193Provider) {
  // No caching: snapshots rewind the chain under the client between tests.
  return createPublicClient({ transport: transport(provider), pollingInterval: 10, cacheTime: 0 });
}

/** The viem side of `world`: clients on the same in-process network, identities enrolled from each persona's wallet. */
export async function viemWorldOf(world: World): Promise<ViemWorld> {
  const provider = world.connection.provider as Eip1193Provider;
  const publicClient = client(provider);
  const address = (await world.ledger.getAddress()) as Address;
  const chainId = await publicClient.getChainId();
  const deployment = await world.ledger.deploymentTransaction()?.wait();
  const deploymentBlock = BigInt(deployment?.blockNumber ?? 0);
  const ledger: LedgerContext = { chainId, contract: address };
  const connection = createLedgerConnection({ publicClient, address, chainId, deploymentBlock });

  const identities = new Map<PersonaName, Identity>();
  const persona = (name: PersonaName, through: Eip1193Provider): ViemPersona => {
    const account = world.personas[name].address as Address;
    const walletClient = createWalletClient({ account, transport: transport(through), pollingInterval: 10, cacheTime: 0 });
    const identity = identities.get(name);
    if (identity === undefined) throw new Error(`${name} has no identity yet`);
    const viaProvider = through === provider ? publicClient : client(through);
    return { account, walletClient, identity, connection: createLedgerConnection({ publicClient: viaProvider, walletClient, address, chainId, deploymentBlock }) };
  };

  const names = Object.keys(world.personas) as PersonaName[];
  for (const name of names) {
    const account = world.personas[name].address as Address;
    const walletClient = createWalletClient({ account, transport: transport(provider) });
    identities.set(name, await enrollIdentity(walletClientSigner(walletClient), ledger));
  }
  const personas = Object.fromEntries(names.map((name) => [name, persona(name, provider)])) as Record<PersonaName, ViemPersona>;
  return { world, publicClient, ledger, connection, personas, through: persona };
}

/**
 * useWorld with the viem side on top: every registered persona's derived encryption key is set on
 * chain before the snapshot, so each test starts with real keys registered.
 */
export function useViemWorld(setup?: (viem: ViemWorld) => Promise<void>): () => ViemWorld {
  let viem: ViemWorld | undefined;
  const world = useWorld(async (deployed) => {
    viem = await viemWorldOf(deployed);
    for (const name of PARTICIPANTS) {
      const { connection, identity } = viem.personas[name];
      await sendLedgerTransaction(connection, "setEncryptionKey", [identity.publicKeyHex]);
    }
    await setup?.(viem);
  });
  return () => {
    world();
    if (viem === undefined) throw new Error("the viem world is built in beforeAll");
    return viem;
  };
}
