import { keccak256, toHex } from "viem";
import { describe, expect, it } from "vitest";

import { ledgerEventNames, mapperOf, readAccessLog, UnmappedLedgerEventError } from "../../../../../web/src/core/access-log/entries.js";
import type { AccessLogDetail } from "../../../../../web/src/core/access-log/entry.js";
import { EVENT_MAPPERS } from "../../../../../web/src/core/access-log/event-mappers.js";
import type { Hex } from "../../../../../web/src/core/bytes.js";
import { ledgerAbi } from "../../../../../web/src/core/chain/connection.js";
import { latestBlockNumber } from "../../../../../web/src/core/chain/events.js";
import { sendLedgerTransaction } from "../../../../../web/src/core/chain/transactions.js";
import { ZERO_KEY } from "../../../../../web/src/core/chain/views.js";
import type { Address } from "../../../../../web/src/core/ledger-context.js";
import { ADMIN_TRANSFER_DELAY, bit, Category, Kind } from "../../../../helpers/fixture.js";
import { PARTICIPANTS, useViemWorld, type PersonaName } from "../../../../helpers/viemWorld.js";
import { PROFILE } from "../../../../helpers/world.js";
import { detailsOf, digest, ledgerSteps, spyingConnection } from "./support.js";

const { GeneralNotes: NOTES, LabResults: LABS } = Category;
const ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;
const DAY = 24 * 60 * 60;

const viem = useViemWorld();

function accountOf(name: PersonaName): Address {
  return viem().personas[name].account;
}

/** The details of every entry added after `fromBlock` - 1, read from a fresh scan. */
async function logSince(fromBlock: bigint): Promise<AccessLogDetail[]> {
  return detailsOf(await readAccessLog(viem().connection, { fromBlock }));
}

async function nextBlock(): Promise<bigint> {
  return (await latestBlockNumber(viem().connection)) + 1n;
}

async function timestampOf(blockNumber: bigint): Promise<number> {
  return Number((await viem().publicClient.getBlock({ blockNumber })).timestamp);
}

describe("EVENT_MAPPERS", () => {
  it("maps every event of the ledger's ABI", () => {
    const abiEvents = ledgerAbi.filter((item) => item.type === "event").map((item) => item.name);
    expect(abiEvents.length).toBeGreaterThan(0);
    for (const name of abiEvents) expect(Object.hasOwn(EVENT_MAPPERS, name), `${name} has no access-log mapping`).toBe(true);
    expect(ledgerEventNames()).toEqual(abiEvents);
  });

  it("refuses, by name, an event the access log has no mapping for", () => {
    expect(() => mapperOf("RecordsExported")).toThrow(UnmappedLedgerEventError);
    expect(() => mapperOf("RecordsExported")).toThrow("The ledger emits RecordsExported, which the access log cannot show yet: add it to EVENT_MAPPERS.");
    expect(() => mapperOf("toString")).toThrow(UnmappedLedgerEventError);
  });
});

