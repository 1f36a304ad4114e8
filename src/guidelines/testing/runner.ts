// Runs rule tests: each case's `before` messages then its text go through the loaded set (fresh
// rate store per case); the rules that hit are compared with what the case expects.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedGuidelineSet } from "../engine.js";
import type { GuidelineIssue } from "../loader/errors.js";
import { tryLoadGuidelines, type LoadOptions } from "../loader/index.js";
import { defaultRulesDir, displayPath, filesIn, isGuidelineFile, isTestsFile } from "../loader/sources.js";
import { didYouMean } from "../loader/suggest.js";
import { contextInputs } from "./context.js";
import { parseRuleTests, type ParsedRuleTests, type RuleTestCase } from "./tests-file.js";

export interface RuleTestResult {
  file: string;
  line: number;
  name?: string;
  text: string;
  /** `expect:` when given (exact), else `expect_includes:`. */
  expected: string[];
  mode: "exact" | "includes" | "excludes";
  /** `expect_excludes:`. */
  excluded: string[];
  /** Rules that matched, among those this case looks at. */
  got: string[];
  ok: boolean;
  /** Why it failed, one line each: "missing respect/insult", "unexpected no-link-spam/flood". */
  problems: string[];
  /** The engine's one-line explanation of every rule in `got`. */
  explanations: string[];
}

export interface RulesTestReport {
  ok: boolean;
  results: RuleTestResult[];
  /** Problems that stop tests from running: invalid guideline or test files. */
  issues: GuidelineIssue[];
  /** Tests files found. */
  files: string[];
  summary: string;
}

/**
 * Runs one tests file against a set. `scope` (guideline ids) limits what a case looks at; rules of
 * guidelines a case names in its expectations are always looked at.
 */
export function runRuleTests(set: LoadedGuidelineSet, tests: ParsedRuleTests, scope?: ReadonlySet<string>): RuleTestResult[] {
  return tests.cases.map((c) => runCase(set, tests.file, c, scope));
}

function runCase(set: LoadedGuidelineSet, file: string, c: RuleTestCase, scope?: ReadonlySet<string>): RuleTestResult {
  const named = [...(c.expect ?? []), ...c.includes, ...c.excludes];
  const problems: string[] = [];
  const known = set.rules.map((r) => r.ref);
  for (const ref of new Set(named)) if (!set.findRule(ref)) problems.push(`unknown rule \`${ref}\`: ${didYouMean(ref, known, "rules")}`);

  const looked = scope ? new Set([...scope, ...named.map((r) => r.split("/")[0]!)]) : undefined;
  const inputs = contextInputs(c.text, c.context);
  for (let i = 0; i < inputs.length - 1; i++) set.evaluate(inputs[i]!);
  const hits = set.evaluate(inputs[inputs.length - 1]!).filter((h) => !looked || looked.has(h.guideline.id));
  const got = [...new Set(hits.map((h) => `${h.guideline.id}/${h.rule.id}`))];

  if (c.expect) {
    const missing = c.expect.filter((r) => !got.includes(r));
    const extra = got.filter((r) => !c.expect!.includes(r));
    if (missing.length) problems.push(`missing: ${missing.join(", ")}`);
    if (extra.length) problems.push(`unexpected: ${extra.join(", ")}`);
  }
  const missing = c.includes.filter((r) => !got.includes(r));
  if (missing.length) problems.push(`missing: ${missing.join(", ")}`);
  const forbidden = c.excludes.filter((r) => got.includes(r));
  if (forbidden.length) problems.push(`should not match: ${forbidden.join(", ")}`);

  const result: RuleTestResult = {
    file,
    line: c.line,
    text: c.text,
    expected: c.expect ?? c.includes,
    mode: c.expect ? "exact" : c.includes.length ? "includes" : "excludes",
    excluded: c.excludes,
    got,
    ok: problems.length === 0,
    problems,
    explanations: hits.map((h) => h.explanation),
  };
  if (c.name !== undefined) result.name = c.name;
  return result;
}

/** Guideline ids of the `<name>.yaml` beside `<name>.tests.yaml`; undefined (= all) when there is none. */
export function scopeOf(set: LoadedGuidelineSet, testsFile: string, siblings: readonly string[]): ReadonlySet<string> | undefined {
  const stem = path.basename(testsFile).replace(/\.tests\.ya?ml$/i, "");
  const sibling = siblings.find((f) => path.basename(f).replace(/\.ya?ml$/i, "") === stem);
  if (!sibling) return undefined;
  const shown = displayPath(sibling);
  return new Set(set.rules.filter((r) => r.guideline.file === path.basename(sibling) || r.guideline.file === shown).map((r) => r.guideline.id));
}

/** Issues for rule ids a tests file names that no guideline defines (for `steward rules check`). */
export function unknownRuleIssues(set: LoadedGuidelineSet, tests: ParsedRuleTests): GuidelineIssue[] {
  const known = set.rules.map((r) => r.ref);
  return tests.cases.flatMap((c) =>
    c.refs
      .filter((r) => !set.findRule(r.ref))
      .map((r) => ({ file: tests.file, line: r.line, column: r.column, path: r.path, message: `unknown rule \`${r.ref}\``, fix: didYouMean(r.ref, known, "rules") })),
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Loads the rules in `dir`, runs every `*.tests.yaml` in it. */
export async function rulesTest(dir: string = defaultRulesDir(), options: LoadOptions = {}): Promise<RulesTestReport> {
  const { set, issues } = await tryLoadGuidelines(dir, options);
  const testFiles = await filesIn(dir, isTestsFile);
  const guidelineFiles = await filesIn(dir, isGuidelineFile);
  const results: RuleTestResult[] = [];
  let cases = 0;
  for (const abs of testFiles) {
    const parsed = parseRuleTests(await readFile(abs, "utf8"), displayPath(abs));
    issues.push(...parsed.issues);
    cases += parsed.cases.length;
    if (set) results.push(...runRuleTests(set, parsed, scopeOf(set, abs, guidelineFiles)));
  }
  const failed = results.filter((r) => !r.ok).length;
  const inFiles = `${plural(cases, "test")} in ${plural(testFiles.length, "file")}`;
  const parts = [
    !testFiles.length
      ? `no rule tests in ${displayPath(dir)} (write <name>.tests.yaml beside <name>.yaml)`
      : set
        ? `${inFiles}: ${results.length - failed} passed, ${failed} failed`
        : `${inFiles} not run`,
  ];
  if (issues.length) parts.push(`${plural(issues.length, "problem")} in guideline or test files`);
  return { ok: failed === 0 && issues.length === 0, results, issues, files: testFiles.map(displayPath), summary: parts.join("; ") };
}
