// In-memory sliding windows for rate conditions. Each key keeps its events in ring buffers
// (typed arrays, a power of two long, grown by doubling), read from a moving head, and a
// running total, so a hit costs O(1) amortised whatever the window length and allocates
// nothing once the ring fits the key's busiest window. Weights and values are stored only
// when used (most keys count plain messages). Duplicates are counted by scanning the window
// while it is small (a member's last messages) and with a value → count map once it is large
// (a busy channel). Values are numbers (rate conditions hash the text) or strings (RateStore).
// Keys are kept while the map is small (deleting and re-adding keys as members come and go
// makes the map reallocate: most of the cost of a hit); past MAX_KEYS the idle ones are dropped
// in one pass, so memory stays bounded.
import type { RateStore } from "./types.js";

type Value = number | string;
/** Values of a key's events: numbers in a typed array (NaN: none), or strings (undefined: none). */
type Values = Float64Array | (Value | undefined)[];

interface Series {
  /** Event times; event k of the window (0 = oldest) is at (head + k) & mask. */
  times: Float64Array;
  /** null while every weight is 1. */
  weights: Float64Array | null;
  /** null until a value is recorded. */
  values: Values | null;
  head: number;
  size: number;
  mask: number;
  total: number;
  counts: Map<Value, number> | null;
  last: number;
  windowMs: number;
}

/** At most this many events are kept per key; older ones are dropped (a flood is a flood). */
const MAX_EVENTS = 10_000;
/** Duplicate counting uses a map above this many events in a window, a scan below MAP_UNTIL. */
const MAP_FROM = 48;
const MAP_UNTIL = 16;
/** Above this many keys, idle keys are dropped (one pass, then again only after as many new keys). */
const MAX_KEYS = 100_000;
/** A key is kept this long after its last event even when its window is shorter (chatty members keep theirs). */
const KEEP_IDLE_MS = 10 * 60_000;
/** A new key's ring holds this many events before growing. */
const FIRST_CAPACITY = 8;

/** A key's series, held by a caller that hits the same key often (see MemoryRateStore.seriesOf). */
export type RateSeries = Series;