describe("readAccessLog", () => {
  it("shows the deployment's admin role, every registration and every key set up, in chain order", async () => {
    const admin = accountOf("admin");
    const hospital = accountOf("hospital");
    const registered = (name: PersonaName, kind: number, by: PersonaName, affiliation?: Address): AccessLogDetail => ({
      action: "participant-registered",
      actor: accountOf(by),
      subject: accountOf(name),
      kind,
      affiliation,
      patient: kind === Kind.Patient ? accountOf(name) : undefined,
      // What the world registers: a stand-in key, and the stand-in profile for providers only.
      encryptionKey: keccak256(toHex(`x25519 ${accountOf(name)}`)),
      profileDigest: kind === Kind.Patient || kind === Kind.Auditor ? ZERO_KEY : (PROFILE as Hex),
    });
    expect(detailsOf(await readAccessLog(viem().connection))).toEqual([
      { action: "admin-role-event", event: "RoleGranted", actor: admin, role: ADMIN_ROLE, subject: admin },
      registered("hospital", Kind.Hospital, "admin"),
      registered("doctor", Kind.Doctor, "hospital", hospital),
      registered("lab", Kind.Lab, "hospital", hospital),
      registered("doctor2", Kind.Doctor, "admin"),
      registered("insurer", Kind.Insurer, "admin"),
      registered("auditor", Kind.Auditor, "admin"),
      registered("patient", Kind.Patient, "patient"),
      registered("caregiver", Kind.Patient, "caregiver"),
      ...PARTICIPANTS.map((name): AccessLogDetail => ({ action: "encryption-key-changed", actor: accountOf(name), encryptionKey: viem().personas[name].identity.publicKeyHex })),
    ]);
  });

  it("places each entry at its block, log index, transaction and block time", async () => {
    const steps = ledgerSteps(viem());
    const fromBlock = await nextBlock();
    const { receipt, hash } = await steps.createScopeKey("patient", NOTES);
    const entries = await readAccessLog(viem().connection, { fromBlock });
    const timestamp = await timestampOf(receipt.blockNumber);
    expect(entries.map(({ blockNumber, logIndex, transactionHash, timestamp }) => ({ blockNumber, logIndex, transactionHash, timestamp }))).toEqual(
      receipt.logs.map((log) => ({ blockNumber: receipt.blockNumber, logIndex: log.logIndex, transactionHash: hash, timestamp })),
    );
    expect(entries).toHaveLength(2);
  });

  it("shows scope keys, a grant with its wraps and a revoke, with the patient as actor", async () => {
    const steps = ledgerSteps(viem());
    const [patient, hospital] = [accountOf("patient"), accountOf("hospital")];
    const fromBlock = await nextBlock();
    await steps.createScopeKey("patient", NOTES);
    await steps.createScopeKey("patient", LABS);
    const expiresAt = (await timestampOf(fromBlock + 1n)) + 365 * DAY;
    await steps.grant("patient", "hospital", bit(NOTES) | bit(LABS), bit(NOTES), expiresAt);
    await sendLedgerTransaction(viem().personas.patient.connection, "revoke", [hospital]);
    const key = (category: number, recipient: Address): AccessLogDetail[] => [
      { action: "scope-key-rotated", actor: patient, patient, categories: [category], epoch: 1 },
      { action: "scope-key-wrapped", actor: patient, patient, subject: recipient, categories: [category], epoch: 1 },
    ];
    expect(await logSince(fromBlock)).toEqual([
      ...key(NOTES, patient),
      ...key(LABS, patient),
      { action: "access-granted", actor: patient, patient, subject: hospital, categories: [NOTES, LABS], readCategories: [NOTES, LABS], writeCategories: [NOTES], expiresAt },
      { action: "scope-key-wrapped", actor: patient, patient, subject: hospital, categories: [NOTES], epoch: 1 },
      { action: "scope-key-wrapped", actor: patient, patient, subject: hospital, categories: [LABS], epoch: 1 },
      { action: "access-revoked", actor: patient, patient, subject: hospital, categories: [NOTES, LABS] },
    ]);
  });

  it("shows an access request and its denial", async () => {
    const [patient, doctor] = [accountOf("patient"), accountOf("doctor")];
    const fromBlock = await nextBlock();
    await sendLedgerTransaction(viem().personas.doctor.connection, "requestAccess", [patient, bit(LABS), bit(NOTES), 1]);
    await sendLedgerTransaction(viem().personas.patient.connection, "denyRequest", [doctor, 2]);
    expect(await logSince(fromBlock)).toEqual([
      { action: "access-requested", actor: doctor, patient, categories: [NOTES, LABS], readCategories: [NOTES, LABS], writeCategories: [NOTES], purpose: 1 },
      { action: "access-request-denied", actor: patient, patient, subject: doctor, reason: 2 },
    ]);
  });

  it("shows records added, amended, retracted and read, each with its category", async () => {
    const steps = ledgerSteps(viem());
    const [patient, doctor, hospital] = [accountOf("patient"), accountOf("doctor"), accountOf("hospital")];
    await steps.createScopeKey("patient", NOTES);
    await steps.grant("patient", "doctor", bit(NOTES), bit(NOTES));
    const fromBlock = await nextBlock();
    await steps.addRecord("doctor", "patient", NOTES, 1);
    await steps.readRecord("patient", "patient", 1n, 5);
    await steps.readRecord("doctor", "patient", 1n, 0);
    await steps.amendRecord("doctor", "patient", 1n, 2);
    await steps.retractRecord("doctor", "patient", 2n, 0);
    await steps.addRecord("patient", "patient", NOTES, 3);
    const written = { actor: doctor, patient, categories: [NOTES], epoch: 1, facility: hospital };
    expect(await logSince(fromBlock)).toEqual([
      { action: "record-added", ...written, recordId: 1n, contentDigest: digest(1) },
      { action: "record-read", actor: patient, patient, recordId: 1n, categories: [NOTES], purpose: 5 },
      { action: "record-read", actor: doctor, patient, recordId: 1n, categories: [NOTES], purpose: 0 },
      { action: "record-amended", ...written, recordId: 2n, contentDigest: digest(2), supersedes: 1n },
      { action: "record-retracted", actor: doctor, patient, recordId: 2n, categories: [NOTES], reason: 0 },
      { action: "record-added", actor: patient, patient, recordId: 3n, categories: [NOTES], epoch: 1, contentDigest: digest(3), facility: undefined },
    ]);
  });

  it("finds the category of a record read or retracted in range but added before it", async () => {
    const steps = ledgerSteps(viem());
    const [patient, lab] = [accountOf("patient"), accountOf("lab")];
    await steps.createScopeKey("patient", LABS);
    await steps.grant("patient", "lab", bit(LABS), bit(LABS));
    await steps.addRecord("lab", "patient", LABS, 1);
    const fromBlock = await nextBlock();
    await steps.readRecord("lab", "patient", 1n, 3);
    await steps.retractRecord("lab", "patient", 1n, 1);
    expect(await logSince(fromBlock)).toEqual([
      { action: "record-read", actor: lab, patient, recordId: 1n, categories: [LABS], purpose: 3 },
      { action: "record-retracted", actor: lab, patient, recordId: 1n, categories: [LABS], reason: 1 },
    ]);
  });

  it("shows the admin's fee, withdrawal, pause and status changes, and profile changes, with the transaction sender where the event names no actor", async () => {
    const { personas } = viem();
    const [admin, hospital, doctor, stranger, treasury] = [accountOf("admin"), accountOf("hospital"), accountOf("doctor"), accountOf("stranger"), accountOf("auditor")];
    const fee = 10n ** 16n;
    const fromBlock = await nextBlock();
    await sendLedgerTransaction(personas.admin.connection, "setSignUpFee", [fee]);
    await sendLedgerTransaction(personas.stranger.connection, "signUp", [digest(0x51), digest(0x52)], { value: fee });
    await sendLedgerTransaction(personas.admin.connection, "withdrawFees", [treasury]);
    await sendLedgerTransaction(personas.hospital.connection, "suspend", [doctor]);
    await sendLedgerTransaction(personas.admin.connection, "reactivate", [doctor]);
    await sendLedgerTransaction(personas.doctor.connection, "setProfileDigest", [digest(0x61)]);
    await sendLedgerTransaction(personas.admin.connection, "pause", []);
    await sendLedgerTransaction(personas.admin.connection, "unpause", []);
    expect(await logSince(fromBlock)).toEqual([
      { action: "sign-up-fee-changed", actor: admin, previousFee: 0n, newFee: fee },
      { action: "participant-registered", actor: stranger, subject: stranger, kind: Kind.Patient, patient: stranger, encryptionKey: digest(0x51), profileDigest: ZERO_KEY },
      { action: "fees-withdrawn", actor: admin, subject: treasury, amount: fee },
      { action: "participant-suspended", actor: hospital, subject: doctor },
      { action: "participant-reactivated", actor: admin, subject: doctor },
      { action: "profile-changed", actor: doctor, profileDigest: digest(0x61) },
      { action: "paused", actor: admin },
      { action: "unpaused", actor: admin },
    ]);
  });

  it("shows the admin role's handover and delay changes by event name", async () => {
    const { personas, world } = viem();
    const [admin, stranger] = [accountOf("admin"), accountOf("stranger")];
    const fromBlock = await nextBlock();
    const scheduled = await sendLedgerTransaction(personas.admin.connection, "beginDefaultAdminTransfer", [stranger]);
    await sendLedgerTransaction(personas.admin.connection, "cancelDefaultAdminTransfer", []);
    const delayChange = await sendLedgerTransaction(personas.admin.connection, "changeDefaultAdminDelay", [DAY]);
    await sendLedgerTransaction(personas.admin.connection, "rollbackDefaultAdminDelay", []);
    const rescheduled = await sendLedgerTransaction(personas.admin.connection, "beginDefaultAdminTransfer", [stranger]);
    await world.connection.networkHelpers.time.increase(ADMIN_TRANSFER_DELAY + 1);
    await sendLedgerTransaction(personas.stranger.connection, "acceptDefaultAdminTransfer", []);
    const scheduledAt = await timestampOf(scheduled.receipt.blockNumber);
    const delayChangedAt = await timestampOf(delayChange.receipt.blockNumber);
    const rescheduledAt = await timestampOf(rescheduled.receipt.blockNumber);
    expect(await logSince(fromBlock)).toEqual([
      { action: "admin-role-event", event: "DefaultAdminTransferScheduled", actor: admin, subject: stranger, acceptSchedule: scheduledAt + ADMIN_TRANSFER_DELAY },
      { action: "admin-role-event", event: "DefaultAdminTransferCanceled", actor: admin },
      { action: "admin-role-event", event: "DefaultAdminDelayChangeScheduled", actor: admin, newDelay: DAY, effectSchedule: delayChangedAt + ADMIN_TRANSFER_DELAY - DAY },
      { action: "admin-role-event", event: "DefaultAdminDelayChangeCanceled", actor: admin },
      { action: "admin-role-event", event: "DefaultAdminTransferScheduled", actor: admin, subject: stranger, acceptSchedule: rescheduledAt + ADMIN_TRANSFER_DELAY },
      { action: "admin-role-event", event: "RoleRevoked", actor: stranger, role: ADMIN_ROLE, subject: admin },
      { action: "admin-role-event", event: "RoleGranted", actor: stranger, role: ADMIN_ROLE, subject: stranger },
    ]);
  });

  it("keeps to the given block range", async () => {
    const steps = ledgerSteps(viem());
    const fromBlock = await nextBlock();
    await steps.createScopeKey("patient", NOTES);
    await steps.createScopeKey("patient", LABS);
    await steps.createScopeKey("caregiver", NOTES);
    const entries = await readAccessLog(viem().connection, { fromBlock: fromBlock + 1n, toBlock: fromBlock + 1n });
    expect(detailsOf(entries).map((entry) => [entry.action, entry.categories])).toEqual([["scope-key-rotated", [LABS]], ["scope-key-wrapped", [LABS]]]);
  });

  it("takes block times from the logs and fetches the sender only of transactions whose events name no actor", async () => {
    const world = viem();
    const steps = ledgerSteps(world);
    await steps.createScopeKey("patient", NOTES);
    await steps.grant("patient", "doctor", bit(NOTES));
    await sendLedgerTransaction(world.personas.admin.connection, "pause", []);
    const { connection, requests } = spyingConnection(world);

    const entries = await readAccessLog(connection);

    const wrapTransactions = new Set(entries.filter((entry) => entry.action === "scope-key-wrapped").map((entry) => entry.transactionHash));
    expect(requests.filter((request) => request.method === "eth_getBlockByNumber")).toHaveLength(0);
    expect(requests.filter((request) => request.method === "eth_getTransactionByHash").map((request) => (request.params as Hex[])[0]).sort())
      .toEqual([...wrapTransactions].sort());
    expect(wrapTransactions.size).toBe(2);
    for (const entry of entries.slice(-4)) expect(entry.timestamp).toBe(await timestampOf(entry.blockNumber));
  });

  it("fetches each block once when the logs come without their block's time", async () => {
    const world = viem();
    const steps = ledgerSteps(world);
    await steps.createScopeKey("patient", NOTES);
    await steps.grant("patient", "doctor", bit(NOTES));
    const { connection, requests } = spyingConnection(world, { logsWithoutTimes: true });

    const entries = await readAccessLog(connection);

    const blocks = new Set(entries.map((entry) => entry.blockNumber));
    expect(requests.filter((request) => request.method === "eth_getBlockByNumber")).toHaveLength(blocks.size);
    expect(entries).toEqual(await readAccessLog(world.connection));
  });
});
