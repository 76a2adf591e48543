import type { TransactionStatus } from "../../web/src/core/chain/transactions.js";
import type { Eip1193Provider } from "./eip1193.js";
import type { ViemWorld } from "./viemWorld.js";

/** One client of a race: it must send its transactions through `provider` and report to `onStatus`. */
export type Racer<T> = (provider: Eip1193Provider, onStatus: (status: TransactionStatus) => void) => Promise<T>;

export interface RaceResult<T> {
  outcomes: PromiseSettledResult<T>[];
  /** How many racers had a transaction in the mempool when the block was mined. */
  sent: number;
}

/** Gas a wallet would have estimated against the latest block; Hardhat would estimate against its mempool instead. */
const WALLET_GAS = "0x4c4b40";

interface RacerState {
  simulated: boolean;
  sent: boolean;
  settled: boolean;
}

/**
 * Runs every racer so that all simulate against the same state and their transactions land in one
 * block: no wallet sends before all have simulated, and nothing is mined before all have sent.
 * A racer that fails early stops holding the others back.
 */
export async function raceInOneBlock<T>(viem: ViemWorld, racers: readonly Racer<T>[]): Promise<RaceResult<T>> {
  const provider = viem.world.connection.provider as Eip1193Provider;
  const states: RacerState[] = racers.map(() => ({ simulated: false, sent: false, settled: false }));
  let releaseSends!: () => void;
  let releaseMining!: () => void;
  const allSimulated = new Promise<void>((resolve) => (releaseSends = resolve));
  const allSent = new Promise<void>((resolve) => (releaseMining = resolve));
  const check = () => {
    if (states.every((state) => state.simulated || state.settled)) releaseSends();
    if (states.every((state) => state.sent || state.settled)) releaseMining();
  };

  const gated: Eip1193Provider = {
    request: async (args) => {
      if (args.method !== "eth_sendTransaction") return provider.request(args);
      await allSimulated;
      const [transaction] = args.params as [Record<string, unknown>];
      return provider.request({ ...args, params: [{ gas: WALLET_GAS, ...transaction }] });
    },
  };
  await provider.request({ method: "evm_setAutomine", params: [false] });
  let racing: Promise<PromiseSettledResult<T>[]>;
  try {
    racing = Promise.allSettled(
      racers.map((racer, index) => {
        const state = states[index] as RacerState;
        const onStatus = (status: TransactionStatus) => {
          if (status.stage === "awaiting-signature") state.simulated = true;
          if (status.stage === "pending") state.sent = true;
          check();
        };
        return racer(gated, onStatus).finally(() => {
          state.settled = true;
          check();
        });
      }),
    );
    await allSent;
    await viem.world.connection.networkHelpers.mine();
  } finally {
    // Losers that retry must be mined as usual.
    await provider.request({ method: "evm_setAutomine", params: [true] });
  }
  return { outcomes: await racing, sent: states.filter((state) => state.sent).length };
}