export class MemoryRateStore implements RateStore {
  private series = new Map<string, Series>();
  /** Bumped whenever series are dropped: series obtained from seriesOf() before are stale. */
  epoch = 0;
  /**
   * @param maxIdleMs keys idle longer than this are dropped even if their window is longer.
   * @param maxKeys how many keys may accumulate before idle ones are dropped.
   */
  constructor(
    private readonly maxIdleMs = 24 * 3_600_000,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  hit(key: string, at: number, windowMs: number, weight = 1): number {
    const s = this.touch(key, at, windowMs);
    this.push(s, at, weight, undefined);
    return s.total;
  }

  hitValue(key: string, value: string, at: number, windowMs: number): number {
    return this.valueHit(this.touch(key, at, windowMs), value, at);
  }

  /**
   * The series of `key` (made when new, as a hit would), for callers that keep it per key and
   * hit it with hitSeries/hitValueSeries while `epoch` is unchanged: one map lookup fewer a hit.
   */
  seriesOf(key: string, at: number, windowMs: number): RateSeries {
    return this.series.get(key) ?? this.touch(key, at, windowMs);
  }

  /** hit() on a series from seriesOf() (same `epoch`). */
  hitSeries(s: RateSeries, at: number, windowMs: number, weight = 1): number {
    this.advance(s, at, windowMs);
    this.push(s, at, weight, undefined);
    return s.total;
  }

  /** hitValue() on a series from seriesOf() (same `epoch`); values compare with ===. */
  hitValueSeries(s: RateSeries, value: Value, at: number, windowMs: number): number {
    this.advance(s, at, windowMs);
    return this.valueHit(s, value, at);
  }

  private valueHit(s: Series, value: Value, at: number): number {
    this.push(s, at, 1, value);
    const values = s.values!;
    const live = s.size;
    const mask = s.mask;
    if (s.counts === null && live > MAP_FROM) {
      const counts = new Map<Value, number>();
      for (let k = 0; k < live - 1; k++) {
        const v = values[(s.head + k) & mask];
        if (isValue(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      s.counts = counts;
    } else if (s.counts !== null && live < MAP_UNTIL) s.counts = null;
    if (s.counts !== null) {
      const n = (s.counts.get(value) ?? 0) + 1;
      s.counts.set(value, n);
      return n;
    }
    let n = 0;
    for (let k = 0, i = s.head; k < live; k++, i = (i + 1) & mask) if (values[i] === value) n++;
    return n;
  }

  /** Number of keys held (for tests and metrics). */
  get size(): number {
    return this.series.size;
  }

  private push(s: Series, at: number, weight: number, value: Value | undefined): void {
    if (s.size === MAX_EVENTS) this.dropOldest(s);
    if (s.size === s.times.length) grow(s);
    if (weight !== 1 && s.weights === null) s.weights = new Float64Array(s.times.length).fill(1);
    if (value !== undefined) prepareValues(s, value);
    const i = (s.head + s.size) & s.mask;
    s.times[i] = at;
    if (s.weights !== null) s.weights[i] = weight;
    if (s.values !== null) (s.values as Value[])[i] = value!; // undefined reads back as NaN from a Float64Array
    s.size++;
    s.total += weight;
  }

  private touch(key: string, at: number, windowMs: number): Series {
    let s = this.series.get(key);
    if (s === undefined) {
      if (this.series.size >= this.maxKeys) this.dropIdle(at);
      s = {
        times: new Float64Array(FIRST_CAPACITY),
        weights: null,
        values: null,
        head: 0,
        size: 0,
        mask: FIRST_CAPACITY - 1,
        total: 0,
        counts: null,
        last: at,
        windowMs,
      };
      this.series.set(key, s);
    } else this.advance(s, at, windowMs);
    return s;
  }

  /** Drops the events of `s` that left the window ending at `at`. */
  private advance(s: Series, at: number, windowMs: number): void {
    if (at > s.last) s.last = at;
    s.windowMs = windowMs;
    const cutoff = at - windowMs;
    while (s.size > 0 && s.times[s.head]! <= cutoff) this.dropOldest(s);
    if (s.size === 0) {
      s.head = 0;
      s.total = 0;
      s.counts = null;
    }
  }

  private dropOldest(s: Series): void {
    const i = s.head;
    s.head = (i + 1) & s.mask;
    s.size--;
    s.total -= s.weights !== null ? s.weights[i]! : 1;
    if (s.values !== null) {
      const v = s.values[i];
      (s.values as Value[])[i] = undefined!; // let a string value go
      if (s.counts !== null && isValue(v)) {
        const n = (s.counts.get(v) ?? 1) - 1;
        if (n <= 0) s.counts.delete(v);
        else s.counts.set(v, n);
      }
    }
  }

  /** Drops keys idle longer than their window and KEEP_IDLE_MS (or maxIdleMs); if that is not enough, the least recent half. */
  private dropIdle(now: number): void {
    this.epoch++;
    for (const [k, s] of this.series) {
      const idle = now - s.last;
      if ((idle > s.windowMs && idle > KEEP_IDLE_MS) || idle > this.maxIdleMs) this.series.delete(k);
    }
    if (this.series.size >= this.maxKeys * 0.9) {
      const lasts = [...this.series.values()].map((s) => s.last).sort((a, b) => a - b);
      const cut = lasts[Math.floor(lasts.length / 2)]!;
      for (const [k, s] of this.series) if (s.last <= cut) this.series.delete(k);
    }
  }
}

/** Doubles the ring of a full series, oldest event first. */
function grow(s: Series): void {
  const cap = s.times.length;
  const order = (i: number) => (s.head + i) & s.mask;
  const times = new Float64Array(cap * 2);
  for (let k = 0; k < s.size; k++) times[k] = s.times[order(k)]!;
  if (s.weights !== null) {
    const weights = new Float64Array(cap * 2).fill(1);
    for (let k = 0; k < s.size; k++) weights[k] = s.weights[order(k)]!;
    s.weights = weights;
  }
  if (s.values !== null) {
    const values = emptyValues(s.values instanceof Float64Array, cap * 2);
    for (let k = 0; k < s.size; k++) values[k] = s.values[order(k)]!;
    s.values = values;
  }
  s.times = times;
  s.head = 0;
  s.mask = cap * 2 - 1;
}

function emptyValues(numeric: boolean, capacity: number): Values {
  return numeric ? new Float64Array(capacity).fill(NaN) : new Array<Value | undefined>(capacity).fill(undefined);
}

/** Makes room for `value` in the series' values: numbers stay unboxed unless strings come too. */
function prepareValues(s: Series, value: Value): void {
  if (s.values === null) s.values = emptyValues(typeof value === "number", s.times.length);
  else if (typeof value === "string" && s.values instanceof Float64Array) s.values = Array.from(s.values, (v) => (v === v ? v : undefined));
}

/** A recorded value (not a missing one: NaN or undefined). */
function isValue(v: Value | undefined): v is Value {
  return v !== undefined && v === v;
}
