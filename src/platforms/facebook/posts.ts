// `steward facebook posts`: exported posts and comments → a worklist of the guidelines'
// decisions for the admins (one line per rule hit). Each text is judged as an established
// member's message in #general, like `steward check` and `steward eval`, with a fresh rate
// window per row (an export has no reliable timing, so flood rules do not carry over).
import type { LoadedGuidelineSet } from "../../guidelines/loader/index.js";
import { explainText } from "../../guidelines/explain.js";
import type { CsvTable, SkippedRow } from "../../util/csv-read.js";
import { cell, describeHeaders, mapColumns, type FieldSpec } from "../../util/csv-headers.js";
import { CsvLayoutError } from "../../onboarding/customers-csv.js";

export const POST_FIELDS: readonly FieldSpec[] = [
  { field: "author", headers: ["author", "name", "author name", "from", "user", "member", "poster", "posted by"] },
  { field: "text", headers: ["text", "message", "content", "body", "post", "comment", "post text", "comment text"], required: true },
  { field: "date", headers: ["date", "time", "created", "created time", "created at", "timestamp", "posted", "posted at"] },
  { field: "link", headers: ["link", "url", "permalink", "post link", "post url", "comment link"] },
  { field: "type", headers: ["type", "kind", "post type"] },
];

export const WORKLIST_COLUMNS = ["row", "type", "author", "link", "date", "guideline", "rule", "suggested_actions", "matched", "explanation"] as const;

export interface PostsRun {
  rows: (string | number)[][];
  read: number;
  judged: number;
  /** Posts flagged per guideline id (a post hitting two rules of one guideline counts once). */
  flagged: Map<string, number>;
  flaggedPosts: number;
  skipped: SkippedRow[];
  warnings: string[];
}

export function judgePosts(options: { table: CsvTable; set: LoadedGuidelineSet; onProgress?: (done: number) => void }): PostsRun {
  const { table, set } = options;
  const map = mapColumns(table.headers, POST_FIELDS);
  if (map.missing.length) {
    throw new CsvLayoutError(`${table.file}: no text column (headers found: ${table.headers.join(", ") || "none"}); expected ${describeHeaders(POST_FIELDS)}`);
  }
  const warnings = map.unknown.length ? [`${table.file}: ignored column${map.unknown.length === 1 ? "" : "s"} ${map.unknown.map((u) => `"${u}"`).join(", ")}`] : [];
  const skipped = [...table.skipped];
  const rows: (string | number)[][] = [];
  const flagged = new Map<string, number>();
  let judged = 0;
  let flaggedPosts = 0;
  for (const row of table.rows) {
    const text = cell(row.cells, map, "text");
    const type = (cell(row.cells, map, "type") || "post").toLowerCase();
    if (type !== "post" && type !== "comment") {
      skipped.push({ line: row.line, reason: `type "${type}" is neither post nor comment` });
      continue;
    }
    if (!text) {
      skipped.push({ line: row.line, reason: "no text to judge" });
      continue;
    }
    const result = explainText(set, text);
    judged++;
    if (result.hits.length) flaggedPosts++;
    const seen = new Set<string>();
    for (const h of result.hits) {
      if (!seen.has(h.guideline.id)) flagged.set(h.guideline.id, (flagged.get(h.guideline.id) ?? 0) + 1);
      seen.add(h.guideline.id);
      const matched = h.matches.filter((m) => m.text).map((m) => m.text).join(" | ");
      rows.push([row.line, type, cell(row.cells, map, "author"), cell(row.cells, map, "link"), cell(row.cells, map, "date"), h.guideline.id, h.rule.id, h.rule.then.join(", "), matched, h.rule.explain]);
    }
    if (judged % 1000 === 0) options.onProgress?.(judged);
  }
  return { rows, read: table.rows.length + table.skipped.length, judged, flagged, flaggedPosts, skipped: skipped.sort((a, b) => a.line - b.line), warnings };
}
