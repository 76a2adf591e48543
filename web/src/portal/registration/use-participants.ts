import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";

import { readParticipants } from "../../core/directory/directory.js";
import { useDirectory } from "../directory/use-directory.js";
import { useSession } from "../session/session-context.js";
import { shortAddress } from "../ui/format.js";
import { Kind } from "./registration-fields.js";
import type { HospitalOption } from "./RegistrationForm.js";

/** Every registered participant with kind, affiliation and status, from the registry's events. */
export function useParticipantList() {
  const { readConnection, config } = useSession();
  const query = useQuery({ queryKey: ["participants", config.ledgerAddress], queryFn: () => readParticipants(readConnection) });
  return { participants: query.data, isPending: query.isPending, error: query.error, retry: () => void query.refetch() };
}

/** The active hospitals a doctor or lab may join, by their public names. */
export function useHospitalOptions(): { options: HospitalOption[]; note: string | undefined } {
  const { entries, isLoading, error } = useDirectory();
  const options = useMemo(
    () =>
      entries
        .filter((entry) => entry.kind === Kind.Hospital && entry.active)
        .map((entry) => ({ address: entry.account, name: entry.profile?.name ?? `Hospital ${shortAddress(entry.account)}` })),
    [entries],
  );
  const note = isLoading ? "Loading the hospitals…" : error !== null ? `The hospitals could not be loaded (${error.message}); you can register without one.` : undefined;
  return { options, note };
}
