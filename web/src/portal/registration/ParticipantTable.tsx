import type { ParticipantRow } from "./participant-rows.js";
import { StatusChange } from "./StatusChange.js";
import { shortAddress } from "../ui/format.js";

/**
 * Participants with their status and the status change the signer may make: the admin's list and a
 * hospital's staff. `actions` says which buttons to offer: both, suspend only, or none (while paused).
 */
export function ParticipantTable({ rows, showAffiliation, actions }: { rows: readonly ParticipantRow[]; showAffiliation: boolean; actions: "suspend-and-reactivate" | "suspend" | "none" }) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="muted">{rows.length === 1 ? "1 participant" : `${rows.length} participants`}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            {showAffiliation ? <th scope="col">Affiliation</th> : null}
            <th scope="col">Wallet</th>
            <th scope="col">Status</th>
            {actions === "none" ? null : <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.account}>
              <th scope="row">{row.name}</th>
              <td>{row.kind}</td>
              {showAffiliation ? <td>{row.affiliation ?? "—"}</td> : null}
              <td>
                <code title={row.account}>{shortAddress(row.account)}</code>
              </td>
              <td className={row.suspended ? "status-bad" : "status-active"}>{row.suspended ? "Suspended" : "Active"}</td>
              {actions === "none" ? null : (
                <td>
                  <StatusChange account={row.account} name={row.name} suspended={row.suspended} mayReactivate={actions === "suspend-and-reactivate"} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
