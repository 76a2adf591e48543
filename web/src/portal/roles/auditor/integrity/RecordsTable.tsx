import { useState } from "react";
import { Link } from "react-router";

import type { CheckableRecord } from "../../../../core/audit/integrity-records.js";
import type { IntegrityDepth } from "../../../../core/audit/integrity.js";
import { retractReasonName } from "../../../../core/access-log/codes.js";
import { sameAddress } from "../../../../core/chain/address.js";
import { categoryName } from "../../../../core/chain/categories.js";
import { useParticipantNames } from "../../../registration/use-names.js";
import { formatDateTime, shortAddress } from "../../../ui/format.js";
import { Pager } from "../Pager.js";
import { pageOf } from "../paging.js";
import { VerdictCell } from "./VerdictCell.js";
import { capitalized } from "../../../ui/words.js";

function versionNote(record: CheckableRecord): string {
  const notes: string[] = [];
  if (record.supersedes !== undefined) notes.push(`amends #${record.supersedes}`);
  if (record.supersededBy !== undefined) notes.push(`superseded by #${record.supersededBy}`);
  if (record.retractedReason !== undefined) notes.push(`retracted: ${retractReasonName(record.retractedReason)}`);
  return notes.length === 0 ? "current" : notes.join("; ");
}

/** Record versions with their author, state and integrity verdict, newest first, 50 to a page. */
export function RecordsTable({ records, depth, showPatient, caption }: { records: readonly CheckableRecord[]; depth: IntegrityDepth; showPatient: boolean; caption: string }) {
  const { displayName } = useParticipantNames();
  const [pageIndex, setPageIndex] = useState(0);
  const page = pageOf([...records].reverse(), pageIndex);
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="muted">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Record</th>
              {showPatient ? <th scope="col">Patient</th> : null}
              <th scope="col">Category</th>
              <th scope="col">Author</th>
              <th scope="col">Added</th>
              <th scope="col">Version</th>
              <th scope="col">Integrity</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((record) => (
              <tr key={`${record.patient}#${record.recordId}`}>
                <td>#{record.recordId.toString()}</td>
                {showPatient ? (
                  <td>
                    <Link to={`/auditor/patients/${record.patient}`}>
                      <code>{shortAddress(record.patient)}</code>
                    </Link>
                  </td>
                ) : null}
                <td>{capitalized(categoryName(record.category))}</td>
                <td title={record.author}>{sameAddress(record.author, record.patient) ? "The patient" : capitalized(displayName(record.author))}</td>
                <td>{formatDateTime(record.addedAt)}</td>
                <td>{versionNote(record)}</td>
                <VerdictCell record={record} depth={depth} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} label="Record pages" onPage={setPageIndex} />
    </>
  );
}
