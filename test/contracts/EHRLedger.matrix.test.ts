import { beforeAll, describe, it } from "vitest";
import { expect } from "chai";

import { ledgerInterface, stateChangingSignatures } from "../helpers/matrixAbi.js";
import { runCell } from "../helpers/matrixRun.js";
import { adminRows } from "../helpers/matrixRowsAdmin.js";
import { consentRows } from "../helpers/matrixRowsConsent.js";
import { recordRows } from "../helpers/matrixRowsRecords.js";
import { registryRows } from "../helpers/matrixRowsRegistry.js";
import { COLUMNS, cellName, type MatrixRow } from "../helpers/matrixTable.js";
import { deployMatrixWorld, type MatrixWorld } from "../helpers/matrixWorld.js";

const ROWS: MatrixRow[] = [...registryRows, ...adminRows, ...consentRows, ...recordRows];
const iface = ledgerInterface();

/** Signature of a row's function, or undefined when the ABI has no such function. */
function signatureOf(row: MatrixRow): string | undefined {
  try {
    return iface.getFunction(row.fn)?.format("sighash");
  } catch {
    // An ambiguous name (an overload appeared) must be spelled as a full signature in the row.
    return undefined;
  }
}

describe("EHRLedger role × function matrix", () => {
  let world: MatrixWorld;

  beforeAll(async () => {
    world = await deployMatrixWorld();
  });

  it("matrix_coversEveryStateChangingFunctionOfTheAbi", () => {
    const covered = new Set(ROWS.map(signatureOf));
    const missing = stateChangingSignatures(iface).filter((signature) => !covered.has(signature));
    expect(missing, "state-changing functions without a matrix row; add one to test/helpers/matrixRows*.ts").to.deep.equal([]);
  });

  it("matrix_rowsNameOnlyStateChangingFunctions", () => {
    const stateChanging = new Set(stateChangingSignatures(iface));
    const stray = ROWS.filter((row) => !stateChanging.has(signatureOf(row) ?? "")).map((row) => row.fn);
    expect(stray, "rows whose function is missing, ambiguous or read-only").to.deep.equal([]);
  });

  it("matrix_cellNamesAreUnique", () => {
    const names = ROWS.flatMap((row) => COLUMNS.map((column) => cellName(row, column)));
    expect(names.length - new Set(names).size, "duplicate cell names").to.equal(0);
  });

  for (const row of ROWS) {
    const signature = signatureOf(row);
    describe(row.variant === undefined ? row.fn : `${row.fn} (${row.variant})`, () => {
      for (const column of COLUMNS) {
        it(cellName(row, column), async () => {
          if (signature === undefined) throw new Error(`${row.fn} is not a function of the compiled EHRLedger`);
          await runCell(world, row, signature, column);
        });
      }
    });
  }
});
