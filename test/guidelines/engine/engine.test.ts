import { describe, expect, it } from "vitest";
import { explainHit } from "../../../src/guidelines/engine.js";
import { input, load, refs } from "./helpers.js";

const set = load(`guidelines:
  - id: respect
    title: Respect
    description: Be kind.
    rules:
      - id: insult
        explain: Insult
        when: { contains: [idiot] }
        then: [delete, warn]
      - id: shouting
        when: { contains: [shut up] }
        then: [warn]
        exempt: { roles: [trusted], channels: [offtopic] }
  - id: no-ads
    title: No ads
    description: No ads.
    rules:
      - id: promo
        when: { contains: [buy] }
        then: [delete]
        exempt: { channels: [promo] }
exempt: { roles: [moderator], channels: [mod-chat] }
`);

describe("evaluate", () => {
  it("returns hits in file order with the guideline and rule", () => {
    const hits = set.evaluate(input("buy this, idiot"));
    expect(hits.map((h) => [h.guideline.id, h.rule.id, h.rule.line])).toEqual([
      ["respect", "insult", 6],
      ["no-ads", "promo", 18],
    ]);
    expect(hits[0]!.guideline.title).toBe("Respect");
    expect(hits[0]!.matches).toEqual([{ condition: "contains", text: "idiot", start: 10, end: 15, detail: "word idiot" }]);
    expect(hits[0]!.explanation).toBe('respect/insult: "idiot" (word idiot)');
  });

  it("returns nothing when nothing matches", () => {
    expect(set.evaluate(input("hello there"))).toEqual([]);
  });

  it("skips rules exempt by file-level roles and channels", () => {
    const text = "shut up idiot, buy";
    expect(refs(set, text)).toEqual(["respect/insult", "respect/shouting", "no-ads/promo"]);
    expect(refs(set, text, { member: { roles: ["member", "moderator"] } })).toEqual([]);
    expect(refs(set, text, { channel: "mod-chat" })).toEqual([]);
  });

  it("skips a rule exempt by its own roles and channels, not its neighbours", () => {
    const text = "shut up idiot, buy";
    expect(refs(set, text, { member: { roles: ["trusted"] } })).toEqual(["respect/insult", "no-ads/promo"]);
    expect(refs(set, text, { channel: "offtopic" })).toEqual(["respect/insult", "no-ads/promo"]);
    expect(refs(set, text, { channel: "#promo" })).toEqual(["respect/insult", "respect/shouting"]);
  });

  it("does not skip moderators by itself (moderation decides)", () => {
    expect(refs(set, "idiot", { member: { moderator: true } })).toEqual(["respect/insult"]);
  });
});

describe("explanations", () => {
  it("quote spans (shortened, one line), then facts, at most three", () => {
    const long = "x".repeat(100);
    expect(explainHit("g/r", [{ condition: "c", text: `a\n${long}`, start: 0, end: 102 }], "fallback")).toBe(`g/r: "a ${"x".repeat(57)}…"`);
    const ms = ["a", "b", "c", "d"].map((t, i) => ({ condition: "c", text: t, start: i, end: i + 1 }));
    expect(explainHit("g/r", ms, "fallback")).toBe('g/r: "a", "b", "c" (+1 more)');
    expect(explainHit("g/r", [{ condition: "rate", text: "", start: -1, end: -1, detail: "5 messages in 10s" }], "f")).toBe("g/r: 5 messages in 10s");
  });

  it("fall back to the rule's explain when nothing is shown", () => {
    const s = load(`guidelines: [{ id: g, title: T, description: D, rules: [{ id: r, explain: No please, when: { not: { contains: [please] } }, then: [alert] }] }]`);
    expect(s.evaluate(input("gimme"))[0]!.explanation).toBe("g/r: No please");
  });
});
