// Printing an eval report: a table for people, one JSON object for tools.
import type { EvalReport } from "./run.js";
import type { Scores } from "./metrics.js";

/** The `--json` output: exactly {total, any, guidelines, messagesPerSecond}. */
export function evalReportJson(report: EvalReport): { total: number; any: Scores; guidelines: Record<string, Scores>; messagesPerSecond: number } {
  return { total: report.total, any: report.any, guidelines: report.guidelines, messagesPerSecond: report.messagesPerSecond };
}

const int = (n: number) => n.toLocaleString("en-US");
const fixed = (n: number) => n.toFixed(3);

/** How a bad line is reported (stderr in the CLI). */
export function formatBadLine(file: string, b: { line: number; reason: string }): string {
  return `${file}:${b.line}: skipped: ${b.reason}`;
}

/** A readable table: one row for "any guideline", one per guideline. */
export function formatEvalReport(report: EvalReport, options: { badLines?: boolean; maxBadLines?: number } = {}): string {
  const rows: [string, Scores][] = [["any guideline", report.any], ...Object.entries(report.guidelines)];
  const header = ["", "tp", "fp", "fn", "tn", "precision", "recall", "f1"];
  const cells = rows.map(([name, s]) => [name, int(s.tp), int(s.fp), int(s.fn), int(s.tn), fixed(s.precision), fixed(s.recall), fixed(s.f1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ").trimEnd();
  const labels = report.positiveLabels.length ? `, positive labels: ${report.positiveLabels.join(", ")}` : "";
  const out = [
    `${report.file}: ${int(report.total)} message${report.total === 1 ? "" : "s"}${labels}${report.skipped.length ? ` (${int(report.skipped.length)} bad line${report.skipped.length === 1 ? "" : "s"} skipped)` : ""}`,
    "",
    line(header),
    ...cells.map(line),
    "",
    `judged at ${int(report.messagesPerSecond)} messages/s`,
  ];
  const max = options.maxBadLines ?? 10;
  if (report.skipped.length && options.badLines !== false) {
    out.push("", ...report.skipped.slice(0, max).map((b) => formatBadLine(report.file, b)));
    if (report.skipped.length > max) out.push(`… and ${int(report.skipped.length - max)} more bad lines`);
  }
  return out.join("\n");
}
