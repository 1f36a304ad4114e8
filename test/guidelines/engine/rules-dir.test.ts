// The rule tests of Steward's own rules/ folder (rules/<name>.tests.yaml), one vitest test per
// case, so a failing case shows up by its file:line. `steward rules test` runs the same.
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/guidelines/loader/index.js";
import { bundledPath } from "../../../src/util/paths.js";
import { formatTestResult, rulesTest } from "../../../src/guidelines/testing/index.js";

const report = await rulesTest(bundledPath("rules"));

describe("rules/ (Steward's bundled guidelines)", () => {
  it("guideline and rule test files are valid", () => {
    expect(report.issues.map(formatIssue).join("\n")).toBe("");
  });

  for (const r of report.results) {
    it(`${r.file}:${r.line} ${JSON.stringify(r.text.length > 50 ? `${r.text.slice(0, 49)}…` : r.text)}`, () => {
      expect(r.ok, formatTestResult(r)).toBe(true);
    });
  }
});
