// The eval harness on crafted files whose counts were worked out by hand (see the comments).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { GuidelineInfo, GuidelineSet, RuleHit } from "../../../src/guidelines/api.js";
import type { EvalInput } from "../../../src/guidelines/types.js";
import { evalReportJson, formatEvalReport, runEval } from "../../../src/guidelines/eval/index.js";
import { registerEval } from "../../../src/cli/commands/eval.js";
import type { Io } from "../../../src/cli/io.js";

const dir = mkdtempSync(path.join(tmpdir(), "steward-eval-"));
function file(name: string, lines: string[]): string {
  const f = path.join(dir, name);
  writeFileSync(f, lines.join("\n") + "\n");
  return f;
}

// A fake set: `respect` hits texts containing "idiot", `no-spam` texts containing "http".
const info = (id: string): GuidelineInfo => ({ id, title: id, description: id, file: `${id}.yaml` });
const hit = (id: string): RuleHit => ({
  guideline: info(id),
  rule: { id: "r", explain: "r", then: [], strikes: 0, cooldownMs: 0, line: 1 },
  matches: [],
  explanation: `${id}/r`,
});
const seen: EvalInput[] = [];
const fakeSet: GuidelineSet = {
  guidelines: [info("no-spam"), info("respect")],
  escalation: { decayMs: 0, ladder: [] },
  exempt: { roles: [], channels: [] },
  ruleCount: 2,
  evaluate(input) {
    seen.push(input);
    const out: RuleHit[] = [];
    if (input.message.text.includes("idiot")) out.push(hit("respect"));
    if (input.message.text.includes("http")) out.push(hit("no-spam"));
    return out;
  },
};

const violatesFile = file("violates.jsonl", [
  /* 1 */ `{"text":"you idiot","violates":["respect"]}`, // respect hit: tp respect, tp any
  /* 2 */ `{"text":"buy now http://x","violates":["no-spam"]}`, // no-spam hit: tp no-spam, tp any
  /* 3 */ `{"text":"idiot buy http://x","violates":["respect"]}`, // both hit: tp respect, fp no-spam, tp any
  /* 4 */ `{"text":"hello","violates":[]}`, // nothing: tn everywhere
  /* 5 */ `{"text":"you fool","violates":["respect"]}`, // missed: fn respect, fn any
  /* 6 */ `this is not json`, // bad line 6
  /* 7 */ `{"text":"see http://docs","violates":[]}`, // fp no-spam, fp any
  /* 8 */ `{"violates":[]}`, // bad line 8: no text
  /* 9 */ ``, // blank: ignored, not bad
  /* 10 */ `{"text":"idiot","violates":[],"context":{"channel":"offtopic","member":{"joined":"2d"}}}`, // fp respect, fp any
]);

describe("runEval, violates-style lines", () => {
  it("counts overall and per guideline", async () => {
    const r = await runEval({ file: violatesFile, set: fakeSet });
    expect(r.total).toBe(7);
    // positives 1,2,3,5; flagged 1,2,3,7,10
    expect(r.any).toEqual({ tp: 3, fp: 2, fn: 1, tn: 1, precision: 0.6, recall: 0.75, f1: 0.6667 });
    // respect: positives 1,3,5; flagged 1,3,10
    expect(r.guidelines.respect).toEqual({ tp: 2, fp: 1, fn: 1, tn: 3, precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    // no-spam: positive 2; flagged 2,3,7
    expect(r.guidelines["no-spam"]).toEqual({ tp: 1, fp: 2, fn: 0, tn: 4, precision: 0.3333, recall: 1, f1: 0.5 });
    expect(Object.keys(r.guidelines)).toEqual(["no-spam", "respect"]);
    expect(r.messagesPerSecond).toBeGreaterThan(0);
  });

  it("reports bad lines with their number and reason, and skips them", async () => {
    const r = await runEval({ file: violatesFile, set: fakeSet });
    expect(r.skipped).toEqual([
      { line: 6, reason: expect.stringMatching(/^not JSON/) },
      { line: 8, reason: `"text" must be a string` },
    ]);
    expect(formatEvalReport(r)).toMatch(/violates\.jsonl:6: skipped: not JSON/);
  });

  it("judges each line as an established member in #general, or in the line's context", async () => {
    seen.length = 0;
    await runEval({ file: violatesFile, set: fakeSet });
    const first = seen[0]!;
    expect(first.message.channel).toBe("general");
    expect(first.member.strikes).toBe(0);
    expect(first.message.at - first.member.joinedAt!).toBe(365 * 86_400_000);
    const last = seen.at(-1)!;
    expect(last.message.channel).toBe("offtopic");
    expect(last.message.at - last.member.joinedAt!).toBe(2 * 86_400_000);
    expect(new Set(seen.map((s) => s.rates)).size).toBe(seen.length); // a fresh rate store per line
  });

  it("restricts to the given guidelines", async () => {
    const r = await runEval({ file: violatesFile, set: fakeSet, guidelines: ["no-spam"] });
    // only no-spam hits count, and only no-spam violations: positive 2; flagged 2,3,7
    expect(r.any).toEqual({ tp: 1, fp: 2, fn: 0, tn: 4, precision: 0.3333, recall: 1, f1: 0.5 });
    expect(Object.keys(r.guidelines)).toEqual(["no-spam"]);
  });
});

const labelFile = file("labels.jsonl", [
  /* 1 */ `{"text":"win http://x","label":"spam","source":"x"}`, // no-spam hit on a positive
  /* 2 */ `{"text":"hello","label":"ham"}`, // nothing
  /* 3 */ `{"text":"cheap pills","label":"spam"}`, // missed
  /* 4 */ `{"text":"idiot http://y","label":"ham"}`, // both hit a negative
  /* 5 */ `{"text":"x","label":"spam","context":{"member":{"joined":"soon"}}}`, // bad context
]);

describe("runEval, label-style lines", () => {
  it("counts a guideline's hit on a positive as its true positive", async () => {
    const r = await runEval({ file: labelFile, set: fakeSet, positive: ["spam"] });
    expect(r.total).toBe(4);
    expect(r.any).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.guidelines["no-spam"]).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.guidelines.respect).toEqual({ tp: 0, fp: 1, fn: 2, tn: 1, precision: 0, recall: 0, f1: 0 });
    expect(r.skipped).toEqual([{ line: 5, reason: expect.stringMatching(/^"context\.member\.joined"/) }]);
  });

  it("needs positive labels for label lines", async () => {
    const r = await runEval({ file: labelFile, set: fakeSet });
    expect(r.total).toBe(0);
    expect(r.skipped[0]).toEqual({ line: 1, reason: expect.stringContaining("--positive") });
  });

  it("accepts numeric and boolean labels", async () => {
    const f = file("numeric.jsonl", [`{"text":"http://a","label":1}`, `{"text":"b","label":0}`, `{"text":"c","label":true}`]);
    const r = await runEval({ file: f, set: fakeSet, positive: ["1", "true"] });
    expect(r.any).toMatchObject({ tp: 1, fp: 0, fn: 1, tn: 1 });
  });
});

