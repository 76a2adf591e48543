/**
 * Public profiles for the synthetic history's providers, so the console shows people and places
 * rather than addresses: hospitals named after towns ("Ashford General Hospital"), doctors with a
 * specialty, labs and insurers. Fiction, the same for the same roster; a doctor or lab of a hospital
 * gets the hospital's name as facility from the directory, an independent doctor names a practice.
 */
import type { ProviderProfile } from "../../../web/src/core/directory/profile.js";
import type { Address } from "../../../web/src/core/ledger-context.js";
import { KIND } from "./ledger-model.js";

export interface ProfiledProvider {
  address: string;
  kind: number;
  /** The hospital that registered it, if any. */
  affiliation?: string;
}

const TOWNS = [
  "Ashford", "Brookfield", "Carrow", "Dunmore", "Elmstead", "Fairhaven", "Glenbrook", "Harrowgate", "Ivybridge", "Juniper Falls", "Kingsley", "Larkspur",
  "Millbrook", "Northfield", "Oakhurst", "Pinecrest", "Queensbury", "Riverton", "Stonebridge", "Thornbury", "Upton Vale", "Westmere", "Yarrow", "Zennor",
];
const FIRST_NAMES = ["Amara", "Benedikt", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ingrid", "Jonas", "Keiko", "Luis", "Maren", "Nikhil", "Olga", "Pavel", "Rosa", "Samuel", "Tamsin", "Yusuf"];
const LAST_NAMES = ["Adeyemi", "Bergström", "Castellano", "Dubois", "Eriksen", "Fontaine", "Gallagher", "Haddad", "Iverson", "Jovanović", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rahman", "Sato", "Varga", "Whitfield"];
const SPECIALTIES = ["General practice", "Cardiology", "Endocrinology", "Oncology", "Paediatrics", "Psychiatry", "Dermatology", "Neurology", "Orthopaedics", "Radiology", "Gastroenterology", "Pulmonology"];
const LAB_KINDS = [
  { name: "Clinical Laboratory", specialty: "Clinical chemistry" },
  { name: "Pathology Laboratory", specialty: "Histopathology" },
  { name: "Diagnostics", specialty: "Haematology and microbiology" },
];
const INSURERS = [
  "Northwind Health Insurance", "Bluegate Mutual", "Harbourline Health", "Meridian Care Insurance", "Silverleaf Health Cover", "Summit Mutual Health",
  "Crestview Health Partners", "Lakeside Mutual Insurance", "Evergreen Health Assurance", "Redwood Care Cover",
];

/** The `index`-th entry of `list`, with a number after the first round so names stay unique. */
function nth(list: readonly string[], index: number): string {
  const round = Math.floor(index / list.length);
  return `${list[index % list.length] as string}${round === 0 ? "" : ` ${round + 1}`}`;
}

function doctorName(index: number): string {
  // 20 first names by 21 surnames: coprime lengths walk every pairing before one repeats.
  const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[index % LAST_NAMES.length] as string;
  const round = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
  return `Dr. ${first} ${last}${round === 0 ? "" : ` ${round + 1}`}`;
}

/** Every provider's profile, by lower-case address, in the roster's order. */
export function providerProfiles(providers: readonly ProfiledProvider[]): Map<Address, ProviderProfile> {
  const profiles = new Map<Address, ProviderProfile>();
  const seen = { hospital: 0, doctor: 0, lab: 0, insurer: 0 };
  const townOf = new Map<Address, string>();
  for (const provider of providers.filter((candidate) => candidate.kind === KIND.hospital)) townOf.set(provider.address.toLowerCase() as Address, nth(TOWNS, seen.hospital++));
  for (const provider of providers) {
    const address = provider.address.toLowerCase() as Address;
    const town = provider.affiliation === undefined ? undefined : townOf.get(provider.affiliation.toLowerCase() as Address);
    switch (provider.kind) {
      case KIND.hospital:
        profiles.set(address, { name: `${townOf.get(address) as string} General Hospital`, specialty: "General hospital" });
        break;
      case KIND.doctor: {
        const index = seen.doctor++;
        const name = doctorName(index);
        const specialty = SPECIALTIES[index % SPECIALTIES.length] as string;
        // The directory gives an affiliated doctor the hospital's name; an independent one names a practice.
        const practice = `${LAST_NAMES[index % LAST_NAMES.length] as string} Family Practice`;
        profiles.set(address, town === undefined ? { name, specialty, facility: practice } : { name, specialty });
        break;
      }
      case KIND.lab: {
        const index = seen.lab++;
        const lab = LAB_KINDS[index % LAB_KINDS.length] as (typeof LAB_KINDS)[number];
        profiles.set(address, { name: `${town ?? nth(TOWNS, index)} ${lab.name}`, specialty: lab.specialty });
        break;
      }
      case KIND.insurer:
        profiles.set(address, { name: nth(INSURERS, seen.insurer++), specialty: "Health insurer" });
        break;
      default:
        throw new RangeError(`provider ${provider.address} is of kind ${provider.kind}, which has no public profile`);
    }
  }
  return profiles;
}
