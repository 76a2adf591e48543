/**
 * The text a LogCache keeps: a header line, then one line of JSON per final entry (JSON escapes
 * every newline inside a value, so lines never split an entry). Final entries never change, so each
 * is serialised once and kept; saving 100,000 entries again after a small sync joins lines instead
 * of stringifying the whole log (about 0.7 s and 44 MB with a bigint replacer).
 */
import type { AccessLogEntry } from "../access-log/entry.js";
import type { Hex } from "../bytes.js";
import { parseWithBigints, stringifyWithBigints } from "./log-cache.js";

/** 3: registrations and key changes carry the key and profile digest (the directory is rebuilt from the log); older caches are read again from the chain. */
export const LOG_SNAPSHOT_VERSION = 3;

export interface Checkpoint {
  blockNumber: bigint;
  hash: Hex;
}

export interface LogSnapshotHeader {
  version: number;
  chainId: number;
  /** The contract's address, lower case. */
  contract: string;
  /** Every final event up to and including this block is in the entries. */
  syncedTo: bigint;
  /** Hashes of recent final blocks, oldest first, to find where a reorg forked. */
  checkpoints: Checkpoint[];
  /** How many entry lines follow: a shorter text was cut off and is not trusted. */
  entryCount: number;
}

export interface LogSnapshot {
  header: LogSnapshotHeader;
  entries: AccessLogEntry[];
  /** Each entry's line as read, to be written again without stringifying it. */
  lines: string[];
}

/** One final entry's line. */
export function entryLine(entry: AccessLogEntry): string {
  return stringifyWithBigints(entry);
}

export function encodeLogSnapshot(header: Omit<LogSnapshotHeader, "version" | "entryCount">, lines: readonly string[]): string {
  const head = stringifyWithBigints({ version: LOG_SNAPSHOT_VERSION, ...header, entryCount: lines.length } satisfies LogSnapshotHeader);
  return lines.length === 0 ? head : `${head}\n${lines.join("\n")}`;
}

/** The snapshot in `text`, or undefined for a text of another version or one cut short (a fresh sync is then the way back). */
export function decodeLogSnapshot(text: string): LogSnapshot | undefined {
  const lines = text.split("\n");
  const [first, ...entryLines] = lines;
  if (first === undefined || first === "") return undefined;
  const header = parseWithBigints(first) as Partial<LogSnapshotHeader>;
  if (header.version !== LOG_SNAPSHOT_VERSION || header.entryCount !== entryLines.length) return undefined;
  return { header: header as LogSnapshotHeader, entries: entryLines.map((line) => parseWithBigints(line) as AccessLogEntry), lines: entryLines };
}
