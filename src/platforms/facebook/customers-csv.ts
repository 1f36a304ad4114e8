// A customer list for verification (`--customers customers.csv`): name, email, order; loaded
// into memory for one run. Values are compared in normal form (src/onboarding/customers.ts).
import { MemoryCustomers } from "../../onboarding/customers.js";
import { readCsv, type SkippedRow } from "./csv-read.js";
import { cell, describeHeaders, mapColumns, type FieldSpec } from "./headers.js";

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

export function loadCustomersCsv(file: string, community: string): LoadedCustomers {
  const table = readCsv(file);
  const map = mapColumns(table.headers, CUSTOMER_FIELDS);
  if (!map.index.has("email") && !map.index.has("order")) {
    throw new CsvLayoutError(`${file}: no email or order column (headers found: ${table.headers.join(", ") || "none"}); expected ${describeHeaders(CUSTOMER_FIELDS)}`);
  }
  const directory = new MemoryCustomers();
  const skipped = [...table.skipped];
  let count = 0;
  for (const row of table.rows) {
    const email = cell(row.cells, map, "email");
    const order = cell(row.cells, map, "order");
    if (!email && !order) {
      skipped.push({ line: row.line, reason: "no email and no order number" });
      continue;
    }
    const name = cell(row.cells, map, "name");
    directory.add(community, { ...(name && { name }), ...(email && { email }), ...(order && { order }) });
    count++;
  }
  return { directory, count, skipped: skipped.sort((a, b) => a.line - b.line), unknown: map.unknown };
}
