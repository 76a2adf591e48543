import { useQuery } from "@tanstack/react-query";

import { latestBlockTime } from "../../core/chain/events.js";
import { useSession } from "../session/session-context.js";
import { LOG_REFRESH_MS } from "./use-ledger-log.js";

/**
 * The chain's time (the latest block's), which grants expire by: on a test chain that was moved
 * forward it is not the wall clock. Refreshed as often as the log. Undefined until first read.
 */
export function useChainTime(): number | undefined {
  const { readConnection, config } = useSession();
  const query = useQuery({ queryKey: ["chain-time", config.chainId, config.rpcUrl], queryFn: () => latestBlockTime(readConnection), refetchInterval: LOG_REFRESH_MS });
  return query.data;
}
