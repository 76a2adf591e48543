import { expect } from "chai";
import type { ContractTransactionResponse } from "ethers";

import type { Cell, Column, MatrixRow, PersonaName } from "./matrixTable.js";
import type { MatrixWorld } from "./matrixWorld.js";

function personaOf(row: MatrixRow, column: Column): PersonaName {
  if (column === "suspended") return row.suspended;
  if (column === "paused") return row.paused;
  return column;
}

/**
 * Runs one cell from the prepared world: restores the snapshot, applies the row's extra state,
 * suspends the caller or pauses the system for those columns, then calls `signature` and checks
 * the outcome the row states for the column.
 */
export async function runCell(world: MatrixWorld, row: MatrixRow, signature: string, column: Column): Promise<void> {
  await world.snapshot.restore();
  const { ledger, personas, connection } = world;
  const admin = ledger.connect(personas.admin);
  if (row.prepare !== undefined) await row.prepare(world);

  const as = personaOf(row, column);
  const caller = personas[as];
  if (column === "suspended") await (await admin.suspend(caller.address)).wait();
  if (column === "paused" && !(await ledger.paused())) await (await admin.pause()).wait();

  const { time } = connection.networkHelpers;
  const callTime = (await time.latest()) + 1;
  await time.setNextBlockTimestamp(callTime);
  const cell: Cell = { world, column, as, caller, callTime };

  const outcome = row.expect[column];
  const args = row.args(cell);
  const overrides = row.value === undefined ? {} : { value: row.value(cell) };
  const send = () => ledger.connect(caller).getFunction(signature)(...args, overrides) as Promise<ContractTransactionResponse>;

  if (outcome.kind === "revert") {
    const errorArgs = await outcome.args(cell);
    await expect(send()).to.be.revertedWithCustomError(ledger, outcome.error).withArgs(...errorArgs);
    return;
  }
  // Expected arguments describe the state before the call, so they are computed first.
  const expectedEvents = await Promise.all(outcome.events.map(async (e) => ({ name: e.name, args: await e.args(cell) })));
  const tx = await send();
  const receipt = await tx.wait();
  expect(receipt?.status, "transaction status").to.equal(1);
  for (const { name, args: eventArgs } of expectedEvents) {
    await expect(tx).to.emit(ledger, name).withArgs(...eventArgs);
  }
  for (const name of outcome.silent) {
    await expect(tx).to.not.emit(ledger, name);
  }
}
