// Runs rules/respect.tests.yaml through the loader and engine.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGuidelines } from "../../../src/guidelines/loader/index.js";
import { parseRuleTests, runRuleTests } from "../../../src/guidelines/testing/index.js";
import { respectFile } from "./respect-eval.js";

describe("rules/respect.tests.yaml", async () => {
  const set = await loadGuidelines([respectFile]);
  const testsFile = respectFile.replace(/\.yaml$/, ".tests.yaml");
  const parsed = parseRuleTests(readFileSync(testsFile, "utf8"), testsFile);
  it("parses", () => expect(parsed.issues).toEqual([]));
  for (const r of runRuleTests(set, parsed)) {
    it(`${r.name ?? r.text} → [${r.expected.join(", ")}]`, () => expect(r.problems, r.explanations.join("\n")).toEqual([]));
  }
});
