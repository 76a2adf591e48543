import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";

import { readProviderDirectory, type DirectoryEntry } from "../../core/directory/directory.js";
import type { Address } from "../../core/ledger-context.js";
import { useSession } from "../session/session-context.js";
import { directoryNames } from "../../core/directory/names.js";

/**
 * The providers' public directory (names, specialties, facilities from their IPFS profiles), shared
 * by every page through one query. Patients never appear: they have no public profile.
 */
export function useDirectory() {
  const { readConnection, loadIpfs, config } = useSession();
  const query = useQuery({
    queryKey: ["directory", config.ledgerAddress],
    queryFn: async (): Promise<DirectoryEntry[]> => readProviderDirectory(readConnection, await loadIpfs()),
    staleTime: 30_000,
  });
  const entries = useMemo(() => query.data ?? [], [query.data]);
  const names = useMemo(() => directoryNames(entries), [entries]);
  const nameOf = useCallback((address: Address): string | undefined => names.get(address.toLowerCase()), [names]);
  return { entries, nameOf, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}