describe("output", () => {
  it("--json is exactly {total, any, guidelines, messagesPerSecond}", async () => {
    const r = await runEval({ file: violatesFile, set: fakeSet });
    const json = JSON.parse(JSON.stringify(evalReportJson(r)));
    expect(Object.keys(json)).toEqual(["total", "any", "guidelines", "messagesPerSecond"]);
    expect(Object.keys(json.any)).toEqual(["tp", "fp", "fn", "tn", "precision", "recall", "f1"]);
    expect(Object.keys(json.guidelines.respect)).toEqual(["tp", "fp", "fn", "tn", "precision", "recall", "f1"]);
  });

  it("prints a table", async () => {
    const text = formatEvalReport(await runEval({ file: violatesFile, set: fakeSet }));
    expect(text).toMatch(/7 messages \(2 bad lines skipped\)/);
    expect(text).toMatch(/any guideline\s+3\s+2\s+1\s+1\s+0\.600\s+0\.750\s+0\.667/);
    expect(text).toMatch(/respect\s+2\s+1\s+1\s+3/);
    expect(text).toMatch(/judged at [\d,]+ messages\/s/);
  });
});

describe("steward eval command", () => {
  const rules = path.join(dir, "rules");
  // a real rules folder: one guideline whose rule is the offensive classifier
  mkdirSync(rules, { recursive: true });
  writeFileSync(
    path.join(rules, "respect.yaml"),
    `guidelines:
  - id: respect
    title: Respect
    description: Be kind.
    rules:
      - id: offensive
        explain: offensive language
        when: { classifier: { name: offensive, threshold: 0.5 } }
        then: [alert]
`,
  );
  const data = file("cmd.jsonl", [`{"text":"you stupid idiot","label":"OFF"}`, `{"text":"thanks, it arrived","label":"NOT"}`, `{oops`]);

  async function run(args: string[]) {
    let out = "";
    let err = "";
    const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
    const io: Io = { out: sink((s) => (out += s)), err: sink((s) => (err += s)), env: {}, version: "0" };
    const program = new Command("steward").exitOverride();
    registerEval(program, io);
    await program.parseAsync(["eval", ...args], { from: "user" });
    return { out, err };
  }

  it("prints one JSON object and reports the bad line on stderr", async () => {
    const { out, err } = await run([data, "--rules", rules, "--positive", "OFF", "--json"]);
    expect(out.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(out);
    expect(json.total).toBe(2);
    expect(json.any).toMatchObject({ tp: 1, fp: 0, fn: 0, tn: 1 });
    expect(json.guidelines.respect).toMatchObject({ tp: 1, fp: 0, fn: 0, tn: 1 });
    expect(err).toMatch(/cmd\.jsonl:3: skipped: not JSON/);
  });

  it("prints the table for people", async () => {
    const { out } = await run([data, "--rules", rules, "--positive", "OFF"]);
    expect(out).toMatch(/2 messages, positive labels: OFF \(1 bad line skipped\)/);
    expect(out).toMatch(/any guideline\s+1\s+0\s+0\s+1/);
  });
});
