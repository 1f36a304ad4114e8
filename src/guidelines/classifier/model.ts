// A trained linear model over hashed features (models/<name>.json) and its scoring.
// Weights are stored sparse and quantized to int8: indices as LEB128 varint deltas, values as
// signed bytes, both base64. Loading expands them into a dense Int8Array indexed by the top
// `bits` bits of a feature code, so scoring is one array read (and a multiply) per feature.
import { z } from "zod";
import {
  FEATURES_VERSION,
  FeatureBuffer,
  expandCodes,
  featurize,
  wordCodeCapacity,
  wordCodes,
  wordKey,
  type FeatureOptions,
} from "./features.js";

const metricsSchema = z.object({
  threshold: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
});

export const modelFileSchema = z.object({
  format: z.literal("steward-linear-v1"),
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  /** What a score near 1 means, e.g. "OLID OFF (offensive)". */
  positive: z.string(),
  features: z.object({
    version: z.number().int(),
    bigrams: z.boolean(),
    caps: z.boolean(),
    charMin: z.number().int().min(0).max(8),
    charMax: z.number().int().min(0).max(8),
  }),
  bits: z.number().int().min(10).max(24),
  /** The weight sum is divided by n^lengthNorm (n = number of features). */
  lengthNorm: z.number().min(0).max(1),
  bias: z.number(),
  scale: z.number().positive(),
  weights: z.object({
    count: z.number().int().min(0),
    index: z.string(),
    value: z.string(),
  }),
  /** Recommended threshold (chosen by cross-validation; see cv). */
  threshold: z.number().min(0).max(1),
  training: z.record(z.string(), z.unknown()),
  cv: z.looseObject({ thresholds: z.array(metricsSchema) }),
});

export type ModelFile = z.infer<typeof modelFileSchema>;

