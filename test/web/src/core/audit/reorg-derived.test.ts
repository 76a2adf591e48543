/**
 * What the console derives from the log follows a reorg: grants rebuilt from a synced log that lost
 * blocks to an anvil snapshot/revert equal the chain's state on the branch that won, and a read made
 * on the lost branch is no longer attributed to anything.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GrantIndex } from "../../../../../web/src/core/audit/grant-periods.js";
import { underGrant } from "../../../../../web/src/core/audit/under-grant.js";
import { latestBlockTime } from "../../../../../web/src/core/chain/events.js";
import { readGrantOf, readHasAccess } from "../../../../../web/src/core/chain/views.js";
import { LedgerLog } from "../../../../../web/src/core/log-sync/ledger-log.js";
import { MemoryLogCache } from "../../../../../web/src/core/log-sync/log-cache.js";
import { LABS, NOTES, startAnvilLedger, type AnvilLedger } from "../log-sync/anvil-ledger.js";

const bit = (category: number) => 1 << category;
let chain: AnvilLedger;

beforeAll(async () => {
  chain = await startAnvilLedger();
  await chain.send.createScopeKey("patient", NOTES);
  await chain.send.createScopeKey("patient", LABS);
  await chain.send.addRecord("patient", "patient", NOTES, 1);
});

afterAll(async () => {
  await chain?.stop();
});

async function chainGrant() {
  const { patient, doctor } = chain.accounts;
  const stored = await readGrantOf(chain.connection, patient, doctor);
  const access = await Promise.all([NOTES, LABS].map((category) => readHasAccess(chain.connection, patient, doctor, category, false)));
  return { readScope: stored.readScope, writeScope: stored.writeScope, expiresAt: stored.expiresAt, grantedAt: stored.grantedAt, access };
}

function rebuiltGrant(log: LedgerLog, now: number) {
  const { patient, doctor } = chain.accounts;
  const grants = GrantIndex.of(log.entries);
  return { ...grants.grantOf(patient, doctor), access: [NOTES, LABS].map((category) => grants.hasAccess(patient, doctor, category, false, now)) };
}

describe("derived grants across a reorg", () => {
  it("grantIndex_afterSnapshotRevert_equalsTheWinningBranchAndForgetsTheLostRead", async () => {
    const log = await LedgerLog.open(chain.connection, new MemoryLogCache(), { confirmations: 0 });
    await log.sync();
    const fork = await chain.snapshot();

    // The lost branch: notes for the doctor, and a read under that grant.
    await chain.send.grant("patient", "doctor", bit(NOTES));
    await chain.send.readRecord("doctor", "patient", 1n);
    await log.sync();
    const lostRead = log.query({ actions: ["record-read"], limit: 1 }).entries[0];
    expect(underGrant(GrantIndex.of(log.entries), lostRead!)).toMatchObject({ basis: "grant", period: { readCategories: [NOTES] } });
    expect(rebuiltGrant(log, await latestBlockTime(chain.connection))).toEqual(await chainGrant());

    // The winning branch: lab results instead, and no read.
    await chain.revert(fork);
    await chain.send.grant("patient", "doctor", bit(LABS));
    const report = await log.sync();
    // The lost grant (AccessGranted and its key wrap) and the read.
    expect(report.rolledBack).toBe(3);
    expect(log.entries.some((entry) => entry.transactionHash === lostRead?.transactionHash)).toBe(false);
    expect(log.query({ actions: ["record-read"] }).total).toBe(0);
    const now = await latestBlockTime(chain.connection);
    expect(await chainGrant()).toMatchObject({ readScope: bit(LABS), access: [false, true] });
    expect(rebuiltGrant(log, now)).toEqual(await chainGrant());
    expect(GrantIndex.of(log.entries).periodsOf(chain.accounts.patient, chain.accounts.doctor).map((period) => period.readCategories)).toEqual([[LABS]]);
  });
});
