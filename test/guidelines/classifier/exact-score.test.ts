// Scores are part of what moderators see ("offensive 0.45") and of the bench fingerprint, so
// the fast scoring path (int8 weights, packed word cache) must give exactly, bit for bit, the
// score of the plain definition: float32 weights summed per word in the same order.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FeatureBuffer, featurize, wordCodeCapacity, wordCodes } from "../../../src/guidelines/classifier/features.js";
import { decodeWeights, type LinearModel } from "../../../src/guidelines/classifier/model.js";
import { loadModel } from "../../../src/guidelines/classifier/registry.js";
import { corpus, haveCorpora } from "../../helpers/corpora.js";
import { readCleanLines } from "../../../scripts/train/pipeline.js";

const dense = new Map<LinearModel, Float32Array>();
const denseOf = (m: LinearModel): Float32Array => dense.get(m) ?? dense.set(m, decodeWeights(m.file.weights, m.file.bits, m.file.scale)).get(m)!;

/** The score as defined: message codes first, then each word's codes summed on their own. */
function referenceScore(model: LinearModel, text: string): number {
  const f = model.file;
  const dense = denseOf(model);
  const shift = 32 - f.bits;
  const w = (code: number) => (code & 1 ? -dense[code >>> shift]! : dense[code >>> shift]!);
  const buf = new FeatureBuffer();
  featurize(text, model.features, buf);
  let sum = 0;
  let count = buf.count;
  for (let i = 0; i < buf.count; i++) sum += w(buf.codes[i]!);
  const scratch = new Int32Array(wordCodeCapacity(model.features));
  for (let word = 0; word < buf.words; word++) {
    const m = wordCodes(buf, word, model.features, scratch);
    let s = 0;
    for (let j = 0; j < m; j++) s += w(scratch[j]!);
    sum += s;
    count += m;
  }
  const ln = f.lengthNorm;
  const margin = count === 0 || ln === 0 ? sum : ln === 0.5 ? sum / Math.sqrt(count) : ln === 0.25 ? sum / Math.sqrt(Math.sqrt(count)) : sum / Math.pow(count, ln);
  return 1 / (1 + Math.exp(-(f.bias + margin)));
}

const samples = [
  "you are an idiot",
  "WHAT A LOSER lol",
  "u r such a dumb4ss",
  "you 1d10t, you ｉｄｉｏｔ",
  "check http://x.y now, or murdev.com",
  "@USER <@123> shut up",
  "আমার অর্ডার এখনো আসেনি",
  "",
  ...readCleanLines(path.resolve(import.meta.dirname, "../../../scripts/train/clean-support.txt")),
];
if (haveCorpora) {
  const lines = readFileSync(corpus("olid-train.jsonl"), "utf8").split("\n").filter(Boolean).slice(0, 1500);
  samples.push(...lines.map((l) => (JSON.parse(l) as { text: string }).text));
}

describe("exact scores", () => {
  for (const name of ["offensive", "spam"]) {
    it(`${name}: the cached score is the defined score, bit for bit, before and after the word cache fills`, () => {
      const model = loadModel(name);
      for (const text of samples) expect(model.score(text), text).toBe(referenceScore(model, text));
      for (const text of samples) expect(model.score(text), text).toBe(referenceScore(model, text)); // cache hits
      // Enough distinct words to clear the word cache (at 70% of 65,536 slots) and refill it.
      for (let i = 0; i < 50_000; i++) model.score(`w${i.toString(36)}x q${(i * 7919).toString(36)}z`);
      for (const text of samples) expect(model.score(text), text).toBe(referenceScore(model, text));
      expect(model.score("aaa bbb")).toBe(referenceScore(model, "aaa bbb"));
    });
  }
});