/** Sparse int8 weights → the two base64 strings of the model file. `q` is indexed by bucket. */
export function encodeWeights(q: Int8Array): { count: number; index: string; value: string } {
  const idx: number[] = [];
  const val: number[] = [];
  let last = 0;
  for (let i = 0; i < q.length; i++) {
    const v = q[i]!;
    if (v === 0) continue;
    let delta = i - last;
    last = i;
    while (delta >= 0x80) {
      idx.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    idx.push(delta);
    val.push(v & 0xff);
  }
  return { count: val.length, index: Buffer.from(idx).toString("base64"), value: Buffer.from(val).toString("base64") };
}

export function decodeWeights(w: { count: number; index: string; value: string }, bits: number, scale: number): Float32Array {
  const q = decodeQuantized(w, bits);
  const dense = new Float32Array(1 << bits);
  for (let i = 0; i < q.length; i++) if (q[i] !== 0) dense[i] = q[i]! * scale;
  return dense;
}

/** The int8 weights by bucket (weight = Math.fround(q × scale), as decodeWeights stores it). */
export function decodeQuantized(w: { count: number; index: string; value: string }, bits: number): Int8Array {
  const dense = new Int8Array(1 << bits);
  const idx = Buffer.from(w.index, "base64");
  const val = Buffer.from(w.value, "base64");
  if (val.length !== w.count) throw new Error(`model weights: expected ${w.count} values, found ${val.length}`);
  let p = 0;
  let at = 0;
  for (let k = 0; k < w.count; k++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const b = idx[p++];
      if (b === undefined) throw new Error("model weights: index data ends early");
      delta += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    at += delta;
    if (at >= dense.length) throw new Error("model weights: index out of range");
    dense[at] = val[k]!; // the byte read back as signed
  }
  return dense;
}

/**
 * A feature's signed weight: the bucket is the code's top `bits` bits, the sign its low bit
 * (signed hashing makes collisions cancel out on average instead of adding up).
 */
function signed(weights: Float32Array, code: number, shift: number): number {
  const v = weights[code >>> shift]!;
  return code & 1 ? -v : v;
}

/** The margin: Σ ±w / n^lengthNorm over the message's n feature codes. */
export function linearMargin(codes: Int32Array, count: number, weights: Float32Array, shift: number, lengthNorm: number): number {
  let s = 0;
  for (let i = 0; i < count; i++) s += signed(weights, codes[i]!, shift);
  return normalize(s, count, lengthNorm);
}

function normalize(sum: number, count: number, lengthNorm: number): number {
  if (count === 0 || lengthNorm === 0) return sum;
  if (lengthNorm === 0.5) return sum / Math.sqrt(count);
  if (lengthNorm === 0.25) return sum / Math.sqrt(Math.sqrt(count));
  return sum / Math.pow(count, lengthNorm);
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** One word's share of the score, for telling moderators why. */
export interface WordContribution {
  start: number;
  end: number;
  weight: number;
}

/**
 * signed() on the int8 weights: Math.fround(q × scale) is exactly the float32 decodeWeights
 * stores, so sums are bit-identical, from a table a quarter the size (fewer cache misses).
 */
function signedQ(q: Int8Array, scale: number, code: number, shift: number): number {
  const v = Math.fround(q[code >>> shift]! * scale);
  return code & 1 ? -v : v;
}

// Per-model cache of a word's summed word-level weights (unigram, <caps>, character n-grams):
// chat vocabulary is small, so most words cost one probe instead of ~10 hashes. Open
// addressing; cleared when 70% full, so memory stays bounded. A slot is two doubles, 16 bytes:
// key × 1024 + feature count (exact: |key| < 2^31, count < 1024), and the weight sum; NaN = empty.
const CACHE_BITS = 16;
/** explain() shows a word only when it weighs at least this share of the strongest one. */
const MIN_SHARE = 0.3;
const CACHE_SIZE = 1 << CACHE_BITS;
const COUNT_RANGE = 1024;

export class LinearModel {
  readonly name: string;
  readonly threshold: number;
  readonly features: FeatureOptions;
  private readonly q: Int8Array;
  private readonly scale: number;
  private readonly shift: number;
  private readonly bias: number;
  private readonly lengthNorm: number;
  private readonly scratch: Int32Array;
  private readonly cache = new Float64Array(CACHE_SIZE * 2).fill(NaN);
  private cacheEntries = 0;
  /** The feature count of the word slotOf() last returned. */
  private slotCount = 0;
  private perWord = new Float64Array(64);

  constructor(readonly file: ModelFile) {
    if (file.features.version !== FEATURES_VERSION) {
      throw new Error(`model ${file.name}: trained with features v${file.features.version}, this Steward has v${FEATURES_VERSION}; retrain it (scripts/train)`);
    }
    this.name = file.name;
    this.threshold = file.threshold;
    this.features = internOptions(file.features);
    this.q = decodeQuantized(file.weights, file.bits);
    this.scale = file.scale;
    this.shift = 32 - file.bits;
    this.bias = file.bias;
    this.lengthNorm = file.lengthNorm;
    this.scratch = new Int32Array(wordCodeCapacity(this.features));
    if (this.scratch.length >= COUNT_RANGE) throw new Error(`model ${file.name}: too many character n-grams per word`);
  }

  /** Score in (0, 1) of a message already featurized with this model's options. */
  scoreFeatures(buf: FeatureBuffer): number {
    const q = this.q;
    const scale = this.scale;
    const shift = this.shift;
    const cache = this.cache;
    let sum = 0;
    let count = buf.count;
    for (let i = 0; i < buf.count; i++) sum += signedQ(q, scale, buf.codes[i]!, shift);
    for (let word = 0; word < buf.words; word++) {
      const at = this.slotOf(buf, word);
      sum += cache[at + 1]!;
      count += this.slotCount;
    }
    return sigmoid(this.bias + normalize(sum, count, this.lengthNorm));
  }

  /** The cache slot holding word `word`'s summed word-level weights (computed on a miss). */
  private slotOf(buf: FeatureBuffer, word: number): number {
    const cache = this.cache;
    const key = wordKey(buf, word);
    const base = key * COUNT_RANGE;
    let at = (Math.imul(key, 0x9e3779b1) >>> (32 - CACHE_BITS)) << 1;
    for (;;) {
      const k = cache[at]!;
      if (k !== k) return this.fill(buf, word, key, at);
      const count = k - base;
      if (count >= 0 && count < COUNT_RANGE) {
        this.slotCount = count;
        return at;
      }
      at = (at + 2) & (CACHE_SIZE * 2 - 1);
    }
  }

  /** Computes word `word`'s summed word-level weights into the empty slot `at`; returns the slot. */
  private fill(buf: FeatureBuffer, word: number, key: number, at: number): number {
    if (this.cacheEntries >= CACHE_SIZE * 0.7) {
      this.cache.fill(NaN);
      this.cacheEntries = 0;
      at = (Math.imul(key, 0x9e3779b1) >>> (32 - CACHE_BITS)) << 1;
    }
    const m = wordCodes(buf, word, this.features, this.scratch);
    let s = 0;
    for (let j = 0; j < m; j++) s += signedQ(this.q, this.scale, this.scratch[j]!, this.shift);
    this.cache[at] = key * COUNT_RANGE + m;
    this.cache[at + 1] = s;
    this.cacheEntries++;
    this.slotCount = m;
    return at;
  }

  score(text: string): number {
    return this.scoreFeatures(sharedFeatures(text, this.features));
  }

  /** Score computed from the expanded codes, without the word cache (reference path for tests). */
  scoreUncached(text: string): number {
    const buf = new FeatureBuffer();
    featurize(text, this.features, buf);
    const out = { codes: new Int32Array(0), word: new Int32Array(0), count: 0 };
    expandCodes(buf, this.features, out);
    let s = 0;
    for (let i = 0; i < out.count; i++) s += signedQ(this.q, this.scale, out.codes[i]!, this.shift);
    return sigmoid(this.bias + normalize(s, out.count, this.lengthNorm));
  }

  /**
   * The distinct words that pushed the score up most, strongest first (positive contributions
   * of at least 30% of the strongest one): a word's own features plus the bigram ending at it. Cheap: reuses the featurized
   * message and the word cache; allocates only the result.
   */
  explain(text: string, limit = 3): WordContribution[] {
    const buf = sharedFeatures(text, this.features);
    if (this.perWord.length < buf.words) this.perWord = new Float64Array(buf.words * 2);
    const perWord = this.perWord;
    for (let word = 0; word < buf.words; word++) perWord[word] = this.cache[this.slotOf(buf, word) + 1]!;
    for (let i = 0; i < buf.count; i++) {
      const word = buf.codeWord[i]!;
      if (word >= 0) perWord[word] = perWord[word]! + signedQ(this.q, this.scale, buf.codes[i]!, this.shift);
    }
    const found: WordContribution[] = [];
    const keys: number[] = [];
    for (let pick = 0; pick < limit; pick++) {
      let best = -1;
      for (let word = 0; word < buf.words; word++) {
        if (perWord[word]! > 0 && (best < 0 || perWord[word]! > perWord[best]!)) best = word;
      }
      if (best < 0) break;
      // Words far weaker than the strongest ("an" next to "idiot") explain nothing.
      if (found.length > 0 && perWord[best]! < MIN_SHARE * found[0]!.weight) break;
      const key = wordKey(buf, best);
      perWord[best] = 0;
      if (keys.includes(key)) {
        pick--; // the same word again: show it once
        continue;
      }
      keys.push(key);
      found.push({ start: buf.wordStart[best]!, end: buf.wordEnd[best]!, weight: this.lastWeight(buf, best) });
    }
    return found;
  }

  /** A word's contribution (recomputed: explain() zeroes picked entries as it goes). */
  private lastWeight(buf: FeatureBuffer, word: number): number {
    let s = this.cache[this.slotOf(buf, word) + 1]!;
    for (let i = 0; i < buf.count; i++) if (buf.codeWord[i] === word) s += signedQ(this.q, this.scale, buf.codes[i]!, this.shift);
    return s;
  }
}

// Several classifier conditions usually judge the same message in a row: featurize it once.
// Options objects are interned so "same options" is an identity check.
const interned = new Map<string, FeatureOptions>();
function internOptions(o: FeatureOptions): FeatureOptions {
  const key = `${o.bigrams ? 1 : 0}|${o.caps ? 1 : 0}|${o.charMin}|${o.charMax}`;
  let found = interned.get(key);
  if (!found) {
    found = { bigrams: o.bigrams, caps: o.caps, charMin: o.charMin, charMax: o.charMax };
    interned.set(key, found);
  }
  return found;
}

const shared = new FeatureBuffer();
let sharedText: string | null = null;
let sharedOpts: FeatureOptions | null = null;

function sharedFeatures(text: string, opts: FeatureOptions): FeatureBuffer {
  if (text !== sharedText || opts !== sharedOpts) {
    featurize(text, opts, shared);
    sharedText = text;
    sharedOpts = opts;
  }
  return shared;
}
