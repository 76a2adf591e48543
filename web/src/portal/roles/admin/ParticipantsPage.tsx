import { useId, useState } from "react";
import { Link } from "react-router";

import { filterByKind, participantRow, type KindFilter } from "../../registration/participant-rows.js";
import { ADMIN_REGISTRABLE_KINDS, KIND_PLURAL_LABELS, type RegistrableKind } from "../../registration/registration-fields.js";
import { ParticipantTable } from "../../registration/ParticipantTable.js";
import { useParticipantList } from "../../registration/use-participants.js";
import { useParticipantNames } from "../../registration/use-names.js";
import { EmptyState, ErrorNotice, Loading } from "../../ui/Notices.js";

export default function ParticipantsPage() {
  const list = useParticipantList();
  const { displayName } = useParticipantNames();
  const [kind, setKind] = useState<KindFilter>("all");
  const filterId = useId();

  const rows = list.participants === undefined ? [] : filterByKind(list.participants, kind).map((participant) => participantRow(participant, displayName));

  return (
    <>
      <h1>Participants</h1>
      <div className="form-row">
        <div>
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={kind} onChange={(event) => setKind(event.target.value === "all" ? "all" : (Number(event.target.value) as RegistrableKind))}>
            <option value="all">Every kind</option>
            {ADMIN_REGISTRABLE_KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_PLURAL_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <p>
          <Link to="/admin/register" className="button">
            Register participant
          </Link>
        </p>
      </div>
      {list.isPending ? (
        <Loading what="the participants" />
      ) : list.error !== null ? (
        <ErrorNotice error={list.error} what="the participants" retry={list.retry} />
      ) : rows.length === 0 ? (
        <EmptyState title={kind === "all" ? "Nobody is registered yet" : `No ${KIND_PLURAL_LABELS[kind].toLowerCase()} registered`}>
          <p>
            <Link to="/admin/register">Register a participant</Link> to get started.
          </p>
        </EmptyState>
      ) : (
        <ParticipantTable rows={rows} showAffiliation actions="suspend-and-reactivate" />
      )}
    </>
  );
}
