import { encodeAbiParameters, encodeEventTopics, parseEventLogs, type AbiEvent, type AbiParameter, type Log } from "viem";
import { describe, expect, it } from "vitest";

import type { Hex } from "../../../../../web/src/core/bytes.js";
import { ledgerAbi } from "../../../../../web/src/core/chain/connection.js";
import { eventDecoder } from "../../../../../web/src/core/log-sync/event-decoder.js";
import { decodeLedgerLogs, UndecodableLedgerLogError } from "../../../../../web/src/core/log-sync/ledger-log-pages.js";

const events = ledgerAbi.filter((item): item is Extract<(typeof ledgerAbi)[number], { type: "event" }> => item.type === "event") as readonly AbiEvent[];

/** A deterministic byte source, so a failure names the same values again. */
function byteSource(seed: number) {
  let state = seed;
  return (count: number): string => {
    let hex = "";
    for (let i = 0; i < count; i++) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      hex += (state >>> 24).toString(16).padStart(2, "0");
    }
    return hex;
  };
}

/** A value of `type` at an edge (0, the largest) or random in between. */
function valueOf(param: AbiParameter, bytes: (count: number) => string, edge: "zero" | "max" | "random"): unknown {
  const { type } = param;
  if (type === "address") return edge === "zero" ? `0x${"00".repeat(20)}` : `0x${bytes(20)}`;
  if (type === "bytes") return edge === "zero" ? "0x" : `0x${bytes(edge === "max" ? 160 : 1 + (Number.parseInt(bytes(1), 16) % 100))}`;
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed !== null) return `0x${edge === "zero" ? "00".repeat(Number(fixed[1])) : bytes(Number(fixed[1]))}`;
  const bits = Number(/^uint(\d+)$/.exec(type)?.[1] ?? Number.NaN);
  if (Number.isNaN(bits)) throw new Error(`no test values for ${type}`);
  const value = edge === "zero" ? 0n : edge === "max" ? 2n ** BigInt(bits) - 1n : BigInt(`0x${bytes(bits / 8)}`);
  return bits <= 48 ? Number(value) : value;
}

function logOf(event: AbiEvent, edge: "zero" | "max" | "random", seed: number): Log {
  const bytes = byteSource(seed);
  const args = Object.fromEntries(event.inputs.map((input) => [input.name, valueOf(input, bytes, edge)]));
  const indexedArgs = Object.fromEntries(event.inputs.filter((input) => input.indexed).map((input) => [input.name, args[input.name as string]]));
  const topics = encodeEventTopics({ abi: [event], eventName: event.name, args: indexedArgs } as Parameters<typeof encodeEventTopics>[0]) as [Hex, ...Hex[]];
  const dataInputs = event.inputs.filter((input) => !input.indexed);
  const data = encodeAbiParameters(dataInputs, dataInputs.map((input) => args[input.name as string]));
  return { address: `0x${"12".repeat(20)}`, blockHash: `0x${"ab".repeat(32)}`, blockNumber: 9n, data, logIndex: 4, transactionHash: `0x${"cd".repeat(32)}`, transactionIndex: 2, removed: false, topics };
}

describe("eventDecoder", () => {
  it("eventDecoder_everyLedgerEventAtEdgesAndRandom_decodesExactlyAsViem", () => {
    const decode = eventDecoder(ledgerAbi);
    let compared = 0;
    for (const [n, event] of events.entries()) {
      for (const [k, edge] of (["zero", "max", "random", "random"] as const).entries()) {
        const log = logOf(event, edge, 1 + n * 10 + k);
        expect(decode(log)).toEqual(parseEventLogs({ abi: ledgerAbi, logs: [log], strict: true })[0]);
        compared++;
      }
    }
    expect(compared).toBe(events.length * 4);
    expect(events.length).toBeGreaterThan(20);
  });

  it("eventDecoder_foreignSelector_returnsUndefined", () => {
    const log = { ...logOf(events[0] as AbiEvent, "random", 3), topics: [`0x${"ee".repeat(32)}`] as [Hex] };
    expect(eventDecoder(ledgerAbi)(log)).toBeUndefined();
  });
});

describe("decodeLedgerLogs", () => {
  const wrapped = events.find((event) => event.name === "ScopeKeyWrapped") as AbiEvent;

  it("decodeLedgerLogs_dataShorterThanTheEventNeeds_throwsUndecodableLedgerLogError", () => {
    const log = logOf(wrapped, "random", 5);
    expect(() => decodeLedgerLogs([{ ...log, data: log.data.slice(0, 2 + 64) as Hex }])).toThrow(UndecodableLedgerLogError);
  });

  it("decodeLedgerLogs_bytesRunningPastTheData_throwsUndecodableLedgerLogError", () => {
    const log = logOf(wrapped, "max", 6);
    expect(() => decodeLedgerLogs([{ ...log, data: log.data.slice(0, -64) as Hex }])).toThrow(expect.objectContaining({ blockNumber: 9n, logIndex: 4 }) as Error);
  });

  it("decodeLedgerLogs_fewerTopicsThanIndexedParameters_throwsUndecodableLedgerLogError", () => {
    const log = logOf(wrapped, "random", 7);
    expect(() => decodeLedgerLogs([{ ...log, topics: log.topics.slice(0, 2) as [Hex, ...Hex[]] }])).toThrow(UndecodableLedgerLogError);
  });
});
