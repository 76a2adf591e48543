import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, it } from "vitest";
import { expect } from "chai";

import { AUTH_TABLE_PATH, collectAuthTable, renderAuthTable, type AuthRow } from "../../scripts/auth-table.js";

/**
 * State-changing functions that check nothing about their caller, each on purpose. An entry that
 * gains a caller check, or whose function disappears, must be removed.
 */
const OPEN_BY_DESIGN = new Set([
  // Anyone may join as a patient by paying the fee; only the pause (whenNotPaused) stops it.
  "signUp(bytes32,bytes32)",
  // Delegate-calls this contract with the same msg.sender, so each batched function's own guards apply.
  "multicall(bytes[])",
]);

const REGENERATE = "run `npx hardhat build && npx tsx scripts/auth-table.ts` and commit docs/auth-table.md";

describe("scripts/auth-table", () => {
  let rows: AuthRow[];

  beforeAll(() => {
    // Read from the current artifacts: `npx hardhat build` must have run (npm test builds first).
    rows = collectAuthTable();
  });

  it("authTable_whenRegenerated_matchesCommittedFile", () => {
    const committed = readFileSync(AUTH_TABLE_PATH, "utf8");
    expect(committed, `${path.relative(process.cwd(), AUTH_TABLE_PATH)} is stale: ${REGENERATE}`).to.equal(
      renderAuthTable(rows),
    );
  });

  it("authTable_everyStateChangingFunction_hasACallerCheckUnlessOpenByDesign", () => {
    const unguarded = rows.filter((row) => row.callerChecks.length === 0).map((row) => row.signature);
    const unexpected = unguarded.filter((signature) => !OPEN_BY_DESIGN.has(signature));
    expect(unexpected, "state-changing functions with no caller check; guard them or justify them in OPEN_BY_DESIGN")
      .to.deep.equal([]);
  });

  it("authTable_openByDesignList_namesOnlyUnguardedFunctions", () => {
    const unguarded = new Set(rows.filter((row) => row.callerChecks.length === 0).map((row) => row.signature));
    const stale = [...OPEN_BY_DESIGN].filter((signature) => !unguarded.has(signature));
    expect(stale, "OPEN_BY_DESIGN entries that are guarded now or no longer exist").to.deep.equal([]);
  });
});
