import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useContext, useMemo } from "react";

import { readProviderDirectory, type DirectoryEntry } from "../../core/directory/directory.js";
import { directoryNames } from "../../core/directory/names.js";
import type { Address } from "../../core/ledger-context.js";
import { useSession } from "../session/session-context.js";
import { DirectorySourceContext } from "./directory-source.js";
import { profileCache } from "./profile-cache.js";

/**
 * The providers' public directory (names, specialties, facilities from their IPFS profiles), shared
 * by every page through one query. Patients never appear: they have no public profile.
 */
export function useDirectory() {
  const { readConnection, loadIpfs, config } = useSession();
  const source = useContext(DirectorySourceContext);
  const query = useQuery({
    queryKey: ["directory", config.ledgerAddress, source === undefined ? "chain" : source.version],
    enabled: source === undefined || source.participants !== undefined,
    queryFn: async (): Promise<DirectoryEntry[]> =>
      readProviderDirectory(readConnection, await loadIpfs(), { profiles: profileCache, ...(source?.participants === undefined ? {} : { participants: source.participants }) }),
    staleTime: 30_000,
    // A new participant in the log rebuilds the directory: the names shown meanwhile stay.
    placeholderData: keepPreviousData,
  });
  const entries = useMemo(() => query.data ?? [], [query.data]);
  const names = useMemo(() => directoryNames(entries), [entries]);
  const nameOf = useCallback((address: Address): string | undefined => names.get(address.toLowerCase()), [names]);
  return { entries, nameOf, isLoading: query.isPending, error: query.error, refetch: query.refetch };
}
