// In-memory sliding windows for rate conditions. Each key keeps its event times in an array
// read from a moving head (no per-hit splicing) and a running total, so a hit costs O(1)
// amortised whatever the window length. Weights and values are stored only when used (most
// keys count plain messages). Duplicates are counted by scanning the window while it is small
// (a member's last messages) and with a value → count map once it is large (a busy channel).
// Keys are kept while the map is small (deleting and re-adding keys as members come and go
// makes the map reallocate: most of the cost of a hit); past MAX_KEYS the idle ones are dropped
// in one pass, so memory stays bounded.
import type { RateStore } from "./types.js";

interface Series {
  times: number[];
  /** null while every weight is 1. */
  weights: number[] | null;
  /** null until a value is recorded. */
  values: (string | undefined)[] | null;
  head: number;
  total: number;
  counts: Map<string, number> | null;
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

  /** hitValue() on a series from seriesOf() (same `epoch`). */
  hitValueSeries(s: RateSeries, value: string, at: number, windowMs: number): number {
    this.advance(s, at, windowMs);
    return this.valueHit(s, value, at);
  }

  private valueHit(s: Series, value: string, at: number): number {
    this.push(s, at, 1, value);
    const values = s.values!;
    const live = s.times.length - s.head;
    if (s.counts === null && live > MAP_FROM) {
      const counts = new Map<string, number>();
      for (let i = s.head; i < values.length - 1; i++) {
        const v = values[i];
        if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      s.counts = counts;
    } else if (s.counts !== null && live < MAP_UNTIL) s.counts = null;
    if (s.counts !== null) {
      const n = (s.counts.get(value) ?? 0) + 1;
      s.counts.set(value, n);
      return n;
    }
    let n = 0;
    for (let i = s.head; i < values.length; i++) if (values[i] === value) n++;
    return n;
  }

  /** Number of keys held (for tests and metrics). */
  get size(): number {
    return this.series.size;
  }

  private push(s: Series, at: number, weight: number, value: string | undefined): void {
    const times = s.times;
    if (weight !== 1 && s.weights === null) s.weights = times.map(() => 1);
    if (value !== undefined && s.values === null) s.values = times.map(() => undefined);
    times.push(at);
    if (s.weights !== null) s.weights.push(weight);
    if (s.values !== null) s.values.push(value);
    s.total += weight;
    if (times.length - s.head > MAX_EVENTS) this.dropOldest(s);
  }

  private touch(key: string, at: number, windowMs: number): Series {
    let s = this.series.get(key);
    if (s === undefined) {
      if (this.series.size >= this.maxKeys) this.dropIdle(at);
      s = { times: [], weights: null, values: null, head: 0, total: 0, counts: null, last: at, windowMs };
      this.series.set(key, s);
    } else this.advance(s, at, windowMs);
    return s;
  }

  /** Drops the events of `s` that left the window ending at `at`. */
  private advance(s: Series, at: number, windowMs: number): void {
    if (at > s.last) s.last = at;
    s.windowMs = windowMs;
    const cutoff = at - windowMs;
    const times = s.times;
    while (s.head < times.length && times[s.head]! <= cutoff) this.dropOldest(s);
    if (s.head === times.length) {
      // All expired: start over without copying.
      times.length = 0;
      if (s.weights !== null) s.weights.length = 0;
      if (s.values !== null) s.values.length = 0;
      s.head = 0;
      s.total = 0;
      s.counts = null;
    } else if (s.head > 64 && s.head * 2 > times.length) {
      // Compact once the dead prefix dominates.
      s.times = times.slice(s.head);
      if (s.weights !== null) s.weights = s.weights.slice(s.head);
      if (s.values !== null) s.values = s.values.slice(s.head);
      s.head = 0;
    }
  }

  private dropOldest(s: Series): void {
    const i = s.head++;
    s.total -= s.weights !== null ? s.weights[i]! : 1;
    if (s.counts !== null && s.values !== null) {
      const v = s.values[i];
      if (v !== undefined) {
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
