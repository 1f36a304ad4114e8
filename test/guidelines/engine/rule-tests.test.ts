import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rulesCheck, formatCheckReport } from "../../../src/guidelines/loader/check.js";
import { formatTestReport, formatTestResult, parseRuleTests, rulesTest, runRuleTests } from "../../../src/guidelines/testing/index.js";
import { defineCondition, type EvalInput, type Match } from "../../../src/guidelines/types.js";
import { containsCondition, load } from "./helpers.js";

/** test only: `burst: N` — N or more messages by the member within 10 s (uses the rate store). */
const burst = defineCondition({
  name: "burst",
  description: "test only",
  schema: z.number().int().min(2),
  compile(n, ctx) {
    const prefix = `${ctx.instanceId}:`;
    return {
      cost: 5,
      test(input: EvalInput): Match[] | null {
        const count = input.rates.hit(prefix + input.member.id, input.message.at, 10_000);
        return count >= n ? [{ condition: "burst", text: "", start: -1, end: -1, detail: `${count} messages in 10s` }] : null;
      },
    };
  },
});
const conditions = [containsCondition, burst];

const rules = `guidelines:
  - id: respect
    title: Respect
    description: Be kind.
    rules:
      - id: insult
        when: { contains: [idiot] }
        then: [delete]
      - id: newcomer-shouting
        when: { all: [ { member: { joined_within: 1d } }, { contains: [shut up] } ] }
        then: [warn]
  - id: flood
    title: No floods
    description: Slow down.
    rules:
      - id: burst
        when: { burst: 3 }
        then: [{ timeout: 10m }]
`;

