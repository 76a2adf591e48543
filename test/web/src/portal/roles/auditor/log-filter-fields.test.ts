import { describe, expect, it } from "vitest";

import {
  EMPTY_LOG_FILTER_FIELDS,
  endOfLocalDay,
  fieldsFromSearch,
  hasFilters,
  logFilterOf,
  OTHER_ACTOR,
  startOfLocalDay,
  type LogFilterFields,
} from "../../../../../../web/src/portal/roles/auditor/log-filter-fields.js";
import { useTimeZone } from "../../../../../helpers/time-zone.js";

const PATIENT = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const DOCTOR = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const fields = (overrides: Partial<LogFilterFields>): LogFilterFields => ({ ...EMPTY_LOG_FILTER_FIELDS, ...overrides });

// A zone with daylight saving, so a 23-hour day is part of the test.
useTimeZone("Europe/Paris");

describe("startOfLocalDay", () => {
  it("startOfLocalDay_day_isLocalMidnight", () => {
    expect(startOfLocalDay("2026-01-15")).toBe(Date.UTC(2026, 0, 14, 23) / 1000);
  });

  it.each(["", "2026-1-15", "2026-02-30", "2026-13-01", "yesterday"])("startOfLocalDay_notADay_%j_isUndefined", (day) => {
    expect(startOfLocalDay(day)).toBeUndefined();
  });
});

describe("endOfLocalDay", () => {
  it("endOfLocalDay_ordinaryDay_isTheSecondBeforeNextMidnight", () => {
    expect(endOfLocalDay("2026-01-15")).toBe(Date.UTC(2026, 0, 15, 23) / 1000 - 1);
  });

  it("endOfLocalDay_daylightSavingStart_spans23Hours", () => {
    const start = startOfLocalDay("2026-03-29") as number;
    expect((endOfLocalDay("2026-03-29") as number) - start + 1).toBe(23 * 3600);
  });
});

describe("logFilterOf", () => {
  it("logFilterOf_emptyFields_isAnEmptyFilter", () => {
    expect(logFilterOf(EMPTY_LOG_FILTER_FIELDS)).toEqual({ ok: true, filter: {} });
  });

  it("logFilterOf_everyField_buildsEveryCriterion", () => {
    const result = logFilterOf(fields({ patient: ` ${PATIENT} `, actorChoice: DOCTOR, action: "reads", category: "1", record: "#12", from: "2026-01-15", to: "2026-01-16" }));
    expect(result).toEqual({
      ok: true,
      filter: { patient: PATIENT, actor: DOCTOR, actionGroup: "reads", category: 1, recordId: 12n, from: startOfLocalDay("2026-01-15"), to: endOfLocalDay("2026-01-16") },
    });
  });

  it("logFilterOf_oneAction_asksForThatActionOnly", () => {
    expect(logFilterOf(fields({ action: "access-revoked" }))).toEqual({ ok: true, filter: { actions: ["access-revoked"] } });
  });

  it("logFilterOf_recordWithoutPatient_asksForThePatient", () => {
    expect(logFilterOf(fields({ record: "3" }))).toEqual({ ok: false, errors: { record: "Record numbers count per patient: enter the patient's address too." } });
  });

  it.each(["three", "#", "-1", "1.5"])("logFilterOf_recordNotANumber_%j_isARecordError", (record) => {
    expect(logFilterOf(fields({ patient: PATIENT, record }))).toEqual({ ok: false, errors: { record: "Enter a record number, such as 12 or #12." } });
  });

  it("logFilterOf_categoryOutOfRange_isACategoryError", () => {
    expect(logFilterOf(fields({ category: "8" }))).toEqual({ ok: false, errors: { category: "Choose a category from the list." } });
  });

  it("logFilterOf_typedActor_isUsedWhenChosen", () => {
    expect(logFilterOf(fields({ actorChoice: OTHER_ACTOR, actorAddress: DOCTOR.toLowerCase() }))).toEqual({ ok: true, filter: { actor: DOCTOR.toLowerCase() } });
  });

  it("logFilterOf_typedActorNotYetEntered_filtersNobodyOut", () => {
    expect(logFilterOf(fields({ actorChoice: OTHER_ACTOR }))).toEqual({ ok: true, filter: {} });
  });

  it("logFilterOf_malformedAddresses_areFieldErrors", () => {
    const result = logFilterOf(fields({ patient: "0x90F7", actorChoice: OTHER_ACTOR, actorAddress: "doctor" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["actorAddress", "patient"]);
  });

  it("logFilterOf_endBeforeStart_isAnEndDateError", () => {
    expect(logFilterOf(fields({ from: "2026-01-16", to: "2026-01-15" }))).toEqual({ ok: false, errors: { to: "The end date is before the start date." } });
  });

  it("logFilterOf_sameStartAndEnd_coversThatWholeDay", () => {
    const result = logFilterOf(fields({ from: "2026-01-15", to: "2026-01-15" }));
    expect(result.ok && (result.filter.to as number) - (result.filter.from as number)).toBe(24 * 3600 - 1);
  });

  it("logFilterOf_invalidDate_isADateError", () => {
    const result = logFilterOf(fields({ from: "2026-02-30" }));
    expect(result.ok ? undefined : result.errors.from).toBe("Choose a valid start date.");
  });
});

describe("hasFilters", () => {
  it("hasFilters_emptyFields_isFalse", () => {
    expect(hasFilters(EMPTY_LOG_FILTER_FIELDS)).toBe(false);
  });

  it.each([{ patient: PATIENT }, { action: "keys" as const }, { category: "0" }, { record: "1" }, { to: "2026-01-01" }, { actorChoice: DOCTOR }])("hasFilters_oneFieldSet_%j_isTrue", (overrides) => {
    expect(hasFilters(fields(overrides))).toBe(true);
  });
});

describe("fieldsFromSearch", () => {
  it("fieldsFromSearch_patientRecordAndActor_fillTheirFields", () => {
    expect(fieldsFromSearch(new URLSearchParams({ patient: PATIENT, record: "3", actor: DOCTOR }))).toEqual(fields({ patient: PATIENT, record: "3", actorChoice: OTHER_ACTOR, actorAddress: DOCTOR }));
  });

  it("fieldsFromSearch_nothing_isEmptyFields", () => {
    expect(fieldsFromSearch(new URLSearchParams())).toEqual(EMPTY_LOG_FILTER_FIELDS);
  });
});
