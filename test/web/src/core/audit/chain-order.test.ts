import { describe, expect, it } from "vitest";

import { EntriesOutOfOrderError, isBefore, lastIndexBefore, positionOf, requireChainOrder } from "../../../../../web/src/core/audit/chain-order.js";
import { Category } from "../../../../helpers/fixture.js";
import { alice, doctor, LogBuilder } from "./support.js";

const log = LogBuilder.withParticipants();
log.grant(alice, doctor, [Category.GeneralNotes]);
log.read(doctor, alice, 1n, Category.GeneralNotes, 0, true);
const positions = log.entries.map(positionOf);

describe("chain order", () => {
  it("isBefore_blockThenLogIndex_ordersPositions", () => {
    const [a, b] = positions.slice(-2);
    expect([isBefore(a!, b!), isBefore(b!, a!), isBefore(a!, a!)]).toEqual([true, false, false]);
    expect(isBefore(positions[0]!, a!)).toBe(true);
  });

  it("requireChainOrder_repeatedOrSwappedEntries_throwsEntriesOutOfOrder", () => {
    expect(() => requireChainOrder(log.entries)).not.toThrow();
    expect(() => requireChainOrder([log.entries[0]!, log.entries[0]!])).toThrow(EntriesOutOfOrderError);
    expect(() => requireChainOrder([log.entries[1]!, log.entries[0]!])).toThrow(/chain order/);
  });

  it("lastIndexBefore_eachPosition_isTheIndexOfTheItemBeforeIt", () => {
    const found = positions.map((position) => lastIndexBefore(positions, position, (item) => item));
    expect(found).toEqual(positions.map((_, index) => index - 1));
    expect(lastIndexBefore([], positions[0]!, (item) => item)).toBe(-1);
  });
});