describe("rule tests", () => {
  const set = load(rules, "rules/respect.yaml", { conditions });

  const run = (yaml: string) => {
    const parsed = parseRuleTests(yaml, "rules/respect.tests.yaml");
    expect(parsed.issues).toEqual([]);
    return runRuleTests(set, parsed);
  };

  it("passes when exactly the expected rules match, with context and earlier messages", () => {
    const results = run(`tests:
  - text: "you are an idiot"
    expect: [respect/insult]
  - text: "have a nice day"
    expect: []
  - text: "shut up"
    context: { member: { joined: 2h } }
    expect: [respect/newcomer-shouting]
  - text: "shut up"
    expect: []
  - text: "third"
    context: { before: ["first", "second"] }
    expect: [flood/burst]
  - text: "idiot"
    context: { before: ["first", "second"] }
    expect_includes: [respect/insult]
  - text: "idiot"
    expect_excludes: [flood/burst]
`);
    expect(results.map((r) => [r.line, r.ok, r.got])).toEqual([
      [2, true, ["respect/insult"]],
      [4, true, []],
      [6, true, ["respect/newcomer-shouting"]],
      [9, true, []],
      [11, true, ["flood/burst"]],
      [14, true, ["respect/insult", "flood/burst"]],
      [17, true, ["respect/insult"]],
    ]);
  });

  it("reports a failing case with its line, expected vs got and what matched", () => {
    const [pass, fail] = run(`tests:
  - text: "idiot"
    expect: [respect/insult]
  - text: "what an idiot"
    name: insults are fine here?
    expect: []
`);
    expect(pass!.ok).toBe(true);
    expect(fail).toMatchObject({ file: "rules/respect.tests.yaml", line: 4, text: "what an idiot", expected: [], got: ["respect/insult"], ok: false });
    expect(fail!.problems).toEqual(["unexpected: respect/insult"]);
    expect(formatTestResult(fail!)).toBe(
      [
        'FAIL rules/respect.tests.yaml:4  "what an idiot"  (insults are fine here?)',
        "     expected: (nothing)",
        "     got:      respect/insult",
        "     unexpected: respect/insult",
        '     matched respect/insult: "idiot" (word idiot)',
      ].join("\n"),
    );
  });

  it("reports missing, forbidden and unknown rules", () => {
    const results = run(`tests:
  - text: "hello"
    expect: [respect/insult]
  - text: "idiot"
    expect_excludes: [respect/insult]
  - text: "idiot"
    expect_includes: [respect/insul]
`);
    expect(results.map((r) => r.problems)).toEqual([
      ["missing: respect/insult"],
      ["should not match: respect/insult"],
      [expect.stringMatching(/^unknown rule `respect\/insul`: did you mean `respect\/insult`\?/), "missing: respect/insul"],
    ]);
  });

  it("reports a malformed tests file at the line", () => {
    const parsed = parseRuleTests(`tests:\n  - text: hi\n    expects: []\n`, "t.tests.yaml");
    expect(parsed.issues.map((i) => `${i.line}:${i.column} ${i.message} | ${i.fix ?? ""}`)).toEqual([
      "2:5 a test needs `expect:` (exactly these rules; [] for none), `expect_includes:` or `expect_excludes:` | ",
      "3:5 unknown key `expects` | did you mean `expect`? Allowed keys: `name`, `text`, `context`, `expect`, `expect_includes`, `expect_excludes`",
    ]);
  });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-ruletests-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("steward rules test / rules check on a folder", () => {
  const other = `guidelines:
  - id: ads
    title: No ads
    description: No ads.
    rules:
      - id: buy
        when: { contains: [idiot, buy] }
        then: [delete]
`;

  it("checks each tests file against the guidelines of the file beside it", async () => {
    const dir = folder({
      "respect.yaml": rules,
      "ads.yaml": other,
      "respect.tests.yaml": `tests:\n  - text: "idiot"\n    expect: [respect/insult]\n`,
      "ads.tests.yaml": `tests:\n  - text: "idiot"\n    expect: [ads/buy]\n  - text: "buy"\n    expect: []\n`,
    });
    const report = await rulesTest(dir, { conditions });
    expect(report.ok).toBe(false);
    expect(report.results.map((r) => [path.basename(r.file), r.line, r.ok, r.got])).toEqual([
      ["ads.tests.yaml", 2, true, ["ads/buy"]],
      ["ads.tests.yaml", 4, false, ["ads/buy"]],
      ["respect.tests.yaml", 2, true, ["respect/insult"]],
    ]);
    expect(report.summary).toBe("3 tests in 2 files: 2 passed, 1 failed");
    const text = formatTestReport(report);
    expect(text).toContain(`FAIL ${path.join(dir, "ads.tests.yaml")}:4  "buy"`);
    expect(text.split("\n").at(-1)).toBe("FAILED: 3 tests in 2 files: 2 passed, 1 failed");
  });

  it("reports invalid guideline files instead of running tests", async () => {
    const dir = folder({ "respect.yaml": rules.replace("contains: [idiot]", "contain: [idiot]"), "respect.tests.yaml": `tests:\n  - text: x\n    expect: []\n` });
    const report = await rulesTest(dir, { conditions });
    expect(report.ok).toBe(false);
    expect(report.results).toEqual([]);
    expect(report.issues.map((i) => `${path.basename(i.file)}:${i.line} ${i.message}`)).toEqual(["respect.yaml:7 unknown condition `contain`"]);
    expect(report.summary).toBe("1 test in 1 file not run; 1 problem in guideline or test files");
  });

  it("rules check validates guideline and tests files together", async () => {
    const ok = await rulesCheck(folder({ "respect.yaml": rules, "respect.tests.yaml": `tests:\n  - text: x\n    expect: []\n` }), { conditions });
    expect(ok).toMatchObject({ ok: true, issues: [], summary: "1 guideline file, 2 guidelines, 3 rules, 1 test: all valid" });
    const bad = await rulesCheck(
      folder({ "respect.yaml": rules.replace("then: [delete]", "then: [delet]"), "respect.tests.yaml": `tests:\n  - txt: x\n    expect: []\n` }),
      { conditions },
    );
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => `${path.basename(i.file)}:${i.line}:${i.column} ${i.message}`)).toEqual([
      "respect.tests.yaml:2:5 missing `text` (text)",
      "respect.tests.yaml:2:5 unknown key `txt`",
      "respect.yaml:8:16 unknown consequence `delet`",
    ]);
    const unknown = await rulesCheck(folder({ "respect.yaml": rules, "respect.tests.yaml": `tests:\n  - text: x\n    expect: [respect/insults]\n` }), { conditions });
    expect(unknown.issues.map((i) => `${path.basename(i.file)}:${i.line}:${i.column} ${i.message} | ${i.fix}`)).toEqual([
      expect.stringMatching(/^respect\.tests\.yaml:3:14 unknown rule `respect\/insults` \| did you mean `respect\/insult`\?/),
    ]);
    expect(formatCheckReport(bad).split("\n").at(-1)).toBe("invalid: 3 problems in 2 files");
  });
});
