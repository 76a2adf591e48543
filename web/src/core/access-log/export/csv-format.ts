/**
 * RFC 4180 CSV, for spreadsheets an auditor opens: CRLF rows, fields with a comma, quote or line
 * break quoted and quotes doubled. Names come from public provider profiles anyone can publish, so a
 * cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is defused with a
 * leading apostrophe (OWASP "CSV injection"). A value that already starts with apostrophes before such
 * a character gets one more, so `restoreCell` can tell the guard's apostrophe from the value's own
 * and a reader of our files gets every value back exactly.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

export function csvRows(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A cell's value as it was before `csvCell` defused it (parseCsv returns cells as a spreadsheet sees them). */
export function restoreCell(cell: string): string {
  return DEFUSED.test(cell) ? cell.slice(1) : cell;
}

export class CsvParseError extends Error {
  readonly code = "CSV_PARSE";
  constructor(readonly offset: number, reason: string) {
    super(`The CSV is malformed at character ${offset}: ${reason}.`);
    this.name = "CsvParseError";
  }
}

/** The rows of an RFC 4180 text (the inverse of csvRows, apart from the formula guard: see restoreCell). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") throw new CsvParseError(i, "a quoted field must end at a comma or a line break");
        continue;
      }
      cell += char;
      i++;
      continue;
    }
    if (char === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (char === ",") {
      endCell();
      i++;
    } else if (char === "\r" || char === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += char;
      i++;
    }
  }
  if (quoted) throw new CsvParseError(text.length, "a quoted field is not closed");
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
