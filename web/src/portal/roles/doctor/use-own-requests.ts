import { useQuery } from "@tanstack/react-query";

import { readRequestsByProvider } from "../../../core/consent/requests.js";
import type { Address } from "../../../core/ledger-context.js";
import { useSession } from "../../session/session-context.js";

/** Prefix of the own-requests query; invalidated after sending a request. Public chain data, so not under "private". */
export const PROVIDER_REQUESTS_KEY = ["provider-requests"] as const;

/** `provider`'s latest request to each patient it asked, with the answer each got, newest first. */
export function useOwnRequests(provider: Address) {
  const { readConnection, config } = useSession();
  return useQuery({
    queryKey: [...PROVIDER_REQUESTS_KEY, config.ledgerAddress, provider.toLowerCase()],
    queryFn: () => readRequestsByProvider(readConnection, provider),
    // The patient answers in their own portal: look again now and then while the page is open.
    refetchInterval: 60_000,
  });
}
