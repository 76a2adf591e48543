import { useQuery } from "@tanstack/react-query";

import { readGrantsToProvider } from "../../core/consent/grants.js";
import type { Address } from "../../core/ledger-context.js";
import { useSession } from "../session/session-context.js";

/** Prefix of the provider's grants query. Public chain data (no decrypted content), so not under "private". */
export const PROVIDER_GRANTS_KEY = ["provider-grants"] as const;

/**
 * The grants standing to `provider`. Asked again every 15 seconds: an open chart must close soon
 * after the patient revokes or the grant runs out, and the time left must stay current.
 */
export function useProviderGrants(provider: Address) {
  const { readConnection, config } = useSession();
  return useQuery({
    queryKey: [...PROVIDER_GRANTS_KEY, config.ledgerAddress, provider.toLowerCase()],
    queryFn: () => readGrantsToProvider(readConnection, provider),
    refetchInterval: 15_000,
  });
}
