// Training and cross-validation over featurized examples. Uses the inference featurizer and
// scoring (src/guidelines/classifier) so what is measured here is exactly what ships.
import { featureCodes, type FeatureOptions } from "../../src/guidelines/classifier/features.js";
import { linearMargin, sigmoid } from "../../src/guidelines/classifier/model.js";
import { fitLogistic, type FitOptions, type SparseRows } from "./logreg.js";
import { mulberry32 } from "../../src/util/rng.js";

export interface Example {
  text: string;
  y: 0 | 1;
  /** Weight of the example in the loss (e.g. < 1 for an auxiliary corpus). */
  weight: number;
  /** Reporting group, e.g. "olid", "sms", "youtube". */
  group: string;
  /** Finer tags for reports, e.g. "IND" for OLID insults aimed at a person. */
  tag?: string;
  /** False for auxiliary rows that are only ever trained on, never scored in CV. */
  evaluate: boolean;
}

export interface Hyper {
  bits: number;
  features: FeatureOptions;
  fit: FitOptions;
  /** Scores divide the weight sum by n^lengthNorm (n = feature count): 0 = plain sum, 0.5 = √n. */
  lengthNorm: number;
  /** Extra weight on positive examples (class balance). */
  positiveWeight: number;
  /** NB-LR smoothing α; 0 = plain logistic regression. */
  nb: number;
}

export interface TrainedWeights {
  bits: number;
  lengthNorm: number;
  bias: number;
  scale: number;
  /** Quantized weights by bucket. */
  q: Int8Array;
  /** The dequantized weights the model file will load (what inference uses). */
  dense: Float32Array;
  iterations: number;
}

/** Each example's feature hashes, computed once and reused across folds. */
export function featurizeAll(examples: readonly Example[], opts: FeatureOptions): Int32Array[] {
  return examples.map((e) => featureCodes(e.text, opts));
}

/** Trains on the examples at `indices`. Deterministic: same inputs → same weights. */
export function train(codes: readonly Int32Array[], examples: readonly Example[], indices: ArrayLike<number>, hyper: Hyper): TrainedWeights {
  const shift = 32 - hyper.bits;
  const colOf = new Int32Array(1 << hyper.bits).fill(-1);
  const bucketOf: number[] = [];
  let nnz = 0;
  for (let k = 0; k < indices.length; k++) nnz += codes[indices[k]!]!.length;
  const ptr = new Int32Array(indices.length + 1);
  const col = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  const y = new Uint8Array(indices.length);
  const c = new Float64Array(indices.length);
  let at = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const f = codes[i]!;
    const ex = examples[i]!;
    const norm = f.length > 0 ? 1 / Math.pow(f.length, hyper.lengthNorm) : 0;
    for (let j = 0; j < f.length; j++) {
      const h = f[j]!;
      const b = h >>> shift;
      let cj = colOf[b]!;
      if (cj < 0) {
        cj = bucketOf.length;
        colOf[b] = cj;
        bucketOf.push(b);
      }
      col[at] = cj;
      val[at] = h & 1 ? -norm : norm;
      at++;
    }
    ptr[k + 1] = at;
    y[k] = ex.y;
    c[k] = ex.weight * (ex.y ? hyper.positiveWeight : 1);
  }
  const x: SparseRows = { rows: indices.length, cols: bucketOf.length, ptr, col, val };
  const r = hyper.nb ? nbRatios(x, y, c, hyper.nb) : null;
  if (r) for (let k = 0; k < nnz; k++) val[k] = val[k]! * r[col[k]!]!;
  const fitted = fitLogistic(x, y, c, hyper.fit);
  if (r) for (let j = 0; j < r.length; j++) fitted.weights[j] = fitted.weights[j]! * r[j]!;
  return { ...quantize(fitted.weights, bucketOf, hyper.bits, fitted.bias, fitted.iterations), lengthNorm: hyper.lengthNorm };
}

/**
 * NB-LR (Wang & Manning 2012): scale each feature by its smoothed log-count ratio before
 * fitting; folding the ratio back into the weights leaves an ordinary linear model.
 */
