// How a model adds to the hand-written rules: for each threshold, the figures of "a rule of the
// given guidelines hits, or the model's out-of-fold score reaches the threshold" on the model's
// own cross-validation data. Used to pick the thresholds of the classifier rules proposed for
// rules/ (`train.mjs --model offensive --with-rules rules`). Rules are judged like `steward eval`
// judges a line: an established member in #general, fresh rate store.
import { loadGuidelines } from "../../src/guidelines/loader/index.js";
import { contextInputs } from "../../src/guidelines/testing/context.js";
import { MemoryRateStore } from "../../src/guidelines/rates.js";
import { round, type Example } from "./core.js";
import type { ReportSlice } from "./specs.js";

export interface UnionRow {
  threshold: number | null;
  /** Per slice: precision/recall/F1 (where it has positives and negatives) or flag rates. */
  slices: Record<string, { precision?: number; recall?: number; f1?: number; falsePositiveRate?: number }>;
}

export async function ruleHits(examples: readonly Example[], rulesDir: string, guidelines: readonly string[]): Promise<Uint8Array> {
  const set = await loadGuidelines(rulesDir);
  const ids = new Set(guidelines);
  const hits = new Uint8Array(examples.length);
  examples.forEach((e, i) => {
    const input = contextInputs(e.text, {}, new MemoryRateStore()).at(-1)!;
    hits[i] = set.evaluate(input).some((h) => ids.has(h.guideline.id)) ? 1 : 0;
  });
  return hits;
}

export function unionTable(examples: readonly Example[], oof: Float64Array, hits: Uint8Array, slices: readonly ReportSlice[], thresholds: readonly (number | null)[]): UnionRow[] {
  return thresholds.map((t) => {
    const row: UnionRow = { threshold: t, slices: {} };
    for (const s of slices) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let tn = 0;
      examples.forEach((e, i) => {
        const score = oof[i]!;
        if (!s.on(e) || Number.isNaN(score)) return;
        const flagged = hits[i] === 1 || (t !== null && score >= t);
        if (e.y) flagged ? tp++ : fn++;
        else flagged ? fp++ : tn++;
      });
      const r: UnionRow["slices"][string] = {};
      if (tp + fn > 0) r.recall = round(tp / (tp + fn));
      if (fp + tn > 0) r.falsePositiveRate = round(fp / (fp + tn));
      if (tp + fn > 0 && fp + tn > 0) {
        r.precision = tp + fp ? round(tp / (tp + fp)) : 0;
        r.f1 = r.precision + r.recall! > 0 ? round((2 * r.precision * r.recall!) / (r.precision + r.recall!)) : 0;
      }
      row.slices[s.name] = r;
    }
    return row;
  });
}

export function formatUnionTable(rows: readonly UnionRow[], label: string): string {
  const out = [`rules (${label}) ∪ model ≥ threshold, on cross-validated scores:`];
  for (const r of rows) {
    const parts = Object.entries(r.slices).map(([name, s]) => {
      const f = (k: string, v: number | undefined) => (v === undefined ? "" : ` ${k} ${v.toFixed(3)}`);
      return `${name}:${f("P", s.precision)}${f("R", s.recall)}${f("F1", s.f1)}${f("FPR", s.falsePositiveRate)}`;
    });
    out.push(`  ${r.threshold === null ? "rules only" : `≥ ${r.threshold.toFixed(2)}    `}  ${parts.join(" | ")}`);
  }
  return out.join("\n");
}
