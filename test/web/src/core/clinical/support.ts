import { expect } from "vitest";

import { ClinicalInputError } from "../../../../../web/src/core/clinical/errors.js";

/** The ClinicalInputError `run` throws; fails the test when it throws something else or nothing. */
export function clinicalInputError(run: () => unknown): ClinicalInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClinicalInputError) return error;
    throw error;
  }
  throw new Error("expected a ClinicalInputError");
}

/** Expects `run` to refuse its input with a ClinicalInputError naming `field` in exactly `message`. */
export function expectInputError(run: () => unknown, field: string, message: string): void {
  const error = clinicalInputError(run);
  expect([error.field, error.message]).toEqual([field, message]);
}
