import { createPublicClient, custom } from "viem";
import { describe, expect, it } from "vitest";

import { createLedgerConnection } from "../../../../../web/src/core/chain/connection.js";
import { compareChainOrder, EVENT_PAGE_BLOCKS, readLedgerEvents } from "../../../../../web/src/core/chain/events.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { recordingProvider, type Eip1193Provider } from "../../../../helpers/eip1193.js";
import { Kind } from "../../../../helpers/fixture.js";
import { PARTICIPANTS, useViemWorld } from "../../../../helpers/viemWorld.js";

const viem = useViemWorld();

describe("readLedgerEvents", () => {
  it("reads every event since the deployment block, typed and oldest first", async () => {
    const { connection, personas } = viem();
    const changes = await readLedgerEvents(connection, "EncryptionKeyChanged");
    expect(changes.map((event) => event.args.account)).toEqual(PARTICIPANTS.map((name) => personas[name].account));
    expect(changes.map((event) => event.args.encryptionKey)).toEqual(PARTICIPANTS.map((name) => personas[name].identity.publicKeyHex));
    const blocks = changes.map((event) => event.blockNumber);
    expect([...blocks].sort((a, b) => (a < b ? -1 : 1))).toEqual(blocks);
  });

  it("filters on indexed arguments", async () => {
    const { connection, personas } = viem();
    const doctors = await readLedgerEvents(connection, "ParticipantRegistered", { kind: Kind.Doctor });
    expect(doctors.map((event) => event.args.account)).toEqual([personas.doctor.account, personas.doctor2.account]);
    const patientOnly = await readLedgerEvents(connection, "EncryptionKeyChanged", { account: personas.patient.account });
    expect(patientOnly).toHaveLength(1);
  });

  it("pages through block ranges longer than one page and finds events on both sides of a gap", async () => {
    const { world, personas } = viem();
    await world.connection.networkHelpers.mine(2n * EVENT_PAGE_BLOCKS + 5n);
    await sendLedgerTransaction(personas.doctor.connection, "requestAccess", [personas.patient.account, 1, 0, 0]);
    const spy = recordingProvider(world.connection.provider as Eip1193Provider);
    const { connection } = viem().through("stranger", spy.provider);

    const changes = await readLedgerEvents(connection, "EncryptionKeyChanged");
    const requests = await readLedgerEvents(connection, "AccessRequested");
    expect(changes).toHaveLength(PARTICIPANTS.length);
    expect(requests.map((event) => event.args.requester)).toEqual([personas.doctor.account]);
    expect(spy.methods.filter((method) => method === "eth_getLogs")).toHaveLength(2 * 3);
  });

  it("keeps to the given block range", async () => {
    const { connection, personas } = viem();
    const all = await readLedgerEvents(connection, "EncryptionKeyChanged");
    const patientChange = all.find((event) => event.args.account === personas.patient.account);
    const block = patientChange?.blockNumber as bigint;
    const only = await readLedgerEvents(connection, "EncryptionKeyChanged", undefined, { fromBlock: block, toBlock: block });
    expect(only.map((event) => event.args.account)).toEqual([personas.patient.account]);
  });

  it("reads up to the block of a receipt just returned, even through a client that caches the block number", async () => {
    const { world, personas } = viem();
    const provider = world.connection.provider as Eip1193Provider;
    const publicClient = createPublicClient({ transport: custom(provider, { retryCount: 0 }), cacheTime: 60_000 });
    const connection = createLedgerConnection({ publicClient, address: personas.doctor.connection.address, chainId: personas.doctor.connection.chainId });
    await publicClient.getBlockNumber();

    await sendLedgerTransaction(personas.doctor.connection, "requestAccess", [personas.patient.account, 1, 0, 0]);

    expect(await readLedgerEvents(connection, "AccessRequested")).toHaveLength(1);
  });
});

describe("compareChainOrder", () => {
  it("compareChainOrder_mixedBlocksAndPositions_sortsByBlockThenLogIndex", () => {
    const events = [
      { blockNumber: 5n, logIndex: 0 },
      { blockNumber: 3n, logIndex: 2 },
      { blockNumber: 3n, logIndex: 1 },
    ];
    expect([...events].sort(compareChainOrder)).toEqual([events[2], events[1], events[0]]);
  });
});
