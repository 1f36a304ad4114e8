// From a model spec to a model file: load and fingerprint the data, cross-validate, choose the
// threshold from out-of-fold scores, train on everything, quantize, and record it all.
import { readFileSync } from "node:fs";
import path from "node:path";
import { FEATURES_VERSION } from "../../src/guidelines/classifier/features.js";
import { LinearModel, encodeWeights, modelFileSchema, type ModelFile } from "../../src/guidelines/classifier/model.js";
import { countAt, crossValidate, featurizeAll, metrics, round, train, type Example, type Metrics } from "./core.js";
import { readJsonl, sha256File } from "./data.js";
import type { ModelSpec, ThresholdPolicy } from "./specs.js";

export interface LoadedData {
  examples: Example[];
  sources: { file: string; sha256: string; rows: number; used: number }[];
}

export function loadExamples(spec: ModelSpec, corporaDir: string, limit?: number): LoadedData {
  const examples: Example[] = [];
  const sources: LoadedData["sources"] = [];
  for (const src of spec.sources) {
    const file = path.join(corporaDir, src.file);
    let rows = readJsonl(file);
    const total = rows.length;
    if (limit !== undefined) rows = rows.slice(0, limit);
    let used = 0;
    for (const row of rows) {
      const e = src.map(row);
      if (!e) continue;
      examples.push({ text: row.text, ...e });
      used++;
    }
    sources.push({ file: src.file, sha256: sha256File(file), rows: total, used });
  }
  return { examples, sources };
}

const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** Counts for the policy: precision may count more than y = 1 as correct. */
/** The policy's figures at t; `fpr` is the highest of its false-positive-rate limits' rates. */
function policyMetrics(scores: Float64Array, examples: readonly Example[], policy: ThresholdPolicy, t: number): Metrics & { fpr?: number } {
  const correct = policy.correct ?? ((e: Example) => e.y === 1);
  let flagged = 0;
  let right = 0;
  let tp = 0;
  let pos = 0;
  for (let i = 0; i < examples.length; i++) {
    const e = examples[i]!;
    const s = scores[i]!;
    if (Number.isNaN(s) || !policy.on(e)) continue;
    if (e.y) pos++;
    if (s >= t) {
      flagged++;
      if (correct(e)) right++;
      if (e.y) tp++;
    }
  }
  const precision = flagged ? right / flagged : 0;
  const recall = pos ? tp / pos : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const m: Metrics & { fpr?: number } = { threshold: t, precision: round(precision), recall: round(recall), f1: round(f1) };
  if (policy.maxFpr) {
    m.fpr = 0;
    for (const limit of policy.maxFpr) {
      const c = countAt(scores, examples, t, limit.on);
      m.fpr = Math.max(m.fpr, round(c.fp / Math.max(1, c.fp + c.tn)));
    }
  }
  return m;
}

function negatives(examples: readonly Example[], on: (e: Example) => boolean): number {
  let n = 0;
  for (const e of examples) if (!e.y && e.evaluate && on(e)) n++;
  return n;
}

export function chooseThreshold(scores: Float64Array, examples: readonly Example[], policy: ThresholdPolicy): Metrics & { fpr?: number } {
  let best: (Metrics & { fpr?: number }) | null = null;
  for (const t of GRID) {
    const m = policyMetrics(scores, examples, policy, t);
    if (m.precision < policy.minPrecision) continue;
    if (policy.maxFpr && policy.maxFpr.some((limit) => countAt(scores, examples, t, limit.on).fp > limit.rate * Math.max(1, negatives(examples, limit.on)))) continue;
    const value = policy.objective === "recall" ? m.recall : m.f1;
    const bestValue = best ? (policy.objective === "recall" ? best.recall : best.f1) : -1;
    if (value > bestValue) best = m;
  }
  if (!best) throw new Error(`no threshold meets the policy: ${policy.describe}`);
  return best;
}

export interface SliceReport {
  rows: number;
  positives: number;
  /** Share of the slice's positives flagged. */
  recall?: number;
  /** Share of the slice's negatives flagged. */
  falsePositiveRate?: number;
  precision?: number;
  f1?: number;
}

