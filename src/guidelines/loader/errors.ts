// Problems found in guideline (and guideline test) files, all reported at once with the place
// they are at and, where we can tell, how to fix them.

export interface GuidelineIssue {
  /** File as given or found (relative to the working folder when inside it). */
  file: string;
  /** 1-based; 0 when the problem is not tied to a place in the file (e.g. unreadable file). */
  line: number;
  column: number;
  /** The field: `guidelines[0].rules[1].when.wrds`; "" for the whole file. */
  path: string;
  message: string;
  fix?: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_][\w-]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

export function formatIssue(issue: GuidelineIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const field = issue.path ? ` (at ${issue.path})` : "";
  return `${where}: ${issue.message}${field}${issue.fix ? `\n    fix: ${issue.fix}` : ""}`;
}

/** Issues sorted by file, then position. */
export function sortIssues(issues: readonly GuidelineIssue[]): GuidelineIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function summarizeIssues(issues: readonly GuidelineIssue[]): string {
  const files = new Set(issues.map((i) => i.file)).size;
  return `${issues.length} problem${issues.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}`;
}

export class GuidelineError extends Error {
  readonly issues: readonly GuidelineIssue[];

  constructor(issues: readonly GuidelineIssue[]) {
    const sorted = sortIssues(issues);
    super(`${summarizeIssues(sorted)}:\n${sorted.map(formatIssue).join("\n")}`);
    this.name = "GuidelineError";
    this.issues = sorted;
  }

  /** Every issue, one block each, with a summary line first. */
  format(): string {
    return this.message;
  }
}
