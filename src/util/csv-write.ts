// Writing a CSV for admins (opens in Excel and Google Sheets; UTF-8 with a BOM so Excel shows
// Bengali correctly).
import { stringify } from "csv-stringify/sync";

export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[], bom = false): string {
  return stringify(rows.map((r) => [...r]), { header: true, columns: [...columns], bom });
}
