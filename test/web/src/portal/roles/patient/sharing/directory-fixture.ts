/** Directory entries as readProviderDirectory returns them, for the sharing view-model tests. */
import type { DirectoryEntry } from "../../../../../../../web/src/core/directory/directory.js";
import type { Address } from "../../../../../../../web/src/core/ledger-context.js";

export const address = (byte: string) => `0x${byte.repeat(20)}` as Address;

export function entry(account: Address, kind: number, profile: DirectoryEntry["profile"], overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    account,
    kind,
    affiliation: address("00"),
    registeredBy: address("ad"),
    active: true,
    profileDigest: `0x${"11".repeat(32)}`,
    hasEncryptionKey: true,
    registeredAtBlock: 1n,
    ...(profile === undefined ? { profileError: "This provider has no public profile." } : { profile }),
    ...overrides,
  };
}

export const hospital = entry(address("01"), 3, { name: "Saint Mary Hospital" });
export const cardiologist = entry(address("02"), 2, { name: "Dr. Ada Quinn", specialty: "Cardiology" }, { affiliation: address("01"), facility: "Saint Mary Hospital" });
export const lab = entry(address("03"), 5, { name: "Northside Lab", specialty: "Pathology", facility: "Northside" });
export const insurer = entry(address("04"), 4, { name: "Acme Health Insurance" });
export const keyless = entry(address("05"), 2, { name: "Dr. Ben Keyless", specialty: "Dermatology" }, { hasEncryptionKey: false });
export const suspended = entry(address("06"), 2, { name: "Dr. Cy Suspended" }, { active: false });
export const unprofiled = entry(address("07"), 2, undefined);

export const DIRECTORY: readonly DirectoryEntry[] = [hospital, cardiologist, lab, insurer, keyless, suspended, unprofiled];
