// Reading an admin's CSV export: every record with the CSV line it starts on, and every record
// that could not be read with its line and why (skipped; the rest is still read).
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** The CSV line the record starts on (the header is line 1). */
  line: number;
  /** Cells by header position. */
  cells: string[];
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface CsvTable {
  file: string;
  headers: string[];
  rows: CsvRow[];
  skipped: SkippedRow[];
}

/** Excel's "Unicode text" and some exporters write UTF-16 with a byte-order mark. */
function decode(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  return buf.toString("utf8");
}

/** csv-parse's messages name its options; say what an admin can fix instead. */
function reasonOf(err: { code?: string; message: string }, headerCount: number): string {
  switch (err.code) {
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const got = /got (\d+)/.exec(err.message)?.[1];
      return `has ${got ?? "a different number of"} values but the header has ${headerCount} columns (a comma inside a value needs the value in "double quotes")`;
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a "double quote" opened here is never closed, so the rest of the file could not be read';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a "double quote" inside a quoted value must be doubled ("")';
    default:
      return err.message.replace(/ on line \d+$/, "");
  }
}

export function readCsv(file: string): CsvTable {
  return parseCsv(decode(readFileSync(file)), file);
}

export function parseCsv(text: string, file = "input"): CsvTable {
  let headers: string[] = [];
  const skipped: SkippedRow[] = [];
  const records = parse(text, {
    bom: true,
    // Keys by position: headers may repeat or differ only in case; callers map them.
    columns: (h: string[]) => {
      headers = h.map((x) => String(x ?? "").trim());
      return headers.map((_, i) => `c${i}`);
    },
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) skipped.push({ line: Number((err as { lines?: number }).lines ?? 0), reason: reasonOf(err as { code?: string; message: string }, headers.length) });
    },
  }) as unknown as { record: Record<string, string | undefined>; info: { lines: number }; raw: string }[];
  const rows: CsvRow[] = [];
  for (const r of records) {
    const cells = headers.map((_, i) => (r.record[`c${i}`] ?? "").trim());
    if (cells.every((c) => c === "")) continue; // a row of empty cells (",,,") is not a record
    // info.lines is where the record ends; a quoted value may span lines.
    const inside = r.raw.replace(/\r?\n$/, "").split("\n").length - 1;
    rows.push({ line: r.info.lines - inside, cells });
  }
  return { file, headers, rows, skipped: skipped.sort((a, b) => a.line - b.line) };
}