export function sliceReport(scores: Float64Array, examples: readonly Example[], t: number, on: (e: Example) => boolean): SliceReport {
  const c = countAt(scores, examples, t, on);
  const r: SliceReport = { rows: c.tp + c.fp + c.fn + c.tn, positives: c.tp + c.fn };
  if (c.tp + c.fn > 0) r.recall = round(c.tp / (c.tp + c.fn));
  if (c.fp + c.tn > 0) r.falsePositiveRate = round(c.fp / (c.fp + c.tn));
  if (c.tp + c.fn > 0 && c.fp + c.tn > 0) {
    const m = metrics(c, t);
    r.precision = m.precision;
    r.f1 = m.f1;
  }
  return r;
}

export interface TrainOptions {
  corporaDir: string;
  folds: number;
  seed: number;
  /** Skip cross-validation (tests, quick runs): threshold 0.5, no CV figures. */
  cv: boolean;
  /** Use only the first `limit` rows of each file (tests). */
  limit?: number;
  /** Lines scored by the final model as a false-positive check (clean-support.txt). */
  cleanLines?: string[];
  log?: (line: string) => void;
}

export interface TrainResult {
  file: ModelFile;
  /** Out-of-fold scores (NaN where not evaluated), when CV ran. */
  oof?: Float64Array;
  examples: Example[];
}

export function trainSpec(spec: ModelSpec, opts: TrainOptions): TrainResult {
  const log = opts.log ?? (() => {});
  const { examples, sources } = loadExamples(spec, opts.corporaDir, opts.limit);
  const trainable = examples.filter((e) => e.weight > 0);
  log(`${spec.name}: ${examples.length} examples (${trainable.length} weighted), ${examples.filter((e) => e.y && e.weight > 0).length} positive`);
  const codes = featurizeAll(examples, spec.hyper.features);

  let cv: ModelFile["cv"] = { thresholds: [] };
  let threshold = 0.5;
  let oof: Float64Array | undefined;
  if (opts.cv) {
    const started = Date.now();
    oof = crossValidate(codes, examples, spec.hyper, opts.folds, opts.seed);
    const chosen = chooseThreshold(oof, examples, spec.policy);
    threshold = chosen.threshold;
    const slices: Record<string, SliceReport> = {};
    for (const s of spec.slices) slices[s.name] = sliceReport(oof, examples, threshold, s.on);
    cv = {
      folds: opts.folds,
      seed: opts.seed,
      note: "out-of-fold scores of models trained on the other folds; threshold and settings chosen on these same folds",
      policy: spec.policy.describe,
      chosen,
      slices,
      thresholds: GRID.filter((_, i) => (i + 1) % 5 === 0).map((t) => policyMetrics(oof!, examples, spec.policy, t)),
    };
    log(`${spec.name}: ${opts.folds}-fold CV in ${((Date.now() - started) / 1000).toFixed(1)}s → threshold ${threshold}: ${JSON.stringify(chosen)}`);
  }

  const all = examples.map((_, i) => i).filter((i) => examples[i]!.weight > 0);
  const trained = train(codes, examples, all, spec.hyper);
  const file: ModelFile = {
    format: "steward-linear-v1",
    name: spec.name,
    description: spec.description,
    positive: spec.positive,
    features: { version: FEATURES_VERSION, ...spec.hyper.features },
    bits: spec.hyper.bits,
    lengthNorm: spec.hyper.lengthNorm,
    bias: trained.bias,
    scale: trained.scale,
    weights: encodeWeights(trained.q),
    threshold,
    training: {
      tool: "scripts/train/train.ts (npm run build && node scripts/train/train.mjs --model " + spec.name + ")",
      data: sources,
      examples: trainable.length,
      positives: trainable.filter((e) => e.y).length,
      hyperparameters: {
        model: spec.hyper.nb ? "NB-weighted logistic regression (L2, L-BFGS)" : "logistic regression (L2, L-BFGS)",
        lambda: spec.hyper.fit.lambda,
        nbAlpha: spec.hyper.nb,
        positiveWeight: spec.hyper.positiveWeight,
        maxIter: spec.hyper.fit.maxIter,
        tol: spec.hyper.fit.tol,
        quantization: "int8, one scale",
      },
      iterations: trained.iterations,
    },
    cv,
  };
  if (opts.cleanLines?.length) {
    const model = new LinearModel(modelFileSchema.parse(file));
    const flagged = opts.cleanLines.filter((l) => model.score(l) >= threshold);
    file.training.cleanSupportCheck = { lines: opts.cleanLines.length, flagged: flagged.length, flaggedLines: flagged };
  }
  return { file: modelFileSchema.parse(file), oof, examples };
}

export function readCleanLines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}
