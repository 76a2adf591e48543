/**
 * The provenance filter: which facilities' records come first in a chart. Every facility that wrote
 * one of the listed records gets a checkbox, named from the public directory; the provider's own
 * hospital is trusted until they untick it.
 */
import { sameAddress, shortAddress } from "../../core/chain/address.js";
import type { Address } from "../../core/ledger-context.js";
import type { RecordSummary } from "../../core/records/record-list.js";
import { facilitiesPresent } from "../records/timeline-filters.js";

export interface FacilityOption {
  address: Address;
  /** The directory's name, or the short address when the directory does not know it. */
  name: string;
  /** The provider's own hospital. */
  own: boolean;
  /** Whether the directory knows the facility's name. */
  named: boolean;
}

/** The facilities of `records`: the provider's own hospital first, then named ones by name, then unknown ones. */
export function facilityOptions(
  records: readonly RecordSummary[],
  ownHospital: Address | undefined,
  nameOf: (address: Address) => string | undefined,
): FacilityOption[] {
  const isOwn = (address: Address) => ownHospital !== undefined && sameAddress(address, ownHospital);
  return facilitiesPresent(records)
    .map((address) => {
      const name = nameOf(address);
      return { address, name: name ?? shortAddress(address), own: isOwn(address), named: name !== undefined };
    })
    .sort((a, b) => Number(b.own) - Number(a.own) || Number(b.named) - Number(a.named) || a.name.localeCompare(b.name));
}

/** The facilities trusted before the provider changes anything: their own hospital, when they have one. */
export function defaultTrustedFacilities(ownHospital: Address | undefined): Address[] {
  return ownHospital === undefined || /^0x0{40}$/i.test(ownHospital) ? [] : [ownHospital];
}

export function isTrusted(trusted: readonly Address[], facility: Address): boolean {
  return trusted.some((candidate) => sameAddress(candidate, facility));
}

/** Ticks or unticks `facility`. */
export function setTrusted(trusted: readonly Address[], facility: Address, on: boolean): Address[] {
  const others = trusted.filter((candidate) => !sameAddress(candidate, facility));
  return on ? [...others, facility] : others;
}
