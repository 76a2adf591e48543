import { describe, expect, it } from "vitest";

import { csvCell, CsvParseError, csvRows, parseCsv, restoreCell } from "../../../../../../web/src/core/access-log/export/csv-format.js";

describe("csvCell", () => {
  it("csvCell_plainText_isLeftAlone", () => {
    expect(csvCell("record-read")).toBe("record-read");
  });

  it("csvCell_commaQuoteOrLineBreak_isQuotedWithQuotesDoubled", () => {
    expect(csvCell('St. Mary\'s, "North"')).toBe('"St. Mary\'s, ""North"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("csvCell_formulaStart_isDefusedWithAnApostrophe", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});

describe("restoreCell", () => {
  it("restoreCell_valuesTheGuardTouchesOrNot_comeBackExactly", () => {
    const values = ["=1+1", "'=1+1", "''+2", "-", "@x", "\tx", "'plain", "''", " =x", "plain", ""];
    const [cells] = parseCsv(csvRows([values]));
    expect(cells?.map(restoreCell)).toEqual(values);
  });

  it("csvCell_apostropheBeforeAFormula_getsOneMoreSoTheSpreadsheetStillShowsText", () => {
    expect(csvCell("'=1+1")).toBe("''=1+1");
    expect(csvCell("'plain")).toBe("'plain");
  });
});

describe("parseCsv", () => {
  it("parseCsv_rowsWrittenByCsvRows_comeBackCellForCell", () => {
    const rows = [
      ["a", "b, c", 'say "hi"'],
      ["", "line\r\nbreak", "x"],
    ];
    expect(parseCsv(csvRows(rows))).toEqual(rows);
  });

  it("parseCsv_lfLineEndingsAndNoFinalBreak_areAccepted", () => {
    expect(parseCsv("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("parseCsv_unclosedQuote_throwsCsvParseError", () => {
    expect(() => parseCsv('a,"b')).toThrow(CsvParseError);
  });

  it("parseCsv_textAfterAClosingQuote_throwsCsvParseError", () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/must end at a comma/);
  });
});
