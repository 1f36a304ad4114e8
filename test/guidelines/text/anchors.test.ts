// The anchor filter (text/anchors.ts) only skips walks that cannot match: the insult and threat
// grammars, with the bundled insult lists, find exactly what a walk from every start finds, on
// random messages made of the grammars' own words, sentence breaks and joined tokens
// ("f u c k", "mother-fucker", which make hits span several tokens).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AnchorIndex } from "../../../src/guidelines/text/anchors.js";
import { analyzeText } from "../../../src/guidelines/text/analysis.js";
import { compileGrammar, unionSet } from "../../../src/guidelines/text/grammar.js";
import { resolveList } from "../../../src/guidelines/text/lists.js";
import { GRAMMAR_SETS, INSULT_PATTERNS, THREAT_PATTERNS, THREAT_SETS } from "../../../src/guidelines/text/respect-grammar.js";
import type { PatternMatch, PatternSet } from "../../../src/guidelines/text/patterns.js";
import { fakeCtx } from "./fake-ctx.js";

const ctx = fakeCtx();
const nouns = resolveList({ file: "lists/respect-insult-nouns.txt" }, ctx);
const adjectives = resolveList({ file: "lists/respect-insult-adjectives.txt" }, ctx);
const insultSet = unionSet("insult", [nouns, adjectives]);
const own = new Map<string, PatternSet>([
  ["noun", unionSet("noun", [nouns])],
  ["adj", unionSet("adj", [adjectives])],
  ["insult", insultSet],
]);
const insults = compileGrammar(ctx, INSULT_PATTERNS, GRAMMAR_SETS, own, [], [], []).set;
const threats = compileGrammar(ctx, THREAT_PATTERNS, { ...GRAMMAR_SETS, ...THREAT_SETS }, new Map([["insult", unionSet("insult", [nouns])]]), [], [], []).set;

/** Words of the frames and sets, a few insult words, and filler. */
const frameWords = [...INSULT_PATTERNS, ...THREAT_PATTERNS, ...Object.values(GRAMMAR_SETS).flat(), ...Object.values(THREAT_SETS).flat()]
  .flatMap((f) => f.split(/[\s|]+/))
  .map((w) => w.replace(/[?*^$]/g, ""))
  .filter((w) => w && !w.startsWith("{"));
const vocabulary = [...new Set([...frameWords, ...nouns.entries.slice(0, 40), ...adjectives.entries.slice(0, 40), "idiot", "moron", "stupid", "bitch", "cat", "bug", "today", "f u c k", "mother-fucker", "i-d-i-o-t"])];
const separators = [" ", " ", " ", " ", ". ", "! ", ", ", "? ", "\n", "-", "_"];

const message = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

/** Matches with every start walked (the filter answering yes everywhere). */
function unfiltered(set: PatternSet, text: string): readonly PatternMatch[] {
  const canStart = AnchorIndex.prototype.canStart;
  AnchorIndex.prototype.canStart = () => true;
  try {
    return set.match(analyzeText(text));
  } finally {
    AnchorIndex.prototype.canStart = canStart;
  }
}

describe("anchor-driven starts", () => {
  it("find what a walk from every start finds (insult and threat grammars, random messages)", () => {
    fc.assert(
      fc.property(message, (text) => {
        for (const set of [insults, threats]) expect(set.match(analyzeText(text))).toEqual(unfiltered(set, text));
      }),
      { numRuns: 1500 },
    );
  });

  it("still find frames whose anchor is far from the start, or is the end of the sentence", () => {
    const found = (set: PatternSet, text: string) => set.match(analyzeText(text)).length > 0;
    expect(found(insults, "you are such a fucking stupid idiot")).toBe(true);
    expect(found(insults, "Idiot!")).toBe(true);
    expect(found(insults, "idiot fixes the bug")).toBe(false);
    expect(found(threats, "i will fucking kill you")).toBe(true);
    expect(found(threats, "that moron should be shot")).toBe(true);
    expect(found(threats, "that moron should. be shot")).toBe(false);
    expect(found(threats, "I will find you.")).toBe(true);
    expect(found(threats, "I will find you a fix")).toBe(false);
  });
});
