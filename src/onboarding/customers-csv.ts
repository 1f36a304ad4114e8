// A customer list for verification (`--customers customers.csv`): name, email, order; loaded
// into memory for one run. Values are compared in normal form (src/onboarding/customers.ts).
import { MemoryCustomers, type CustomerRecord } from "./customers.js";
import { readCsv, type SkippedRow } from "../util/csv-read.js";
import { cell, describeHeaders, mapColumns, type FieldSpec } from "../util/csv-headers.js";

export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  { field: "name", headers: ["name", "customer", "customer name", "full name"] },
  { field: "email", headers: ["email", "e-mail", "email address", "e-mail address", "mail"] },
  { field: "order", headers: ["order", "order number", "order_id", "order id", "order no", "order #", "order_number", "invoice"] },
];

export class CsvLayoutError extends Error {}

export interface LoadedCustomers {
  directory: MemoryCustomers;
  count: number;
  skipped: SkippedRow[];
  unknown: string[];
}

/** The customer records of a CSV file (rows without an email or order number skipped, with their line). */
export function readCustomerRecords(file: string): { records: CustomerRecord[]; skipped: SkippedRow[]; unknown: string[] } {
  const table = readCsv(file);
  const map = mapColumns(table.headers, CUSTOMER_FIELDS);
  if (!map.index.has("email") && !map.index.has("order")) {
    throw new CsvLayoutError(`${file}: no email or order column (headers found: ${table.headers.join(", ") || "none"}); expected ${describeHeaders(CUSTOMER_FIELDS)}`);
  }
  const skipped = [...table.skipped];
  const records: CustomerRecord[] = [];
  for (const row of table.rows) {
    const email = cell(row.cells, map, "email");
    const order = cell(row.cells, map, "order");
    if (!email && !order) {
      skipped.push({ line: row.line, reason: "no email and no order number" });
      continue;
    }
    const name = cell(row.cells, map, "name");
    records.push({ ...(name && { name }), ...(email && { email }), ...(order && { order }) });
  }
  return { records, skipped: skipped.sort((a, b) => a.line - b.line), unknown: map.unknown };
}

export function loadCustomersCsv(file: string, community: string): LoadedCustomers {
  const { records, skipped, unknown } = readCustomerRecords(file);
  const directory = new MemoryCustomers();
  for (const r of records) directory.add(community, r);
  return { directory, count: records.length, skipped, unknown };
}
