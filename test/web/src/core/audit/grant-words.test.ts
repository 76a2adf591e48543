import { describe, expect, it } from "vitest";

import { GrantIndex } from "../../../../../web/src/core/audit/grant-periods.js";
import { refusalPhrase, scopeWords, underGrantPhrase } from "../../../../../web/src/core/audit/grant-words.js";
import { underGrant } from "../../../../../web/src/core/audit/under-grant.js";
import { alice, doctor, LogBuilder } from "./support.js";

const NOTES = 0;
const LABS = 1;
const time = (unixSeconds: number) => `t${unixSeconds}`;

describe("scopeWords", () => {
  it("scopeWords_readAndWrite_listsReadOnlyThenReadAndWrite", () => {
    expect(scopeWords({ readCategories: [NOTES, LABS], writeCategories: [LABS] })).toBe("read general notes; read and write lab results");
    expect(scopeWords({ readCategories: [4], writeCategories: [] })).toBe("read billing and claims");
  });
});

describe("underGrantPhrase", () => {
  it("underGrantPhrase_eachBasis_saysOwnDataTheGrantOrWhyNone", () => {
    const log = LogBuilder.withParticipants();
    const own = log.add(alice, alice, 1n, NOTES);
    const outside = log.read(doctor, alice, 1n, NOTES);
    const granted = log.grant(alice, doctor, [NOTES, LABS], [LABS]);
    const covered = log.read(doctor, alice, 1n, NOTES);
    const grants = GrantIndex.of(log.entries);
    const phrase = (entry: typeof own) => underGrantPhrase(underGrant(grants, entry)!, time);
    expect(phrase(own)).toBe("own data");
    expect(phrase(covered)).toBe(`grant of t${granted.timestamp}: read general notes; read and write lab results`);
    expect(phrase(outside)).toBe(`no grant covered this: ${refusalPhrase("no-grant")}`);
    expect(refusalPhrase("no-grant")).toBe("the patient had granted nothing to this party");
  });
});
