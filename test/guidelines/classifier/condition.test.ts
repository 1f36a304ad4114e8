// The `classifier` condition inside guideline files: threshold defaults, matches, errors.
import { describe, expect, it } from "vitest";
import { GuidelineError, loadGuidelinesFromText } from "../../../src/guidelines/loader/index.js";
import { contextInputs } from "../../../src/guidelines/testing/context.js";
import { loadModel } from "../../../src/guidelines/classifier/registry.js";

const yaml = (when: string) => `
guidelines:
  - id: respect
    title: Respect
    description: Be kind.
    rules:
      - id: offensive
        explain: offensive language (classifier)
        when: ${when}
        then: [alert]
`;

function hits(when: string, text: string) {
  const set = loadGuidelinesFromText(yaml(when), "rules/test.yaml");
  return set.evaluate(contextInputs(text).at(-1)!);
}

describe("classifier condition", () => {
  it("uses the model's recommended threshold by default and shows the strongest words", () => {
    const found = hits("{ classifier: { name: offensive } }", "you are a stupid idiot");
    expect(found).toHaveLength(1);
    const m = found[0]!.matches;
    expect(m.length).toBeGreaterThan(0);
    expect(m.every((x) => x.condition === "classifier" && x.start >= 0)).toBe(true);
    expect(m.map((x) => x.text)).toEqual(expect.arrayContaining(["idiot"]));
    expect(m[0]!.detail).toMatch(/^offensive 0\.\d\d$/);
    // the score floored to hundredths
    expect(m[0]!.detail).toBe(`offensive ${(Math.floor(loadModel("offensive").score("you are a stupid idiot") * 100) / 100).toFixed(2)}`);
    expect(found[0]!.explanation).toContain("respect/offensive");
    expect(hits("{ classifier: { name: offensive } }", "thanks, the parcel arrived")).toHaveLength(0);
  });

  it("honours an explicit threshold", () => {
    const text = "you are a stupid idiot";
    const score = loadModel("offensive").score(text);
    expect(hits(`{ classifier: { name: offensive, threshold: ${Math.min(1, score + 0.001).toFixed(4)} } }`, text)).toHaveLength(0);
    expect(hits(`{ classifier: { name: offensive, threshold: ${(score - 0.001).toFixed(4)} } }`, text)).toHaveLength(1);
  });

  it("reports an unknown model with the available ones", () => {
    try {
      hits("{ classifier: { name: insults } }", "x");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GuidelineError);
      const text = (e as GuidelineError).format();
      expect(text).toMatch(/no classifier model "insults"/);
      expect(text).toMatch(/offensive/);
    }
  });

  it("rejects thresholds outside 0–1 and unknown keys", () => {
    expect(() => hits("{ classifier: { name: offensive, threshold: 2 } }", "x")).toThrow(GuidelineError);
    expect(() => hits("{ classifier: { name: offensive, treshold: 0.5 } }", "x")).toThrow(GuidelineError);
  });
});
