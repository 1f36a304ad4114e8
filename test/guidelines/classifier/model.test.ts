// The shipped models: they load, their recorded data hashes match the corpora, and they score
// clear cases as expected (high for strong insults and spam, low for everyday support talk).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus, haveCorpora, noCorporaReason } from "../../helpers/corpora.js";
import { listModels, loadModel, modelsDir } from "../../../src/guidelines/classifier/registry.js";
import { modelFileSchema } from "../../../src/guidelines/classifier/model.js";
import { sha256File } from "../../../scripts/train/data.js";
import { readCleanLines } from "../../../scripts/train/pipeline.js";

const cleanSupport = readCleanLines(path.resolve(import.meta.dirname, "../../../scripts/train/clean-support.txt"));

describe("model files", () => {
  it("ships offensive and spam, small and valid", () => {
    expect(listModels()).toEqual(expect.arrayContaining(["offensive", "spam"]));
    for (const name of ["offensive", "spam"]) {
      const file = path.join(modelsDir(), `${name}.json`);
      const text = readFileSync(file, "utf8");
      expect(text.length).toBeLessThan(2 * 1024 * 1024);
      const parsed = modelFileSchema.parse(JSON.parse(text));
      expect(parsed.name).toBe(name);
      expect(parsed.threshold).toBeGreaterThan(0);
      expect(parsed.threshold).toBeLessThan(1);
      expect(parsed.cv.thresholds.length).toBeGreaterThan(5);
    }
  });

  it("loads once and reports unknown models with the available ones", () => {
    expect(loadModel("offensive")).toBe(loadModel("offensive"));
    expect(() => loadModel("no-such-model")).toThrow(/no classifier model "no-such-model".*available: .*offensive/);
    expect(() => loadModel("../etc")).toThrow(/no classifier model/);
  });

  it.skipIf(!haveCorpora)("records the sha256 of the data it was trained on", () => {
    for (const name of ["offensive", "spam"]) {
      const data = loadModel(name).file.training.data as { file: string; sha256: string }[];
      expect(data.length).toBeGreaterThan(0);
      for (const d of data) expect(sha256File(corpus(d.file)), `${name}: ${d.file}`).toBe(d.sha256);
    }
  });
  if (!haveCorpora) it.skip(noCorporaReason, () => {});
});

describe("offensive", () => {
  const model = loadModel("offensive");
  const t = model.threshold;

  it.each([
    "you are an idiot",
    "shut up you stupid bitch",
    "you're a fucking moron",
    "@USER you are a disgusting piece of shit",
    "u r such a dumb4ss",
  ])("flags %j", (text) => {
    expect(model.score(text)).toBeGreaterThanOrEqual(t);
  });

  it("leaves most everyday support talk alone, including hyperbole", () => {
    for (const text of ["this is killing me, I can't find the invoice anywhere", "damn that was fast, thanks for the quick delivery!", "Is the blue one back in stock?", "Thank you so much, the replacement arrived today"]) {
      expect(model.score(text), text).toBeLessThan(t);
    }
    const flagged = cleanSupport.filter((l) => model.score(l) >= t);
    // Casual profanity ("pain in the ass", "the shit") counts as offensive in OLID; at most 5 of the 60.
    expect(flagged.length).toBeLessThanOrEqual(5);
  });

  it("scores Bengali script at the prior (no features), below the threshold", () => {
    const s = model.score("আমার অর্ডার এখনো আসেনি, একটু দেখবেন?");
    expect(s).toBeLessThan(t);
    expect(s).toBeCloseTo(model.score(""), 10);
  });

  it("sees through leet, stretched letters, lookalikes and fullwidth", () => {
    const plain = model.score("you idiot");
    for (const v of ["you 1d10t", "you idiooooot", "you іdiot", "you ｉｄｉｏｔ"]) expect(model.score(v), v).toBeCloseTo(plain, 10);
  });

  it("explains with the strongest words, as offsets into the original text", () => {
    const text = "honestly you are a complete IDIOT";
    const words = model.explain(text, 2);
    expect(words.length).toBeGreaterThan(0);
    expect(text.slice(words[0]!.start, words[0]!.end)).toBe("IDIOT");
  });

  it("cached scoring equals scoring from the expanded features", () => {
    const texts = ["you are an idiot", "thanks, it works", "WHAT A LOSER lol", "check http://x.y now", ...cleanSupport];
    for (const text of [...texts, ...texts]) expect(model.score(text)).toBeCloseTo(model.scoreUncached(text), 12);
  });
});

describe("spam", () => {
  const model = loadModel("spam");
  const t = model.threshold;

  it.each([
    "Hey guys check out my new channel and please subscribe!!!",
    "FREE entry! text WIN to 80082 to claim your prize now",
    "Check out this video on YouTube: http://www.youtube.com/watch?v=abc",
    "subscribe to my channel and I will subscribe back",
  ])("flags %j", (text) => {
    expect(model.score(text)).toBeGreaterThanOrEqual(t);
  });

  it("flags none of the clean support lines, order numbers included", () => {
    for (const l of cleanSupport) expect(model.score(l), l).toBeLessThan(t);
    expect(model.score("Hi, my order #48213 still says processing, can someone check? call me 01712345678")).toBeLessThan(t);
  });
});
