import { describe, expect, it } from "vitest";

import { readBlockTimestamps, readTransactionSenders } from "../../../../../web/src/core/chain/block-facts.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";
import { spyingConnection } from "../access-log/support.js";

const viem = useViemWorld();

function spyingStranger() {
  const { connection, requests } = spyingConnection(viem());
  return { connection, methods: () => requests.map((request) => request.method) };
}

describe("readBlockTimestamps", () => {
  it("gives each block's time, asking once per distinct block", async () => {
    const { publicClient } = viem();
    const latest = await publicClient.getBlock();
    const earlier = await publicClient.getBlock({ blockNumber: latest.number - 1n });
    const { connection, methods } = spyingStranger();

    const timestamps = await readBlockTimestamps(connection, [latest.number, earlier.number, latest.number, latest.number]);

    expect(timestamps).toEqual(new Map([[latest.number, Number(latest.timestamp)], [earlier.number, Number(earlier.timestamp)]]));
    expect(methods()).toEqual(["eth_getBlockByNumber", "eth_getBlockByNumber"]);
  });
});

describe("readTransactionSenders", () => {
  it("gives each transaction's sender checksummed, asking once per distinct transaction", async () => {
    const { personas } = viem();
    const byAdmin = await sendLedgerTransaction(personas.admin.connection, "pause", []);
    const byAdminAgain = await sendLedgerTransaction(personas.admin.connection, "unpause", []);
    const byPatient = await sendLedgerTransaction(personas.patient.connection, "revoke", [personas.doctor.account]);
    const { connection, methods } = spyingStranger();

    const senders = await readTransactionSenders(connection, [byAdmin.hash, byPatient.hash, byAdmin.hash, byAdminAgain.hash]);

    expect(senders).toEqual(new Map([
      [byAdmin.hash, personas.admin.account],
      [byPatient.hash, personas.patient.account],
      [byAdminAgain.hash, personas.admin.account],
    ]));
    expect(methods()).toEqual(["eth_getTransactionByHash", "eth_getTransactionByHash", "eth_getTransactionByHash"]);
  });

  it("asks nothing for no transactions", async () => {
    const { connection, methods } = spyingStranger();
    expect(await readTransactionSenders(connection, [])).toEqual(new Map());
    expect(methods()).toEqual([]);
  });
});
