/** The audit CLI's flags, checked before anything touches the chain. */
import { isAddress } from "viem";

import { ACCESS_LOG_ACTIONS, type AccessLogAction } from "../../web/src/core/access-log/entry.js";
import type { IntegrityDepth } from "../../web/src/core/audit/integrity.js";
import { CATEGORY_NAMES } from "../../web/src/core/chain/categories.js";
import type { Address } from "../../web/src/core/ledger-context.js";

export const AUDIT_FORMATS = ["table", "csv", "fhir"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  rpcUrl: string;
  /** The ledger; the local deployment of the chain at rpcUrl when absent. */
  ledgerAddress?: Address;
  deploymentBlock?: bigint;
  patient?: Address;
  actor?: Address;
  action?: AccessLogAction;
  category?: number;
  /** One record of `patient`. */
  recordId?: bigint;
  /** Unix seconds, inclusive. */
  from?: number;
  to?: number;
  format: AuditFormat;
  /** Rows in table format (newest first); csv and fhir carry every match. */
  limit: number;
  confirmations: number;
  /** Where the synced log is kept between runs; one file per chain and contract under .data/audit/ when absent. */
  cacheFile?: string;
  /** Write the output here instead of stdout (npm prints its own banner on stdout). */
  out?: string;
  /** Where providers' public profiles are read for their names (npm start's IPFS node by default). */
  ipfsApiUrl: string;
  /** Leave names out (addresses only), e.g. when no IPFS node is around. */
  names: boolean;
  /** Check the selected records' content on IPFS instead of printing the log. */
  verify?: IntegrityDepth;
}

export class AuditUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditUsageError";
  }
}

const DAY_SECONDS = 24 * 60 * 60;

/** "2026-11-01" (a UTC day) or a full ISO time, as unix seconds; `endOfDay` makes a bare date inclusive of its whole day. */
export function parseTime(flag: string, value: string, endOfDay: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const millis = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(millis)) throw new AuditUsageError(`${flag} takes a date like 2026-11-01 or an ISO time like 2026-11-01T09:30:00Z (got "${value}")`);
  const seconds = Math.floor(millis / 1000);
  return dateOnly && endOfDay ? seconds + DAY_SECONDS - 1 : seconds;
}

function address(flag: string, value: string): Address {
  if (!isAddress(value, { strict: false })) throw new AuditUsageError(`${flag} takes an account address, 0x and 40 hexadecimal digits (got "${value}")`);
  return value as Address;
}

function wholeNumber(flag: string, value: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new AuditUsageError(`${flag} takes a whole number ≥ ${min} (got "${value}")`);
  return number;
}

/** "Lab results", "lab-results" and "lab_results" alike: a shell-friendly form of a category's name. */
const flagForm = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "-");

/** A category by its number (0–7) or its name. */
function category(value: string): number {
  const byName = CATEGORY_NAMES.findIndex((name) => flagForm(name) === flagForm(value));
  if (byName >= 0) return byName;
  if (/^\d$/.test(value) && Number(value) < CATEGORY_NAMES.length) return Number(value);
  throw new AuditUsageError(`--category takes a number 0–${CATEGORY_NAMES.length - 1} or one of ${CATEGORY_NAMES.map(flagForm).join(", ")} (got "${value}")`);
}

export function parseAuditArgs(args: readonly string[]): AuditOptions {
  const options: AuditOptions = { rpcUrl: "http://127.0.0.1:8545", format: "table", limit: 50, confirmations: 0, ipfsApiUrl: "http://127.0.0.1:5001", names: true };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    const value = args[i + 1];
    const take = (): string => {
      if (value === undefined || value.startsWith("--")) throw new AuditUsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case "--rpc-url":
        options.rpcUrl = take();
        break;
      case "--ledger-address":
        options.ledgerAddress = address(flag, take());
        break;
      case "--deployment-block":
        options.deploymentBlock = BigInt(wholeNumber(flag, take(), 0));
        break;
      case "--patient":
        options.patient = address(flag, take());
        break;
      case "--actor":
        options.actor = address(flag, take());
        break;
      case "--action": {
        const action = take();
        if (!(ACCESS_LOG_ACTIONS as readonly string[]).includes(action)) throw new AuditUsageError(`--action takes one of ${ACCESS_LOG_ACTIONS.join(", ")} (got "${action}")`);
        options.action = action as AccessLogAction;
        break;
      }
      case "--category":
        options.category = category(take());
        break;
      case "--record":
        options.recordId = BigInt(wholeNumber(flag, take(), 1));
        break;
      case "--from":
        options.from = parseTime(flag, take(), false);
        break;
      case "--to":
        options.to = parseTime(flag, take(), true);
        break;
      case "--format": {
        const format = take();
        if (!(AUDIT_FORMATS as readonly string[]).includes(format)) throw new AuditUsageError(`--format takes ${AUDIT_FORMATS.join(", ")} (got "${format}")`);
        options.format = format as AuditFormat;
        break;
      }
      case "--limit":
        options.limit = wholeNumber(flag, take(), 1);
        break;
      case "--confirmations":
        options.confirmations = wholeNumber(flag, take(), 0);
        break;
      case "--cache-file":
        options.cacheFile = take();
        break;
      case "--out":
        options.out = take();
        break;
      case "--ipfs-api-url":
        options.ipfsApiUrl = take();
        break;
      case "--no-names":
        options.names = false;
        break;
      case "--verify": {
        // The depth is optional: `--verify` alone checks everything.
        if (value === "manifest" || value === "full") {
          options.verify = value;
          i++;
        } else options.verify = "full";
        break;
      }
      default:
        throw new AuditUsageError(`unknown flag ${flag}; see the comment at the top of scripts/audit/main.ts or the README`);
    }
  }
  if (options.recordId !== undefined && options.patient === undefined) throw new AuditUsageError("--record needs --patient: record numbers count per patient");
  if (options.verify !== undefined && options.format !== "table") throw new AuditUsageError("--verify writes its own report: leave out --format");
  if ((options.ledgerAddress === undefined) !== (options.deploymentBlock === undefined)) throw new AuditUsageError("--ledger-address and --deployment-block go together");
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) throw new AuditUsageError("--from is after --to");
  return options;
}
