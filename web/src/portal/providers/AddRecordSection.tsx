import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import type { GrantSummary } from "../../core/consent/grants.js";
import type { Address } from "../../core/ledger-context.js";
import { RecordComposer } from "../records/RecordComposer.js";
import { useSession } from "../session/session-context.js";
import { ErrorNotice, Loading } from "../ui/Notices.js";
import { addableKinds, wantedWriteCategories } from "./chart-writing.js";
import type { ProviderRole } from "./provider-role.js";
import { writableCategories, writeAccessNotice } from "./write-access.js";

/**
 * Adding to a patient's chart: the contract is asked up front which categories this provider may
 * write now, and the composer offers only those kinds (or the notice says why it cannot).
 */
export function AddRecordSection({ role, grant, provider }: { role: ProviderRole; grant: GrantSummary; provider: Address }) {
  const { readConnection, config } = useSession();
  const [composing, setComposing] = useState(false);
  const [round, setRound] = useState(0);
  const wanted = useMemo(() => wantedWriteCategories(role.kinds, grant.writeCategories), [role.kinds, grant.writeCategories]);
  const writable = useQuery({
    queryKey: ["provider-writable", config.ledgerAddress, grant.patient.toLowerCase(), provider.toLowerCase(), wanted.join(","), grant.expiresAt, grant.accessNow],
    queryFn: () => writableCategories(readConnection, grant.patient, provider, wanted),
    enabled: role.kinds.length > 0,
  });
  const kinds = useMemo(() => addableKinds(role.kinds, writable.data ?? []), [role.kinds, writable.data]);

  if (role.kinds.length === 0) {
    return <p className="muted">You can read what this patient shares with you; adding records is for their doctors, hospitals and laboratories.</p>;
  }
  if (writable.isPending) return <Loading what="whether you may add records" />;
  if (writable.isError) return <ErrorNotice error={writable.error} what="whether you may add records" retry={() => void writable.refetch()} />;

  const notice = writeAccessNotice(wanted, writable.data);
  return (
    <section aria-label="Add to this chart">
      {notice === undefined ? null : (
        <p className="notice" role="note">
          {notice}
        </p>
      )}
      {kinds.length === 0 ? null : composing ? (
        <>
          <RecordComposer
            key={round}
            patient={grant.patient}
            kinds={kinds}
            allowedCategories={writable.data}
            onStartOver={() => setRound((n) => n + 1)}
          />
          <button type="button" className="secondary" onClick={() => setComposing(false)}>
            Close the form
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setComposing(true)}>
          Add a record
        </button>
      )}
    </section>
  );
}
