import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { readLedgerView } from "../../../core/chain/views.js";
import { participantRow, staffOf } from "../../registration/participant-rows.js";
import { ParticipantTable } from "../../registration/ParticipantTable.js";
import { useParticipantList } from "../../registration/use-participants.js";
import { useParticipantNames } from "../../registration/use-names.js";
import { useSession } from "../../session/session-context.js";
import { EmptyState, ErrorNotice, Loading } from "../../ui/Notices.js";

export default function StaffPage() {
  const { account, readConnection } = useSession();
  const list = useParticipantList();
  const { displayName } = useParticipantNames();
  // A hospital may not suspend while the ledger is paused (only the admin may).
  const paused = useQuery({ queryKey: ["ledger", "paused"], queryFn: () => readLedgerView(readConnection, "paused", []) });
  if (account === undefined) return null;

  const staff = list.participants === undefined ? [] : staffOf(list.participants, account).map((participant) => participantRow(participant, displayName));

  return (
    <>
      <h1>Our staff</h1>
      <p>
        Doctors and laboratories registered as part of your hospital. You can suspend any of them; only the consortium
        administrator can reactivate a suspended account.
      </p>
      {paused.data === true ? <p className="notice notice-error">The ledger is paused: suspensions wait until the administrator unpauses it.</p> : null}
      {list.isPending ? (
        <Loading what="your staff" />
      ) : list.error !== null ? (
        <ErrorNotice error={list.error} what="your staff" retry={list.retry} />
      ) : staff.length === 0 ? (
        <EmptyState title="No doctors or laboratories yet">
          <p>
            <Link to="/hospital/register">Register your first doctor or laboratory</Link>
          </p>
        </EmptyState>
      ) : (
        <ParticipantTable rows={staff} showAffiliation={false} actions={paused.data === true ? "none" : "suspend"} />
      )}
    </>
  );
}
