// The hits an instance sends on the rate stream (src/store/redis-rates.ts): queued in columns (no
// object per hit: the queue fills on every message), sent as one JSON text per batch with each key
// written once and times as offsets from the batch's first:
//   {"b": 1767225600000, "k": ["key0", "key1"], "p": [ki, dt, windowMs, weight, ...], "v": [ki, dt, windowMs, value, ...]}
// p: plain hits (hit), v: value hits (hitValue, weight 1); a value keeps its type (number or string).
type Value = number | string;

export interface DecodedHit {
  key: string;
  at: number;
  windowMs: number;
  weight: number;
  value: Value | undefined;
}

export class HitQueue {
  keys: string[] = [];
  /** at, windowMs, weight per hit. */
  nums: number[] = [];
  /** undefined for a plain hit. */
  values: (Value | undefined)[] = [];

  get length(): number {
    return this.keys.length;
  }

  push(key: string, at: number, windowMs: number, weight: number, value: Value | undefined): void {
    this.keys.push(key);
    this.nums.push(at, windowMs, weight);
    this.values.push(value);
  }

  /** Drops the oldest `n` hits. */
  dropOldest(n: number): void {
    this.keys.splice(0, n);
    this.nums.splice(0, n * 3);
    this.values.splice(0, n);
  }

  /** This queue's hits, then `later`'s. */
  concat(later: HitQueue): HitQueue {
    const q = new HitQueue();
    q.keys = this.keys.concat(later.keys);
    q.nums = this.nums.concat(later.nums);
    q.values = this.values.concat(later.values);
    return q;
  }

  /** The hits from..to (exclusive) as one batch text. */
  encode(from: number, to: number): string {
    const index = new Map<string, number>();
    const keys: string[] = [];
    const plain: (number | Value)[] = [];
    const valued: (number | Value)[] = [];
    const base = this.nums[from * 3]!;
    for (let i = from; i < to; i++) {
      const key = this.keys[i]!;
      let ki = index.get(key);
      if (ki === undefined) {
        ki = keys.length;
        keys.push(key);
        index.set(key, ki);
      }
      const at = this.nums[i * 3]! - base;
      const value = this.values[i];
      if (value === undefined) plain.push(ki, at, this.nums[i * 3 + 1]!, this.nums[i * 3 + 2]!);
      else valued.push(ki, at, this.nums[i * 3 + 1]!, value);
    }
    return JSON.stringify({ b: base, k: keys, p: plain, v: valued });
  }
}

/** Calls `each` for every well-formed hit of a batch text; ignores what is not one (returns false). */
export function decodeHits(text: string, each: (h: DecodedHit) => void): boolean {
  let batch: unknown;
  try {
    batch = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof batch !== "object" || batch === null) return false;
  const { b, k, p, v } = batch as { b?: unknown; k?: unknown; p?: unknown; v?: unknown };
  if (typeof b !== "number" || !Array.isArray(k) || !Array.isArray(p) || !Array.isArray(v)) return false;
  const h: DecodedHit = { key: "", at: 0, windowMs: 0, weight: 1, value: undefined };
  for (let i = 0; i + 3 < p.length; i += 4) {
    const key = k[p[i]];
    if (typeof key !== "string" || typeof p[i + 1] !== "number" || typeof p[i + 2] !== "number" || typeof p[i + 3] !== "number") continue;
    h.key = key;
    h.at = b + p[i + 1];
    h.windowMs = p[i + 2];
    h.weight = p[i + 3];
    h.value = undefined;
    each(h);
  }
  for (let i = 0; i + 3 < v.length; i += 4) {
    const key = k[v[i]];
    const value: unknown = v[i + 3];
    if (typeof key !== "string" || typeof v[i + 1] !== "number" || typeof v[i + 2] !== "number" || (typeof value !== "number" && typeof value !== "string")) continue;
    h.key = key;
    h.at = b + v[i + 1];
    h.windowMs = v[i + 2];
    h.weight = 1;
    h.value = value;
    each(h);
  }
  return true;
}
