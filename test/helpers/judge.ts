// Shared by the corpus tests and tuning scripts: read a labelled JSON-lines file, judge a
// message out of context exactly as `steward eval` does, and score the results.
import { readFileSync } from "node:fs";
import type { GuidelineSet, RuleHit } from "../../src/guidelines/api.js";
import { contextInputs } from "../../src/guidelines/testing/context.js";
import { MemoryRateStore } from "../../src/guidelines/rates.js";
import { Tally, type Scores } from "../../src/guidelines/eval/metrics.js";

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** An established member's message in #general with a fresh rate store, as `steward eval` judges it. */
export function judgeText(set: GuidelineSet, text: string): RuleHit[] {
  return set.evaluate(contextInputs(text, {}, new MemoryRateStore())[0]!);
}

export interface Score extends Scores {
  /** Share of negatives flagged. */
  fpRate: number;
}

export function scorePairs(pairs: Iterable<{ predicted: boolean; actual: boolean }>): Score {
  const t = new Tally();
  for (const { predicted, actual } of pairs) t.add(predicted, actual);
  const s = t.scores();
  return { ...s, fpRate: s.fp / Math.max(1, s.fp + s.tn) };
}

const pct = (x: number) => (100 * x).toFixed(1);
export const formatScore = (s: Score): string =>
  `P ${pct(s.precision)}% R ${pct(s.recall)}% F1 ${pct(s.f1)}% FP rate ${(100 * s.fpRate).toFixed(2)}% (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})`;
