// The rule tests format: `rules/<name>.tests.yaml` beside `rules/<name>.yaml`.
import { z } from "zod";
import { sortIssues, type GuidelineIssue } from "../loader/errors.js";
import { parseYaml, topLevelProblem } from "../loader/yaml.js";
import { fromZodIssues } from "../loader/zod-issues.js";
import { messageContextSchema, type MessageContext } from "./context.js";

const ruleRef = z.string().regex(/^[a-z0-9][a-z0-9_-]*\/[a-z0-9][a-z0-9_-]*$/, "write a rule as `<guideline>/<rule>`, e.g. `respect/insult-at-person`");

export const ruleTestSchema = z
  .object({
    name: z.string().optional().describe("What the case is about (shown when it fails)."),
    text: z.string().describe("The message."),
    context: messageContextSchema.optional(),
    expect: z.array(ruleRef).optional().describe("Exactly these rules match; [] = none."),
    expect_includes: z.array(ruleRef).min(1).optional().describe("At least these rules match; others may too."),
    expect_excludes: z.array(ruleRef).min(1).optional().describe("None of these rules match."),
  })
  .strict()
  .refine((t) => t.expect !== undefined || t.expect_includes !== undefined || t.expect_excludes !== undefined, {
    message: "a test needs `expect:` (exactly these rules; [] for none), `expect_includes:` or `expect_excludes:`",
  })
  .refine((t) => t.expect === undefined || t.expect_includes === undefined, {
    message: "give either `expect:` (exact) or `expect_includes:` (at least), not both",
  });

export const ruleTestsFileSchema = z.object({ tests: z.array(ruleTestSchema).min(1, "no tests listed") }).strict();

export interface RuleTestCase {
  line: number;
  name?: string;
  text: string;
  context: MessageContext;
  /** Exact expectation, when `expect:` is given. */
  expect?: string[];
  includes: string[];
  excludes: string[];
  /** Lines of the rule ids, for "unknown rule" messages. */
  refs: { ref: string; line: number; column: number; path: string }[];
}

export interface ParsedRuleTests {
  file: string;
  cases: RuleTestCase[];
  issues: GuidelineIssue[];
}

export function parseRuleTests(text: string, file: string): ParsedRuleTests {
  const out: ParsedRuleTests = { file, cases: [], issues: [] };
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { ...out, issues: parsed.issues };
  const yaml = parsed.yaml;
  const top = topLevelProblem(yaml, "tests");
  if (top) return { ...out, issues: [top] };
  const r = ruleTestsFileSchema.safeParse(yaml.value);
  if (!r.success) return { ...out, issues: sortIssues(fromZodIssues(r.error.issues, ruleTestsFileSchema, yaml.value).map((i) => yaml.locate(i))) };
  out.cases = r.data.tests.map((t, i) => {
    const refs: RuleTestCase["refs"] = [];
    for (const key of ["expect", "expect_includes", "expect_excludes"] as const)
      (t[key] ?? []).forEach((ref, j) => {
        const loc = yaml.locate({ path: ["tests", i, key, j], message: "" });
        refs.push({ ref, line: loc.line, column: loc.column, path: loc.path });
      });
    const c: RuleTestCase = {
      line: yaml.position(["tests", i]).line,
      text: t.text,
      context: t.context ?? {},
      includes: t.expect_includes ?? [],
      excludes: t.expect_excludes ?? [],
      refs,
    };
    if (t.name !== undefined) c.name = t.name;
    if (t.expect !== undefined) c.expect = t.expect;
    return c;
  });
  return out;
}
