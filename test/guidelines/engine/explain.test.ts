import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText, explainText, formatCheck, markSpans } from "../../../src/guidelines/explain.js";
import { load, testConditions } from "./helpers.js";

const yaml = `guidelines:
  - id: respect
    title: Respect
    description: Be kind.
    rules:
      - id: insult
        explain: Name-calling
        when: { all: [ { contains: [idiot, moron] }, { member: { not_roles: [friend] } } ] }
        then: [delete, { timeout: 1h }]
        strikes: 2
        exempt: { channels: [roast] }
`;

describe("steward check", () => {
  it("marks the matched spans and says which rule and why", () => {
    const result = explainText(load(yaml, "rules/respect.yaml"), "you idiot, you moron");
    expect(result.marked).toBe("you «idiot», you «moron»");
    expect(result.hits).toEqual([
      {
        ref: "respect/insult",
        guideline: { id: "respect", title: "Respect", file: "respect.yaml" },
        rule: { id: "insult", explain: "Name-calling", line: 6, strikes: 2, then: ["delete", "timeout 1h"] },
        explanation: 'respect/insult: "idiot" (word idiot), "moron" (word moron), member lacks role friend',
        matches: [
          { condition: "member", text: "", start: -1, end: -1, detail: "member lacks role friend" },
          { condition: "contains", text: "idiot", start: 4, end: 9, detail: "word idiot" },
          { condition: "contains", text: "moron", start: 15, end: 20, detail: "word moron" },
        ],
      },
    ]);
    expect(formatCheck(result)).toBe(
      [
        "message: you «idiot», you «moron»",
        "1 rule match:",
        "",
        "  respect/insult — Respect (respect.yaml:6)",
        "    Name-calling",
        "    member lacks role friend [member]",
        "    «idiot» at 4–9: word idiot [contains]",
        "    «moron» at 15–20: word moron [contains]",
        "    then: delete, timeout 1h · 2 strikes",
      ].join("\n"),
    );
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("says when nothing matches and which rules the context is exempt from", () => {
    const result = explainText(load(yaml), "you idiot", { channel: "roast" });
    expect(result.hits).toEqual([]);
    expect(result.exempt).toEqual(["respect/insult"]);
    expect(formatCheck(result)).toBe("message: you idiot\nno rule matches\n\nexempt here (not run): respect/insult");
  });

  it("loads the rules folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "steward-check-"));
    writeFileSync(path.join(dir, "respect.yaml"), yaml);
    const result = await checkText("moron", { rulesDir: dir, conditions: testConditions, context: { member: { roles: ["friend"] } } });
    expect(result.hits).toEqual([]);
    expect((await checkText("moron", { rulesDir: dir, conditions: testConditions })).hits.map((h) => h.ref)).toEqual(["respect/insult"]);
  });

  it("merges overlapping spans when marking", () => {
    expect(markSpans("abcdef", [{ start: 1, end: 3 }, { start: 2, end: 4 }, { start: -1, end: -1 }, { start: 5, end: 6 }])).toBe("a«bcd»e«f»");
  });
});
