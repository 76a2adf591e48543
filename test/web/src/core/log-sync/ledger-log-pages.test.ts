import { createPublicClient, custom, type Log, type PublicClient } from "viem";
import { describe, expect, it } from "vitest";

import { ledgerEventNames } from "../../../../../web/src/core/access-log/entries.js";
import { compareChainOrder, latestBlockNumber, readLedgerEvents, type LedgerEvent, type LedgerEventName } from "../../../../../web/src/core/chain/events.js";
import { createLedgerConnection, type LedgerConnection } from "../../../../../web/src/core/chain/connection.js";
import type { SpanPolicy } from "../../../../../web/src/core/log-sync/block-span.js";
import { decodeLedgerLogs, ledgerEventPages, UndecodableLedgerLogError } from "../../../../../web/src/core/log-sync/ledger-log-pages.js";
import { bit, Category } from "../../../../helpers/fixture.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";
import { ledgerSteps, type RecordedRequest } from "../access-log/support.js";

const viem = useViemWorld(async (world) => {
  const steps = ledgerSteps(world);
  await steps.createScopeKey("patient", Category.GeneralNotes);
  await steps.grant("patient", "doctor", bit(Category.GeneralNotes), bit(Category.GeneralNotes));
  await steps.addRecord("doctor", "patient", Category.GeneralNotes, 1);
  await steps.readRecord("doctor", "patient", 1n, 0);
});

const MAX_BLOCKS = 3n;
const POLICY: SpanPolicy = { initial: 16n, max: 64n, resultCap: 10_000, sparseBelow: 1 };

/** The stranger's connection through a provider that refuses eth_getLogs over more than MAX_BLOCKS blocks, as Alchemy words it. */
function rangeCappedConnection(): { connection: LedgerConnection; getLogsSpans: bigint[] } {
  const provider = viem().world.connection.provider as { request(args: RecordedRequest): Promise<unknown> };
  const getLogsSpans: bigint[] = [];
  const { connection } = viem().through("stranger", {
    request: async (args) => {
      if (args.method === "eth_getLogs") {
        const [filter] = args.params as [{ fromBlock: string; toBlock: string }];
        const span = BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n;
        getLogsSpans.push(span);
        if (span > MAX_BLOCKS) throw Object.assign(new Error(`Log response size exceeded. You can make eth_getLogs requests with up to a ${MAX_BLOCKS} block range.`), { code: -32602 });
      }
      return provider.request(args);
    },
  });
  return { connection, getLogsSpans };
}

/**
 * The chain through viem's custom transport with its default retries (3, with back-off), where
 * `answer` may refuse or fail a request before the chain sees it; every eth_getLogs is recorded.
 */
function retryingConnection(answer: (args: RecordedRequest, attempt: number) => void): { connection: LedgerConnection; getLogs: string[] } {
  const provider = viem().world.connection.provider as { request(args: RecordedRequest): Promise<unknown> };
  const getLogs: string[] = [];
  const request = async (args: RecordedRequest) => {
    if (args.method === "eth_getLogs") {
      const [filter] = args.params as [{ fromBlock: string; toBlock: string }];
      getLogs.push(`${BigInt(filter.fromBlock)}-${BigInt(filter.toBlock)}`);
      answer(args, getLogs.length);
    }
    return provider.request(args);
  };
  const publicClient = createPublicClient({ transport: custom({ request }) }) as PublicClient;
  const { address, chainId, deploymentBlock } = viem().connection;
  return { connection: createLedgerConnection({ publicClient, address, chainId, deploymentBlock }), getLogs };
}

async function everyEventByName(connection: LedgerConnection): Promise<LedgerEvent[]> {
  const byName = await Promise.all(ledgerEventNames().map((name) => readLedgerEvents(connection, name as LedgerEventName)));
  return (byName.flat() as LedgerEvent[]).sort(compareChainOrder);
}

const positions = (events: readonly LedgerEvent[]) => events.map(({ eventName, blockNumber, logIndex, transactionHash, args }) => ({ eventName, blockNumber, logIndex, transactionHash, args }));

describe("ledgerEventPages", () => {
  it("ledgerEventPages_wholeHistory_equalsTheEventsReadNameByName", async () => {
    const { connection } = viem();
    const latest = await latestBlockNumber(connection);
    const events: LedgerEvent[] = [];
    for await (const page of ledgerEventPages(connection, connection.deploymentBlock, latest, { policy: POLICY })) events.push(...page.logs);
    expect(events.length).toBeGreaterThan(10);
    expect(positions(events)).toEqual(positions(await everyEventByName(connection)));
  });

  it("ledgerEventPages_providerCappingTheRange_stillReturnsEveryEvent", async () => {
    const { connection, getLogsSpans } = rangeCappedConnection();
    const latest = await latestBlockNumber(connection);
    const events: LedgerEvent[] = [];
    for await (const page of ledgerEventPages(connection, connection.deploymentBlock, latest, { policy: POLICY })) events.push(...page.logs);
    expect(getLogsSpans.some((span) => span > MAX_BLOCKS)).toBe(true);
    expect(positions(events)).toEqual(positions(await everyEventByName(viem().connection)));
  });
});

describe("ledgerEventPages through a retrying transport", () => {
  it("ledgerEventPages_spanRefusedAsTooLarge_isNotAskedAgainForTheSameBlocks", async () => {
    const { connection, getLogs } = retryingConnection((args) => {
      const [filter] = args.params as [{ fromBlock: string; toBlock: string }];
      if (BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n > MAX_BLOCKS) throw new Error("HTTP response body exceeded the size limit.");
    });
    const latest = await latestBlockNumber(connection);
    const events: LedgerEvent[] = [];
    for await (const page of ledgerEventPages(connection, connection.deploymentBlock, latest, { policy: POLICY })) events.push(...page.logs);
    expect(positions(events)).toEqual(positions(await everyEventByName(viem().connection)));
    expect(new Set(getLogs).size).toBe(getLogs.length);
  });

  it("ledgerEventPages_otherFailureOnce_isAskedAgainAndMissesNothing", async () => {
    const { connection, getLogs } = retryingConnection((_args, attempt) => {
      if (attempt === 1) throw new Error("fetch failed: ECONNRESET");
    });
    const latest = await latestBlockNumber(connection);
    const events: LedgerEvent[] = [];
    for await (const page of ledgerEventPages(connection, connection.deploymentBlock, latest, { policy: POLICY })) events.push(...page.logs);
    expect(positions(events)).toEqual(positions(await everyEventByName(viem().connection)));
    expect(getLogs[0]).toBe(getLogs[1]);
  });
});

describe("decodeLedgerLogs", () => {
  it("decodeLedgerLogs_logOfAnEventOutsideTheAbi_throwsUndecodableLedgerLogErrorNamingIt", () => {
    const foreign: Log = {
      address: viem().connection.address,
      blockHash: `0x${"ab".repeat(32)}`,
      blockNumber: 7n,
      data: "0x",
      logIndex: 3,
      transactionHash: `0x${"cd".repeat(32)}`,
      transactionIndex: 0,
      removed: false,
      topics: [`0x${"ee".repeat(32)}`],
    };
    expect(() => decodeLedgerLogs([foreign])).toThrow(UndecodableLedgerLogError);
    expect(() => decodeLedgerLogs([foreign])).toThrow(expect.objectContaining({ blockNumber: 7n, logIndex: 3, topic: `0x${"ee".repeat(32)}` }) as Error);
  });
});
