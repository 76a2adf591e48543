/**
 * The tab's one synced log (live-log.ts) for the configured ledger, and a hook that keeps it current
 * while a page that shows it is open.
 */
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { createPublicClient, http } from "viem";

import { createLedgerConnection } from "../../core/chain/connection.js";
import { DEFAULT_CONFIRMATIONS } from "../../core/log-sync/ledger-log.js";
import { LOCAL_DEV_CHAIN_ID, type PortalRuntimeConfig } from "../config/runtime-config.js";
import { useSession } from "../session/session-context.js";
import { ledgerChain } from "../wallet/chain.js";
import { openBrowserLogCache } from "./browser-log-cache.js";
import { LiveLedgerLog, type LiveLogSnapshot } from "./live-log.js";

/** How often an open page asks for what is new. */
export const LOG_REFRESH_MS = 15_000;

const logs = new Map<string, LiveLedgerLog>();

/** A dev chain reorganises only when someone rewinds it; any other chain waits for confirmations. */
export function logConfirmations(config: PortalRuntimeConfig): number {
  return config.logConfirmations ?? (config.chainId === LOCAL_DEV_CHAIN_ID ? 0 : DEFAULT_CONFIRMATIONS);
}

/** The tab's log of the ledger `config` names, created (and its browser copy read) on first use. */
export function liveLogOf(config: PortalRuntimeConfig): LiveLedgerLog {
  const key = `${config.chainId}:${config.ledgerAddress.toLowerCase()}:${config.rpcUrl}`;
  let live = logs.get(key);
  if (live === undefined) {
    // Its own client: a sync asks for the time of thousands of blocks, which one batched request per
    // few hundred answers far sooner than a request each.
    const publicClient = createPublicClient({ chain: ledgerChain(config), transport: http(config.rpcUrl, { batch: { batchSize: 500 }, retryCount: 2 }), cacheTime: 0 });
    const connection = createLedgerConnection({ publicClient, address: config.ledgerAddress, chainId: config.chainId, deploymentBlock: BigInt(config.deploymentBlock) });
    live = new LiveLedgerLog({
      connection,
      confirmations: logConfirmations(config),
      openCache: (reportProblem) => openBrowserLogCache(config.chainId, config.ledgerAddress, reportProblem),
    });
    logs.set(key, live);
  }
  return live;
}

export interface LedgerLogView extends LiveLogSnapshot {
  /** Reads what is new now (the Refresh button). */
  sync(): Promise<void>;
}

/** The synced log as it stands, without asking for a sync (for what sits around the pages that do). */
export function useLedgerLogSnapshot(): LiveLogSnapshot {
  const { config } = useSession();
  const live = useMemo(() => liveLogOf(config), [config]);
  return useSyncExternalStore(live.subscribe, live.getSnapshot);
}

/** The synced log, synced on mount and every LOG_REFRESH_MS while mounted. */
export function useLedgerLog(): LedgerLogView {
  const { config } = useSession();
  const live = useMemo(() => liveLogOf(config), [config]);
  const snapshot = useSyncExternalStore(live.subscribe, live.getSnapshot);
  useEffect(() => {
    void live.sync();
    const timer = setInterval(() => void live.sync(), LOG_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live]);
  return useMemo(() => ({ ...snapshot, sync: () => live.sync() }), [snapshot, live]);
}
