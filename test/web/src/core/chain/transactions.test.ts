import { describe, expect, it } from "vitest";

import { NoWalletError } from "../../../../../web/src/core/chain/connection.js";
import { LedgerRevertError, LedgerTransactionError, TransactionRejectedError } from "../../../../../web/src/core/chain/errors.js";
import { sendLedgerTransaction, type TransactionStatus } from "../../../../../web/src/core/chain/transactions.js";
import { readScopeKeyState } from "../../../../../web/src/core/chain/views.js";
import { rejectingProvider, recordingProvider, type Eip1193Provider } from "../../../../helpers/eip1193.js";
import { fakeWrap } from "../../../../helpers/fixture.js";
import { raceInOneBlock, type Racer } from "../../../../helpers/race.js";
import { useViemWorld } from "../../../../helpers/viemWorld.js";

const viem = useViemWorld();

function hex(text: string) {
  return text as `0x${string}`;
}

describe("sendLedgerTransaction", () => {
  it("reports every stage and returns the receipt with its decoded ledger events", async () => {
    const { doctor, patient } = viem().personas;
    const statuses: TransactionStatus[] = [];
    const result = await sendLedgerTransaction(doctor.connection, "requestAccess", [patient.account, 0b11, 0b01, 0], {
      onStatus: (status) => statuses.push(status),
    });
    expect(statuses).toEqual([
      { stage: "simulating" },
      { stage: "awaiting-signature" },
      { stage: "pending", hash: result.hash },
      { stage: "confirmed", hash: result.hash },
    ]);
    expect(result.receipt.status).toBe("success");
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      eventName: "AccessRequested",
      args: { patient: patient.account, requester: doctor.account, readScope: 0b11, writeScope: 0b01, purposeCode: 0 },
    });
  });

  it("decodes a revert before the wallet is asked to sign, and sends nothing", async () => {
    const { world, publicClient, personas } = viem();
    const spy = recordingProvider(world.connection.provider as Eip1193Provider);
    const stranger = viem().through("stranger", spy.provider);
    const blockBefore = await publicClient.getBlockNumber();
    const statuses: TransactionStatus[] = [];
    const sending = sendLedgerTransaction(stranger.connection, "revoke", [personas.doctor.account], { onStatus: (s) => statuses.push(s) });

    await expect(sending).rejects.toThrow(LedgerRevertError);
    const error = (await sending.catch((e: unknown) => e)) as LedgerRevertError;
    expect(error.code).toBe("LEDGER_REVERT");
    expect(error.errorName).toBe("ConsentCallerNotPatient");
    expect(error.args).toEqual([stranger.account]);
    expect(error.message).toBe(`Only a patient can do this, and ${stranger.account} is not registered as one.`);
    expect(error.cause).toBeDefined();
    expect(statuses).toEqual([{ stage: "simulating" }]);
    expect(spy.methods).toContain("eth_call");
    expect(spy.methods).not.toContain("eth_sendTransaction");
    expect(await publicClient.getBlockNumber()).toBe(blockBefore);
  });

  it("throws TransactionRejectedError when the wallet declines (EIP-1193 4001)", async () => {
    const { world, publicClient } = viem();
    const declining = viem().through("doctor", rejectingProvider(world.connection.provider as Eip1193Provider, ["eth_sendTransaction"]));
    const blockBefore = await publicClient.getBlockNumber();
    const sending = sendLedgerTransaction(declining.connection, "requestAccess", [viem().personas.patient.account, 1, 0, 0]);
    await expect(sending).rejects.toThrow(TransactionRejectedError);
    await expect(sending).rejects.toMatchObject({ code: "TRANSACTION_REJECTED", cause: expect.anything() });
    expect(await publicClient.getBlockNumber()).toBe(blockBefore);
  });

  it("wraps any other failure in LedgerTransactionError and keeps the cause", async () => {
    const { world } = viem();
    const provider = world.connection.provider as Eip1193Provider;
    const broken: Eip1193Provider = {
      request: async (args) => {
        if (args.method === "eth_sendTransaction") throw Object.assign(new Error("nonce too low"), { code: -32000 });
        return provider.request(args);
      },
    };
    const failing = viem().through("doctor", broken);
    const sending = sendLedgerTransaction(failing.connection, "requestAccess", [viem().personas.patient.account, 1, 0, 0]);
    await expect(sending).rejects.toThrow(LedgerTransactionError);
    const error = (await sending.catch((e: unknown) => e)) as LedgerTransactionError;
    expect(error.code).toBe("LEDGER_TRANSACTION_FAILED");
    expect(error.message).toMatch(/^requestAccess failed: /);
    expect(String((error.cause as Error).message)).toMatch(/nonce too low/);
  });

  it("throws NoWalletError on a read-only connection", async () => {
    await expect(sendLedgerTransaction(viem().connection, "revoke", [viem().personas.doctor.account])).rejects.toThrow(NoWalletError);
  });

  it("explains a transaction that passed simulation but reverted once mined, by replaying it in its block", async () => {
    const { patient } = viem().personas;
    const wraps = [{ recipient: patient.account, wrap: hex(fakeWrap(1)) }];
    // Two browsers of the patient create the same first key; both pass simulation, one must lose.
    const createFirstKey: Racer<unknown> = (provider, onStatus) =>
      sendLedgerTransaction(viem().through("patient", provider).connection, "rotateScopeKey", [patient.account, 2, 0, "0x", wraps], { onStatus });
    const { outcomes, sent } = await raceInOneBlock(viem(), [createFirstKey, createFirstKey]);
    expect(sent).toBe(2);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const error = (outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult).reason as LedgerRevertError;
    expect(error).toBeInstanceOf(LedgerRevertError);
    expect(error.errorName).toBe("ScopeKeysEpochMismatch");
    expect(error.args).toEqual([patient.account, 2, 0, 1]);
    expect((await readScopeKeyState(viem().connection, patient.account, 2)).epoch).toBe(1);
  });
});
