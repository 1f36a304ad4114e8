// Reading a shop's order export (`steward orders import FILE.csv`): one order a row, headers
// matched by name (any case; "_", "-" and spaces alike) with the aliases Shopify and WooCommerce
// exports use (docs/insights-links.md lists them). Every problem names the file, the line, the
// column and what to fix; a file with any problem imports nothing.
import { normalizeEmail, normalizeOrder } from "../onboarding/customers.js";
import { parseCsv, readCsv, type CsvTable } from "../util/csv-read.js";
import { cell, mapColumns, type ColumnMap, type FieldSpec } from "../util/csv-headers.js";

export const ORDER_FIELDS: readonly FieldSpec[] = [
  // Shopify's export calls the order number "Name" (#1001); WooCommerce "Order ID" / "Order Number".
  { field: "order", headers: ["order id", "order", "order number", "order no", "order #", "name", "number"], required: true },
  { field: "email", headers: ["email", "e-mail", "email address", "customer email", "billing email", "email (billing)", "billing email address"] },
  { field: "customer", headers: ["customer id", "customer number", "customer user id", "client id"] },
  { field: "date", headers: ["date", "order date", "created at", "created", "date created", "order created"], required: true },
  { field: "amount", headers: ["amount", "total", "order total", "order total amount", "total amount", "grand total", "total price"], required: true },
  { field: "currency", headers: ["currency", "order currency"] },
  { field: "utmSource", headers: ["utm source", "utm_source"] },
  { field: "utmMedium", headers: ["utm medium", "utm_medium"] },
  { field: "utmCampaign", headers: ["utm campaign", "utm_campaign"] },
  { field: "member", headers: ["member", "member id", "discord id", "discord user id", "slack id", "slack user id"] },
];

export interface OrderRecord {
  /** Normal form of the order number (as screening compares them: "#A-1042" = "a1042"). */
  orderId: string;
  /** Normal form of the customer: the email lowercased, or "id:" + the customer id. */
  customer: string;
  at: Date;
  /** Two decimals, as text ("1234.50"), for the Decimal column. */
  amount: string;
  currency: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  /** Platform id of the member who placed it, when the file says. */
  member: string | null;
  line: number;
}

export interface OrderProblem {
  line: number;
  /** The header of the column at fault, when one is. */
  column?: string;
  message: string;
}

export interface ReadOrders {
  file: string;
  orders: OrderRecord[];
  /** Further rows of an order already read (Shopify writes one row per line item). */
  continuation: number;
  problems: OrderProblem[];
  unknown: string[];
}

export class OrdersLayoutError extends Error {}

/** The customer's normal form (Order.customer, MemberCustomer.customer). */
export function customerOf(email: string, customerId: string): string | null {
  if (email.trim()) return normalizeEmail(email);
  if (customerId.trim()) return `id:${customerId.trim()}`;
  return null;
}

