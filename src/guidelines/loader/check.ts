// `steward rules check [DIR]`: validates every guideline file and every rule tests file in a
// folder and reports all problems at once.
import { readFile } from "node:fs/promises";
import { parseRuleTests } from "../testing/tests-file.js";
import { unknownRuleIssues } from "../testing/runner.js";
import { formatIssue, sortIssues, summarizeIssues, type GuidelineIssue } from "./errors.js";
import { tryLoadGuidelines, type LoadOptions } from "./index.js";
import { defaultRulesDir, displayPath, filesIn, isGuidelineFile, isTestsFile } from "./sources.js";

export interface RulesCheckReport {
  ok: boolean;
  issues: GuidelineIssue[];
  summary: string;
  /** Guideline files and tests files checked. */
  files: string[];
  guidelines: number;
  rules: number;
  tests: number;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;

export async function rulesCheck(dir: string = defaultRulesDir(), options: LoadOptions = {}): Promise<RulesCheckReport> {
  const { set, issues } = await tryLoadGuidelines(dir, options);
  const guidelineFiles = await filesIn(dir, isGuidelineFile).catch(() => [] as string[]);
  const testFiles = await filesIn(dir, isTestsFile).catch(() => [] as string[]);
  let tests = 0;
  for (const abs of testFiles) {
    const parsed = parseRuleTests(await readFile(abs, "utf8"), displayPath(abs));
    tests += parsed.cases.length;
    issues.push(...parsed.issues);
    if (set) issues.push(...unknownRuleIssues(set, parsed));
  }
  const guidelines = set?.guidelines.length ?? 0;
  const rules = set?.ruleCount ?? 0;
  const counts = `${plural(guidelineFiles.length, "guideline file")}, ${plural(guidelines, "guideline")}, ${plural(rules, "rule")}, ${plural(tests, "test")}`;
  return {
    ok: issues.length === 0,
    issues: sortIssues(issues),
    summary: issues.length ? `${summarizeIssues(issues)}` : `${counts}: all valid`,
    files: [...guidelineFiles, ...testFiles].map(displayPath),
    guidelines,
    rules,
    tests,
  };
}

export function formatCheckReport(report: RulesCheckReport): string {
  return [...report.issues.map(formatIssue), `${report.ok ? "ok" : "invalid"}: ${report.summary}`].join("\n");
}
