import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";

import { sameAddress } from "../../core/chain/address.js";
import { readLedgerView } from "../../core/chain/views.js";
import type { Address } from "../../core/ledger-context.js";
import { useDirectory } from "../directory/use-directory.js";
import { useSession } from "../session/session-context.js";
import { shortAddress } from "../ui/format.js";

const ADMIN_NAME = "the administrator";

/**
 * Names for addresses: providers' public directory names, the administrator, and otherwise nothing
 * (`nameOf`) or the short address (`displayName`). Patients have no public name by design.
 */
export function useParticipantNames() {
  const { readConnection } = useSession();
  const directory = useDirectory();
  const admin = useQuery({ queryKey: ["ledger", "defaultAdmin"], queryFn: () => readLedgerView(readConnection, "defaultAdmin", []), staleTime: Infinity });
  const adminAddress = admin.data;
  const { nameOf: directoryName } = directory;

  const nameOf = useCallback(
    (address: Address): string | undefined => (adminAddress !== undefined && sameAddress(address, adminAddress) ? ADMIN_NAME : directoryName(address)),
    [adminAddress, directoryName],
  );
  const displayName = useCallback((address: Address): string => nameOf(address) ?? shortAddress(address), [nameOf]);
  return { nameOf, displayName, adminAddress, isLoading: directory.isLoading || admin.isPending, error: directory.error ?? admin.error };
}
