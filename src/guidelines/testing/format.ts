// Rule test results as text for the terminal.
import { formatIssue, sortIssues } from "../loader/errors.js";
import type { RuleTestResult, RulesTestReport } from "./runner.js";

const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "(nothing)");

export function formatTestResult(r: RuleTestResult): string {
  const head = `${r.ok ? "ok  " : "FAIL"} ${r.file}:${r.line}  ${JSON.stringify(r.text.length > 70 ? `${r.text.slice(0, 69)}…` : r.text)}${r.name ? `  (${r.name})` : ""}`;
  if (r.ok) return head;
  const lines = [head];
  if (r.mode === "exact") lines.push(`     expected: ${list(r.expected)}`);
  else if (r.mode === "includes") lines.push(`     expected at least: ${list(r.expected)}`);
  if (r.excluded.length) lines.push(`     expected none of: ${list(r.excluded)}`);
  lines.push(`     got:      ${list(r.got)}`);
  for (const p of r.problems) lines.push(`     ${p}`);
  for (const e of r.explanations) lines.push(`     matched ${e}`);
  return lines.join("\n");
}

/** Failures (all results with `verbose`), problems in files, then the summary line. */
export function formatTestReport(report: RulesTestReport, options: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  for (const r of report.results) if (options.verbose || !r.ok) out.push(formatTestResult(r));
  for (const i of sortIssues(report.issues)) out.push(formatIssue(i));
  out.push(`${report.ok ? "ok" : "FAILED"}: ${report.summary}`);
  return out.join("\n");
}
