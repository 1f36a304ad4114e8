// `steward facebook screen`: membership answers an admin exported → approve/decline/review per
// applicant, from the community's `onboarding.screening` settings and the same screenApplicant
// that Discord and replay use.
import { screenApplicant, type Answer, type ScreeningDecision } from "../../onboarding/screening.js";
import type { Question, ScreeningSettings } from "../../onboarding/settings.js";
import type { CustomerDirectory } from "../../onboarding/customers.js";
import type { CsvTable, SkippedRow } from "../../util/csv-read.js";
import { cell, describeHeaders, mapColumns, normalizeHeader, type FieldSpec } from "../../util/csv-headers.js";
import { CsvLayoutError } from "../../onboarding/customers-csv.js";

export const ANSWER_FIELDS: readonly FieldSpec[] = [
  { field: "name", headers: ["name", "full name", "applicant", "member", "user", "user name"], required: true },
  { field: "profile", headers: ["profile link", "profile", "profile url", "link", "url", "facebook profile"] },
  { field: "date", headers: ["request date", "date", "requested", "requested at", "request time", "date requested"] },
];

export const DECISION_COLUMNS = ["row", "name", "profile_link", "request_date", "decision", "score", "reasons", "decline_reasons", "customer_check"] as const;

export interface ScreenRun {
  rows: (string | number)[][];
  counts: Record<ScreeningDecision, number>;
  read: number;
  skipped: SkippedRow[];
  warnings: string[];
}

const questionKey = (q: Question) => `q:${q.id}`;

/** Facebook exports a multiple-choice answer as "a; b"; a value that is itself a choice stays whole. */
function answerOf(q: Question, text: string): Answer | undefined {
  if (!text) return undefined;
  if (q.type !== "choice" || q.choices!.some((c) => c.value.toLowerCase() === text.toLowerCase())) return text;
  const parts = text.split(/\s*[;|]\s*/).filter(Boolean);
  return parts.length > 1 ? parts : text;
}

function customerCheck(r: Awaited<ReturnType<typeof screenApplicant>>): string {
  return r.verifications.map((v) => `${v.found ? "found" : "not found"}: ${v.key === "email" ? "email" : "order"} ${v.value}`).join("; ");
}

export async function screenAnswers(options: {
  table: CsvTable;
  community: string;
  settings: ScreeningSettings;
  customers: CustomerDirectory | null;
  now?: number;
  onProgress?: (done: number) => void;
}): Promise<ScreenRun> {
  const { table, settings } = options;
  const byHeader = new Map<string, Question>();
  for (const q of settings.questions) {
    byHeader.set(normalizeHeader(q.id), q);
    byHeader.set(normalizeHeader(q.label), q);
  }
  const map = mapColumns(table.headers, ANSWER_FIELDS, (h) => {
    const q = byHeader.get(h);
    return q ? questionKey(q) : null;
  });
  if (map.missing.length) {
    throw new CsvLayoutError(
      `${table.file}: no ${map.missing.map((m) => m.field).join(", ")} column (headers found: ${table.headers.join(", ") || "none"}); expected ${describeHeaders(ANSWER_FIELDS)}, and one column per question headed by its id or label: ${settings.questions.map((q) => `${q.id} ("${q.label}")`).join(", ")}`,
    );
  }
  const warnings: string[] = [];
  if (map.unknown.length) warnings.push(`${table.file}: ignored column${map.unknown.length === 1 ? "" : "s"} ${map.unknown.map((u) => `"${u}"`).join(", ")} (not a question id or label, nor name, profile link, request date)`);
  for (const q of settings.questions) {
    if (!map.index.has(questionKey(q))) warnings.push(`${table.file}: no column for question ${q.id} ("${q.label}"); every applicant counts as not answering it`);
  }

  const counts: Record<ScreeningDecision, number> = { approve: 0, decline: 0, review: 0 };
  const rows: (string | number)[][] = [];
  const skipped = [...table.skipped];
  let done = 0;
  for (const row of table.rows) {
    const name = cell(row.cells, map, "name");
    if (!name) {
      skipped.push({ line: row.line, reason: "no name" });
      continue;
    }
    const answers: Record<string, Answer> = {};
    for (const q of settings.questions) {
      const a = answerOf(q, cell(row.cells, map, questionKey(q)));
      if (a !== undefined) answers[q.id] = a;
    }
    const date = cell(row.cells, map, "date");
    const parsed = date ? Date.parse(date) : NaN;
    const result = await screenApplicant(settings, { community: options.community, answers, at: Number.isNaN(parsed) ? (options.now ?? Date.now()) : parsed }, options.customers);
    counts[result.decision]++;
    rows.push([row.line, name, cell(row.cells, map, "profile"), date, result.decision, result.score, result.reasons.join("; "), result.declineReasons.join("; "), customerCheck(result)]);
    if (++done % 1000 === 0) options.onProgress?.(done);
  }
  return { rows, counts, read: table.rows.length + table.skipped.length, skipped: skipped.sort((a, b) => a.line - b.line), warnings };
}