/** "1,234.50", "$45", "45,5", "€ 12.00" → "1234.50" / "45.00" / "45.50" / "12.00"; null when not an amount. */
export function parseAmount(raw: string): string | null {
  let s = raw.trim().replace(/^[A-Z]{3}\s*/, "").replace(/\s*[A-Z]{3}$/, "").replace(/[\s$€£¥₹৳]/g, "");
  if (/^-?\d+,\d{1,2}$/.test(s)) s = s.replace(",", ".");
  else s = s.replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return `${m[1]}${m[2]!.replace(/^0+(?=\d)/, "")}.${(m[3] ?? "").padEnd(2, "0")}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** Minutes east of UTC of `tz` at instant `ms` (zones change offset on the hour: cached per hour). */
function offsetMinutes(ms: number, tz: string): number {
  const key = `${tz}\u0000${Math.floor(ms / 3_600_000)}`;
  let o = offsets.get(key);
  if (o === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, (o = computeOffset(Math.floor(ms / 3_600_000) * 3_600_000, tz)));
  }
  return o;
}

function computeOffset(ms: number, tz: string): number {
  let f = formatters.get(tz);
  if (!f) formatters.set(tz, (f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })));
  const parts = f.formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Math.round((Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * "2026-10-03", "2026-10-03 14:05", "2026-10-03T14:05:00Z", "2024-05-14 10:22:33 -0400"
 * (Shopify) → the instant; without a zone, local time in the community's time zone.
 */
export function parseOrderDate(raw: string, timeZone: string): Date | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h = "0", mi = "0", s = "0", frac = ""] = m.slice(1, 8) as string[];
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0").slice(0, 3)));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const zone = m[8];
  if (zone) {
    if (/^z$/i.test(zone)) return new Date(wall);
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    return new Date(wall - (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000);
  }
  let at = wall - offsetMinutes(wall, timeZone) * 60_000;
  at = wall - offsetMinutes(at, timeZone) * 60_000; // across a DST change, the offset at the result
  return new Date(at);
}

/** Reads an order CSV; throws OrdersLayoutError when the header lacks a needed column. */
export function readOrdersCsv(file: string, timeZone: string): ReadOrders {
  return ordersFrom(readCsv(file), timeZone);
}

export function parseOrdersCsv(text: string, timeZone: string, file = "input"): ReadOrders {
  return ordersFrom(parseCsv(text, file), timeZone);
}

function header(map: ColumnMap, table: CsvTable, field: string): string {
  const i = map.index.get(field);
  return i === undefined ? field : table.headers[i] || `column ${i + 1}`;
}

function ordersFrom(table: CsvTable, timeZone: string): ReadOrders {
  const map = mapColumns(table.headers, ORDER_FIELDS);
  const missing = map.missing.map((s) => `${s.field} (a column named ${s.headers.slice(0, 3).map((h) => `"${h}"`).join(" or ")})`);
  if (!map.index.has("email") && !map.index.has("customer")) missing.push('the customer (a column "email" or "customer id")');
  if (missing.length) {
    throw new OrdersLayoutError(`${table.file}:1: the header has no column for ${missing.join(", ")}; headers found: ${table.headers.map((h) => `"${h}"`).join(", ") || "none"}`);
  }
  const problems: OrderProblem[] = table.skipped.map((s) => ({ line: s.line, message: s.reason }));
  const byId = new Map<string, OrderRecord>();
  let continuation = 0;
  const col = (f: string) => header(map, table, f);
  for (const row of table.rows) {
    const get = (f: string) => cell(row.cells, map, f).trim();
    const bad = (field: string, message: string) => problems.push({ line: row.line, column: col(field), message });
    const rawOrder = get("order");
    const orderId = normalizeOrder(rawOrder);
    if (!orderId) {
      bad("order", rawOrder ? `"${rawOrder}" is not an order number` : "the order number is empty");
      continue;
    }
    const rawAmount = get("amount");
    const seen = byId.get(orderId);
    if (seen && !rawAmount) {
      continuation++; // another line item of the same order
      continue;
    }
    const customer = customerOf(get("email"), get("customer"));
    const at = parseOrderDate(get("date"), timeZone);
    const amount = parseAmount(rawAmount);
    if (!customer) problems.push({ line: row.line, column: map.index.has("email") ? col("email") : col("customer"), message: "no customer: give the email or the customer id" });
    if (!at) bad("date", get("date") ? `"${get("date")}" is not a date; write YYYY-MM-DD, optionally with a time (2026-10-03 14:05) and zone (Z, +02:00)` : "the date is empty");
    if (amount === null) bad("amount", rawAmount ? `"${rawAmount}" is not an amount; write a number with at most two decimals, e.g. 49.90` : "the amount is empty");
    else if (amount.startsWith("-")) bad("amount", `${rawAmount} is negative; import orders, not refunds`);
    else if (amount.length > 15) bad("amount", `${rawAmount} is too large (at most 999999999999.99)`);
    if (!customer || !at || amount === null || amount.startsWith("-") || amount.length > 15) continue;
    if (seen) {
      if (seen.amount !== amount || seen.customer !== customer) bad("order", `order "${rawOrder}" appears again with a different ${seen.amount !== amount ? "amount" : "customer"} (first on line ${seen.line}); each order once, please`);
      else continuation++;
      continue;
    }
    const opt = (f: string) => get(f) || null;
    const rec: OrderRecord = {
      orderId,
      customer,
      at,
      amount,
      currency: opt("currency")?.toUpperCase() ?? null,
      utmSource: opt("utmSource"),
      utmMedium: opt("utmMedium"),
      utmCampaign: opt("utmCampaign"),
      member: opt("member"),
      line: row.line,
    };
    byId.set(orderId, rec);
  }
  return { file: table.file, orders: [...byId.values()], continuation, problems: problems.sort((a, b) => a.line - b.line), unknown: map.unknown };
}

/** "orders.csv:12: column "Total": …" */
export function formatProblem(file: string, p: OrderProblem): string {
  return `${file}:${p.line}: ${p.column ? `column "${p.column}": ` : ""}${p.message}`;
}
