import { describe, expect, it } from "vitest";
import { ConfigError, parseSettings } from "../../src/config/settings.js";

function errorsOf(yaml: string): string[] {
  try {
    parseSettings(yaml, "communities/shop.yaml");
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.file}:${i.line}:${i.column}: ${i.message}`);
    throw e;
  }
  return [];
}

describe("onboarding settings", () => {
  it("reads welcomes, screening and raid settings with their defaults", () => {
    const s = parseSettings(
      [
        "onboarding:",
        "  welcome: { text: { en: 'Welcome {member}!', bn: 'স্বাগতম {member}!' }, visit: [help] }",
        "  nudge: { after: 3d, text: 'Hi {member}' }",
        "  screening:",
        "    questions:",
        "      - { id: order, label: Your order number, verify: order-or-email, score: 2 }",
        "      - { id: rules, type: agree, label: I agree to the rules }",
        "    approveAt: 2",
      ].join("\n"),
      "communities/shop.yaml",
    );
    const o = s.onboarding!;
    expect(o.nudge!.after).toBe(3 * 86_400_000);
    expect(o.welcome!.dm).toBe(false);
    expect(o.screening!.questions[1]!.type).toBe("agree");
    expect(o.screening!.questions[0]!.required).toBe(true);
    expect(o.screening!.redFlag).toBe("review");
    expect(o.raid).toEqual({ joins: 10, within: 60_000, calm: 600_000 });
  });

  it("refuses an unknown template variable, naming the known ones, at its line", () => {
    const errors = errorsOf(["onboarding:", "  welcome:", "    text: 'Welcome {membr}!'"].join("\n"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^communities\/shop\.yaml:3:\d+: onboarding\.welcome\.text: \{membr\} is not a template variable; known: \{member\}/);
  });

  it("refuses a question label longer than Discord allows, a bad pattern and a duplicate id", () => {
    const errors = errorsOf(
      [
        "onboarding:",
        "  screening:",
        "    questions:",
        "      - { id: why, label: 'Please tell us in a few words why you would like to join' }",
        "      - { id: code, label: Code, pattern: '(a)\\1' }",
        "      - { id: why, label: Again }",
      ].join("\n"),
    );
    expect(errors.join("\n")).toContain("shop.yaml:4:");
    expect(errors.join("\n")).toMatch(/at most 45 characters/);
    expect(errors.join("\n")).toMatch(/shop\.yaml:5:\d+: onboarding\.screening\.questions\.1\.pattern: cannot be used/);
    expect(errors.join("\n")).toMatch(/shop\.yaml:6:\d+: onboarding\.screening\.questions\.2\.id: "why" is also the id of question 1/);
  });

  it("refuses choices on a text question and a choice question without choices", () => {
    const errors = errorsOf(["onboarding:", "  screening:", "    questions:", "      - { id: a, type: choice, label: Pick }", "      - { id: b, label: Say, choices: [{ value: x }, { value: y }] }"].join("\n"));
    expect(errors.join("\n")).toMatch(/questions\.0\.choices: a choice question needs `choices`/);
    expect(errors.join("\n")).toMatch(/questions\.1\.choices: only choice questions have choices/);
  });
});
