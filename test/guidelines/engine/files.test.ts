import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GuidelineError, loadGuidelines, type GuidelineIssue } from "../../../src/guidelines/loader/index.js";
import { testConditions, refs, where } from "./helpers.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "steward-rules-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function issuesIn(source: string | string[]): Promise<GuidelineIssue[]> {
  try {
    await loadGuidelines(source, { conditions: testConditions });
  } catch (e) {
    if (e instanceof GuidelineError) return [...e.issues];
    throw e;
  }
  throw new Error("expected the rules to be rejected");
}

const guideline = (id: string, when = "{ channel: { in: [x] } }") => `  - id: ${id}
    title: ${id}
    description: ${id}
    rules:
      - id: r
        when: ${when}
        then: [delete]
`;

describe("loading a folder of guideline files", () => {
  it("loads every guideline file, not the tests files, and records each guideline's file", async () => {
    const dir = folder({
      "a.yaml": `guidelines:\n${guideline("alpha")}`,
      "b.yml": `guidelines:\n${guideline("beta")}`,
      "a.tests.yaml": "tests: []\n",
      "notes.txt": "not yaml",
    });
    const set = await loadGuidelines(dir, { conditions: testConditions });
    expect(set.guidelines.map((g) => [g.id, g.file])).toEqual([
      ["alpha", "a.yaml"],
      ["beta", "b.yml"],
    ]);
    const one = await loadGuidelines([path.join(dir, "b.yml")], { conditions: testConditions });
    expect(one.guidelines.map((g) => g.id)).toEqual(["beta"]);
  });

  it("requires guideline ids to be unique across files, naming both places", async () => {
    const dir = folder({ "a.yaml": `guidelines:\n${guideline("same")}`, "b.yaml": `# b\nguidelines:\n${guideline("same")}` });
    const issues = await issuesIn(dir);
    const b = path.join(dir, "b.yaml"); // outside the working folder: shown absolute
    const a = path.join(dir, "a.yaml");
    expect(issues.map(where)).toEqual([`${b}:3:9 duplicate guideline id \`same\`: ${a}:2 and ${b}:3`]);
  });

  it("allows escalation in one file (or the same in several), refuses two different ones", async () => {
    const esc = (at: number) => `escalation: { ladder: [ { at: ${at}, do: kick } ] }\n`;
    const same = folder({ "a.yaml": `guidelines:\n${guideline("a")}${esc(3)}`, "b.yaml": `guidelines:\n${guideline("b")}${esc(3)}` });
    expect((await loadGuidelines(same, { conditions: testConditions })).escalation.ladder).toEqual([{ at: 3, do: { kind: "kick" } }]);
    const differ = folder({ "a.yaml": `guidelines:\n${guideline("a")}${esc(3)}`, "b.yaml": `guidelines:\n${guideline("b")}${esc(4)}` });
    const issues = await issuesIn(differ);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^`escalation` is given differently in two files: .*a\.yaml:9 and .*b\.yaml:9$/);
    expect(issues[0]!.fix).toBe("keep `escalation:` in one file; it applies to every guideline");
  });

  it("applies a file's exempt to that file's guidelines only", async () => {
    const dir = folder({
      "a.yaml": `guidelines:\n${guideline("a")}exempt: { roles: [moderator, partner] }\n`,
      "b.yaml": `guidelines:\n${guideline("b")}exempt: { roles: [moderator] }\n`,
    });
    const set = await loadGuidelines(dir, { conditions: testConditions });
    expect(refs(set, "hi", { channel: "x", member: { roles: ["partner"] } })).toEqual(["b/r"]);
    expect(refs(set, "hi", { channel: "x", member: { roles: ["moderator"] } })).toEqual([]);
    expect(set.exempt).toEqual({ roles: ["moderator"], channels: [] });
  });

  it("reports problems of every file together", async () => {
    const dir = folder({ "a.yaml": `guidelines:\n${guideline("a", "{ membr: {} }")}`, "b.yaml": "" });
    const issues = await issuesIn(dir);
    expect(issues.map((i) => i.message)).toEqual(["unknown condition `membr`", "the file is empty"]);
  });

  it("reports a missing source", async () => {
    const issues = await issuesIn(path.join(tmpdir(), "no-such-rules-folder-steward"));
    expect(issues.map((i) => i.message)).toEqual(["not found"]);
  });
});

describe("list files", () => {
  it("reads lists relative to the guideline file, skipping comments and blank lines", async () => {
    const dir = folder({
      "spam.yaml": `guidelines:\n${guideline("spam", "{ contains: { list: lists/spam.txt } }")}`,
      "lists/spam.txt": "# words that mean spam\n\nfree nitro\n  crypto giveaway  \n# end\n",
    });
    const set = await loadGuidelines(dir, { conditions: testConditions });
    expect(refs(set, "Free Nitro here")).toEqual(["spam/r"]);
    expect(refs(set, "a crypto giveaway")).toEqual(["spam/r"]);
    expect(refs(set, "# words that mean spam")).toEqual([]);
  });

  it("resolves names given under `lists:` and the list folders option", async () => {
    const dir = folder({
      "rules/spam.yaml": `lists: { spamwords: ../shared/spam-en.txt }\nguidelines:\n${guideline("spam", "{ contains: { list: spamwords } }")}${guideline("other", "{ contains: { list: extra } }")}`,
      "shared/spam-en.txt": "casino\n",
      "more/extra.txt": "lottery\n",
    });
    const set = await loadGuidelines(path.join(dir, "rules"), { conditions: testConditions, listDirs: [path.join(dir, "more")] });
    expect(refs(set, "best casino")).toEqual(["spam/r"]);
    expect(refs(set, "lottery win")).toEqual(["other/r"]);
  });

  it("reports a missing list at the line that names it", async () => {
    const dir = folder({ "spam.yaml": `guidelines:\n${guideline("spam", "{ contains: { list: lists/missing.txt } }")}` });
    const issues = await issuesIn(dir);
    expect(issues).toHaveLength(1);
    const i = issues[0]!;
    expect([i.line, i.column, i.path]).toEqual([7, 35, "guidelines[0].rules[0].when.contains.list"]);
    expect(i.message).toMatch(/^list `lists\/missing.txt` not found \(looked for .*lists\/missing\.txt\)$/);
    expect(i.fix).toContain("paths are relative to the guideline file's folder");
  });
});
