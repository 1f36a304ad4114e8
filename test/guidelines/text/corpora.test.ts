// The respect guideline on the labelled corpora (skipped when ../shared/corpora is absent):
// peer filters' assertions, false positives on 370k English words, OLID and Davidson figures.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { corpus, haveCorpora, noCorporaReason } from "../../helpers/corpora.js";
import { words } from "../../../src/guidelines/conditions/text/words.js";
import { plurals } from "../../../src/guidelines/text/entries.js";
import type { ConditionDefinition } from "../../../src/guidelines/types.js";
import { compile, fakeCtx, inputFor } from "./fake-ctx.js";
import { formatScore, judge, loadRespect, readJsonl, score } from "./respect-eval.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Peer assertions we disagree with on purpose, and why. */
const DELIBERATE: Record<string, string> = {
  "This is a hells good test": "`hell` is mild: a customer community allows \"the shipping was hell\" (bad-words lists it)",
  willies: "\"gives me the willies\" is innocent; `willy` is mild slang (bad-words lists it)",
};

describe.skipIf(!haveCorpora)("respect on the corpora", async () => {
  if (!haveCorpora) return;
  const set = await loadRespect();

  describe("peer assertions (bad-words, leo-profanity, obscenity)", () => {
    for (const r of readJsonl(corpus("peer-assertions.jsonl"))) {
      const text = r.input!;
      const why = DELIBERATE[text];
      it(`${JSON.stringify(text)} → ${why ? `deliberately not ${r.expected}` : r.expected}`, () => {
        const matched = judge(set, text).length > 0;
        expect(matched).toBe(why ? r.expected !== "match" : r.expected === "match");
      });
    }
  });

  it("matches no English word but the listed words and their reviewed derivations", () => {
    const english = readFileSync(corpus("lists/english-words.txt"), "utf8").split("\n").map((w) => w.trim()).filter(Boolean);
    const reviewed = new Map<string, Set<string>>();
    for (const line of readFileSync(path.join(here, "english-hits.txt"), "utf8").split("\n")) {
      if (!line.trim() || line.startsWith("#")) continue;
      const [list, ...ws] = line.trim().split(/\s+/);
      reviewed.set(list!, new Set(ws));
    }
    const lists = ["profanity", "slurs", "explicit", "bengali", "name-calling", "rude", "insult-nouns", "insult-adjectives", "at-person"];
    const unexpected: string[] = [];
    for (const name of lists) {
      const file = `lists/respect-${name}.txt`;
      const cond = compile(words as unknown as ConditionDefinition, { file });
      const entries = new Set(fakeCtx().readList(file).filter((e) => !e.startsWith("!")).map((e) => e.toLowerCase()));
      const isEntry = (w: string) => entries.has(w) || [...entries].some((e) => plurals(e).includes(w));
      const allowed: string[] = [];
      let own = 0;
      for (const w of english) {
        if (!cond.test(inputFor(w))) continue;
        const lw = w.toLowerCase();
        if (isEntry(lw)) own++;
        else if (reviewed.get(`respect-${name}`)?.has(lw)) allowed.push(lw);
        else unexpected.push(`${name}: ${w}`);
      }
      console.log(`respect-${name}: ${own} English words are entries; ${allowed.length} reviewed derivations${allowed.length ? `: ${allowed.join(" ")}` : ""}`);
    }
    expect(unexpected).toEqual([]);
  });

  it("OLID: F1 ≥ 0.65 at precision ≥ 0.75; insults aimed at a person: recall ≥ 0.6", () => {
    const rows = readJsonl(corpus("olid-train.jsonl"));
    const results = rows.map((r) => ({ r, hit: judge(set, r.text).length > 0 }));
    const s = score(results.map(({ r, hit }) => ({ predicted: hit, actual: r.label === "OFF" })));
    const ind = results.filter(({ r }) => r.target_type === "IND");
    const indRecall = ind.filter((x) => x.hit).length / ind.length;
    console.log(`OLID respect: ${formatScore(s)}; IND recall ${(100 * indRecall).toFixed(1)}% (goals: F1 65% at P ≥ 75%, IND recall 60%)`);
    // The issue's goals. In-sample for the offensive model (trained on this file); the
    // cross-validated figures (docs/classifier.md) are the honest estimate and meet them too.
    expect(s.precision).toBeGreaterThanOrEqual(0.75);
    expect(s.f1).toBeGreaterThanOrEqual(0.65);
    expect(indRecall).toBeGreaterThanOrEqual(0.6);
  });

  it("Davidson: offensive/hate vs neither", () => {
    const rows = readJsonl(corpus("davidson.jsonl"));
    const s = score(rows.map((r) => ({ predicted: judge(set, r.text).length > 0, actual: r.label !== "neither" })));
    console.log(`Davidson respect: ${formatScore(s)}`);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("SMS ham: casual profanity noted, not optimized", () => {
    const ham = readJsonl(corpus("sms-spam.jsonl")).filter((r) => r.label === "ham");
    const flagged = ham.filter((r) => judge(set, r.text).length > 0).length;
    console.log(`SMS ham flagged by respect: ${flagged} of ${ham.length} (${((100 * flagged) / ham.length).toFixed(1)}%)`);
    expect(flagged / ham.length).toBeLessThan(0.08);
  });
});

it.skipIf(haveCorpora)("respect corpus checks", () => {
  console.warn(noCorporaReason);
});
