// The monthly report as CSV: one row per figure (key, label, this month, last month, change),
// raw numbers (ratios 0–1, minutes) so a spreadsheet can compute with them.
import { stringify } from "csv-stringify/sync";
import type { ReportData } from "./index.js";

export function reportCsv(d: ReportData): string {
  const rows: (string | number | null)[][] = [["key", "label", "unit", "this_month", "last_month", "change"]];
  for (const r of d.rows) rows.push([r.key, r.label, r.unit, r.value, r.previous, r.change === null ? null : Number(r.change.toFixed(2))]);
  const k = d.kpis;
  for (const [g, n] of Object.entries(k.moderation.byGuideline)) rows.push([`moderation.byGuideline.${g}`, `Cases under ${g}`, "count", n, d.previous.moderation.byGuideline[g] ?? 0, null]);
  for (const [a, n] of Object.entries(k.moderation.byAction)) rows.push([`moderation.byAction.${a}`, `Cases with ${a}`, "count", n, d.previous.moderation.byAction[a] ?? 0, null]);
  for (const l of k.links) rows.push([`links.${l.campaign}`, `Clicks on ${l.campaign}`, "count", l.clicks, d.previous.links.find((x) => x.campaign === l.campaign)?.clicks ?? 0, null]);
  return stringify(rows.map((r) => r.map((v) => (v === null ? "" : v))));
}