function nbRatios(x: SparseRows, y: Uint8Array, c: Float64Array, alpha: number): Float64Array {
  const p = new Float64Array(x.cols).fill(alpha);
  const q = new Float64Array(x.cols).fill(alpha);
  for (let row = 0; row < x.rows; row++) {
    const t = y[row] ? p : q;
    for (let k = x.ptr[row]!; k < x.ptr[row + 1]!; k++) t[x.col[k]!] = t[x.col[k]!]! + c[row]!;
  }
  let ps = 0;
  let qs = 0;
  for (let j = 0; j < x.cols; j++) {
    ps += p[j]!;
    qs += q[j]!;
  }
  const r = new Float64Array(x.cols);
  for (let j = 0; j < x.cols; j++) r[j] = Math.abs(Math.log(p[j]! / ps / (q[j]! / qs)));
  return r;
}

/** int8 quantization with one scale; the largest weight maps to ±127. */
function quantize(w: Float64Array, bucketOf: readonly number[], bits: number, bias: number, iterations: number): Omit<TrainedWeights, "lengthNorm"> {
  // (Clipping the largest weights to keep more small ones costs F1: the large ones matter.)
  let max = 0;
  for (let j = 0; j < w.length; j++) max = Math.max(max, Math.abs(w[j]!));
  const scale = max > 0 ? max / 127 : 1;
  // Round the scale to 9 significant digits so the JSON round trip is exact.
  const s = Number(scale.toPrecision(9));
  const q = new Int8Array(1 << bits);
  const dense = new Float32Array(1 << bits);
  for (let j = 0; j < w.length; j++) {
    const v = Math.max(-127, Math.min(127, Math.round(w[j]! / s)));
    q[bucketOf[j]!] = v;
    dense[bucketOf[j]!] = v * s;
  }
  return { bits, bias: Number(bias.toPrecision(9)), scale: s, q, dense, iterations };
}

export function predict(model: TrainedWeights, codes: Int32Array): number {
  return sigmoid(model.bias + linearMargin(codes, codes.length, model.dense, 32 - model.bits, model.lengthNorm));
}

/** Stratified k folds over the evaluated examples (fold -1: auxiliary, always trained on). */
export function stratifiedFolds(examples: readonly Example[], k: number, seed: number): Int8Array {
  const folds = new Int8Array(examples.length).fill(-1);
  const rand = mulberry32(seed);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    examples.forEach((e, i) => {
      if (e.evaluate && e.y === cls) idx.push(i);
    });
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((ex, n) => (folds[ex] = n % k));
  }
  return folds;
}

/** Out-of-fold scores for every evaluated example (NaN for auxiliary ones). */
export function crossValidate(codes: readonly Int32Array[], examples: readonly Example[], hyper: Hyper, k: number, seed: number): Float64Array {
  const folds = stratifiedFolds(examples, k, seed);
  const scores = new Float64Array(examples.length).fill(NaN);
  for (let fold = 0; fold < k; fold++) {
    const trainIdx: number[] = [];
    for (let i = 0; i < examples.length; i++) if (folds[i] !== fold) trainIdx.push(i);
    const model = train(codes, examples, trainIdx, hyper);
    for (let i = 0; i < examples.length; i++) if (folds[i] === fold) scores[i] = predict(model, codes[i]!);
  }
  return scores;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Metrics {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function countAt(scores: Float64Array, examples: readonly Example[], threshold: number, keep: (e: Example) => boolean = () => true): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < examples.length; i++) {
    const e = examples[i]!;
    const s = scores[i]!;
    if (Number.isNaN(s) || !keep(e)) continue;
    const flagged = s >= threshold;
    if (e.y) flagged ? c.tp++ : c.fn++;
    else flagged ? c.fp++ : c.tn++;
  }
  return c;
}

export function metrics(c: Counts, threshold: number): Metrics {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, precision: round(precision), recall: round(recall), f1: round(f1) };
}

export function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits));
}
