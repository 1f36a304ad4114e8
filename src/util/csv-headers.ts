// Matching the header row of an export to the fields Steward needs: case, spaces, "_" and "-"
// do not matter, and each field has the aliases exporters and admins commonly use.

/** "Order_ID", "order-id" and " Order  id " all become "order id". */
export function normalizeHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s_\-]+/g, " ").replace(/[?:.]+$/, "").trim();
}

export interface FieldSpec {
  field: string;
  /** The documented header first, then aliases (any case). */
  headers: readonly string[];
  required?: boolean;
}

export interface ColumnMap {
  /** field → header position. */
  index: Map<string, number>;
  /** Headers no field or claim took (reported once as a warning). */
  unknown: string[];
  /** Required fields without a column. */
  missing: FieldSpec[];
}

/**
 * Maps headers to fields. `claim` may take further columns (e.g. one per screening question)
 * and returns the key it files them under, or null.
 */
export function mapColumns(headers: readonly string[], specs: readonly FieldSpec[], claim?: (normalized: string) => string | null): ColumnMap {
  const index = new Map<string, number>();
  const unknown: string[] = [];
  headers.forEach((raw, i) => {
    const h = normalizeHeader(raw);
    const spec = specs.find((s) => s.headers.some((x) => normalizeHeader(x) === h));
    const key = spec?.field ?? claim?.(h) ?? null;
    if (key === null || index.has(key)) unknown.push(raw || `(column ${i + 1}, no header)`);
    else index.set(key, i);
  });
  const missing = specs.filter((s) => s.required && !index.has(s.field));
  return { index, unknown, missing };
}

export function describeHeaders(specs: readonly FieldSpec[]): string {
  return specs.map((s) => `${s.field}${s.required ? " (required)" : ""}: ${s.headers.map((h) => `"${h}"`).join(", ")}`).join("; ");
}

/** The cell of a field in a row, "" when the file has no such column. */
export function cell(cells: readonly string[], map: ColumnMap, field: string): string {
  const i = map.index.get(field);
  return i === undefined ? "" : (cells[i] ?? "");
}
