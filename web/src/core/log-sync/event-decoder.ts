/**
 * Decodes ledger logs as viem's parseEventLogs does (same events, same args: checksummed
 * addresses, numbers up to 48 bits, bigints above, lower-case hex), about five times faster: the
 * event is found by its selector in a map built once, and 32-byte words are read straight from the
 * hex. viem re-hashes the event's signature and builds a byte cursor per topic of every log, which
 * for 100,000 logs is most of a sync's CPU time. Parameter types outside the ledger's (arrays,
 * tuples, strings) go to viem's decodeAbiParameters.
 */
import { decodeAbiParameters, getAddress, toEventSelector, type AbiEvent, type AbiParameter, type Log } from "viem";

import type { Hex } from "../bytes.js";

/** How the words of one parameter are read; undefined when viem must decode it. */
type WordReader = (word: string) => unknown;

interface EventLayout {
  name: string;
  indexed: { name: string; read: WordReader | undefined; param: AbiParameter }[];
  /** `read` undefined: a dynamic `bytes` value. */
  data: { name: string; read: WordReader | undefined; param: AbiParameter }[];
  /** Every data parameter is a value word or `bytes`: read without viem. */
  plainData: boolean;
}

const WORD = 64;
const ZEROS_ABOVE_48_BITS = "0".repeat(WORD - 12);
const CHECKSUMS_KEPT = 100_000;

/** Checksummed addresses by lower-case hex: a ledger's parties recur in every page. */
const checksums = new Map<string, string>();

function readAddress(word: string): string {
  const lower = `0x${word.slice(24)}`;
  let checksummed = checksums.get(lower);
  if (checksummed === undefined) {
    if (checksums.size >= CHECKSUMS_KEPT) checksums.clear();
    checksummed = getAddress(lower);
    checksums.set(lower, checksummed);
  }
  return checksummed;
}

/** viem's decodeNumber: the whole word's value, a number up to 48 bits and a bigint above. */
function unsignedReader(bits: number): WordReader {
  if (bits > 48) return (word) => BigInt(`0x${word}`);
  return (word) => (word.startsWith(ZEROS_ABOVE_48_BITS) ? Number.parseInt(word.slice(WORD - 12), 16) : Number(BigInt(`0x${word}`)));
}

function wordReader(type: string): WordReader | undefined {
  if (type === "address") return readAddress;
  const unsigned = /^uint(\d*)$/.exec(type);
  if (unsigned !== null) return unsignedReader(unsigned[1] === "" ? 256 : Number(unsigned[1]));
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes !== null) {
    const hexDigits = 2 * Number(fixedBytes[1]);
    return (word) => `0x${word.slice(0, hexDigits).toLowerCase()}`;
  }
  return undefined;
}

/** viem leaves indexed strings, bytes, tuples and arrays as the topic (their hash). */
function topicReader(param: AbiParameter): WordReader | undefined {
  if (param.type === "string" || param.type === "bytes" || param.type === "tuple" || /^(.*)\[(\d+)?\]$/.test(param.type)) return (word) => `0x${word}`;
  return wordReader(param.type);
}

function layoutOf(event: AbiEvent): EventLayout {
  const indexed = event.inputs.filter((input) => input.indexed === true).map((param) => ({ name: param.name ?? "", read: topicReader(param), param }));
  const data = event.inputs.filter((input) => input.indexed !== true).map((param) => ({ name: param.name ?? "", read: wordReader(param.type), param }));
  return { name: event.name, indexed, data, plainData: data.every(({ param, read }) => param.type === "bytes" || read !== undefined) };
}

export class LogDecodingError extends Error {
  readonly code = "LOG_DECODING";
  constructor(detail: string) {
    super(`A log does not decode as its event says: ${detail}.`);
    this.name = "LogDecodingError";
  }
}

/** A decoder for the events of `abi`; events with unnamed parameters are left to viem (undefined). */
export function eventDecoder(abi: readonly unknown[]): (log: Log) => (Log & { eventName: string; args: Record<string, unknown> | undefined }) | undefined {
  const layouts = new Map<string, EventLayout>();
  for (const item of abi as readonly { type: string }[]) {
    const event = item as AbiEvent;
    if (event.type !== "event" || event.anonymous === true || event.inputs.some((input) => !input.name)) continue;
    layouts.set(toEventSelector(event), layoutOf(event));
  }
  return (log) => {
    const layout = layouts.get(log.topics[0] ?? "");
    if (layout === undefined) return undefined;
    const args: Record<string, unknown> = {};
    const { indexed } = layout;
    if (log.topics.length < indexed.length + 1) throw new LogDecodingError(`${layout.name} has ${indexed.length} indexed parameters but the log ${log.topics.length - 1} topics`);
    for (let i = 0; i < indexed.length; i++) {
      const { name, read, param } = indexed[i] as EventLayout["indexed"][number];
      const topic = (log.topics[i + 1] as Hex).slice(2);
      args[name] = read === undefined ? decodeAbiParameters([param], `0x${topic}`)[0] : read(topic);
    }
    if (layout.data.length > 0) decodeData(layout, log.data, args);
    // As viem: an event without parameters has no args.
    return { eventName: layout.name, args: indexed.length + layout.data.length > 0 ? args : undefined, ...log };
  };
}

function decodeData(layout: EventLayout, data: Hex, args: Record<string, unknown>): void {
  const hex = data.slice(2);
  if (hex.length < WORD * layout.data.length) throw new LogDecodingError(`${layout.name} needs ${layout.data.length} words of data, the log has ${hex.length / 2} bytes`);
  if (!layout.plainData) {
    const values = decodeAbiParameters(layout.data.map(({ param }) => param), data);
    layout.data.forEach(({ name }, i) => (args[name] = values[i]));
    return;
  }
  for (let i = 0; i < layout.data.length; i++) {
    const { name, read } = layout.data[i] as EventLayout["data"][number];
    const word = hex.slice(WORD * i, WORD * (i + 1));
    args[name] = read === undefined ? readBytes(hex, word, layout.name) : read(word);
  }
}

/** A dynamic `bytes` value: its word holds the offset of its length, the bytes follow. */
function readBytes(hex: string, offsetWord: string, eventName: string): Hex {
  const offset = 2 * Number(BigInt(`0x${offsetWord}`));
  const length = offset + WORD <= hex.length ? 2 * Number(BigInt(`0x${hex.slice(offset, offset + WORD)}`)) : Number.NaN;
  const start = offset + WORD;
  if (!(start + length <= hex.length)) throw new LogDecodingError(`a bytes value of ${eventName} runs past the end of the data`);
  return `0x${hex.slice(start, start + length).toLowerCase()}`;
}
