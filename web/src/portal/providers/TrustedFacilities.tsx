import type { Address } from "../../core/ledger-context.js";
import { isTrusted, setTrusted, type FacilityOption } from "./trusted-facilities.js";

/** The provenance filter: records from the ticked facilities come first in the chart. */
export function TrustedFacilities({ options, trusted, onChange }: { options: readonly FacilityOption[]; trusted: readonly Address[]; onChange(trusted: Address[]): void }) {
  if (options.length === 0) return null;
  return (
    <fieldset className="timeline-filters">
      <legend>Trusted facilities (their records first)</legend>
      <div className="chips">
        {options.map((option) => (
          <label key={option.address}>
            <input type="checkbox" checked={isTrusted(trusted, option.address)} onChange={(event) => onChange(setTrusted(trusted, option.address, event.target.checked))} />{" "}
            {option.name}
            {option.own ? " (your hospital)" : ""}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
