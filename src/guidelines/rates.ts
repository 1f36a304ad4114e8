// In-memory sliding windows for rate conditions. Each key keeps its events in arrays read
// from a moving head (no per-hit splicing), a running total, and for duplicate counting a
// value → count map, so a hit costs O(1) amortised whatever the window length. Keys whose
// window has fully passed are swept once a minute, so memory follows recent activity only.
import type { RateStore } from "./types.js";

interface Series {
  times: number[];
  weights: number[];
  values: (string | undefined)[];
  head: number;
  total: number;
  counts: Map<string, number> | null;
  last: number;
  windowMs: number;
}

/** At most this many events are kept per key; older ones are dropped (a flood is a flood). */
const MAX_EVENTS = 10_000;

export class MemoryRateStore implements RateStore {
  private series = new Map<string, Series>();
  private lastSweep = 0;
  /** @param maxIdleMs keys idle longer than this are dropped even if their window is longer. */
  constructor(private readonly maxIdleMs = 24 * 3_600_000) {}

  hit(key: string, at: number, windowMs: number, weight = 1): number {
    const s = this.touch(key, at, windowMs);
    this.push(s, at, weight, undefined);
    return s.total;
  }

  hitValue(key: string, value: string, at: number, windowMs: number): number {
    const s = this.touch(key, at, windowMs);
    this.push(s, at, 1, value);
    const counts = (s.counts ??= new Map());
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    return n;
  }

  /** Number of keys held (for tests and metrics). */
  get size(): number {
    return this.series.size;
  }

  private push(s: Series, at: number, weight: number, value: string | undefined): void {
    s.times.push(at);
    s.weights.push(weight);
    s.values.push(value);
    s.total += weight;
    if (s.times.length - s.head > MAX_EVENTS) this.dropOldest(s);
  }

  private touch(key: string, at: number, windowMs: number): Series {
    let s = this.series.get(key);
    if (!s) {
      s = { times: [], weights: [], values: [], head: 0, total: 0, counts: null, last: at, windowMs };
      this.series.set(key, s);
    }
    if (at > s.last) s.last = at;
    s.windowMs = windowMs;
    const cutoff = at - windowMs;
    while (s.head < s.times.length && s.times[s.head]! <= cutoff) this.dropOldest(s);
    // Compact once the dead prefix dominates.
    if (s.head > 64 && s.head * 2 > s.times.length) {
      s.times = s.times.slice(s.head);
      s.weights = s.weights.slice(s.head);
      s.values = s.values.slice(s.head);
      s.head = 0;
    }
    if (at - this.lastSweep > 60_000) this.sweep(at);
    return s;
  }

  private dropOldest(s: Series): void {
    const i = s.head++;
    s.total -= s.weights[i]!;
    const v = s.values[i];
    if (v !== undefined && s.counts) {
      const n = (s.counts.get(v) ?? 1) - 1;
      if (n <= 0) s.counts.delete(v);
      else s.counts.set(v, n);
    }
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [k, s] of this.series) {
      const idle = now - s.last;
      if (idle > s.windowMs || idle > this.maxIdleMs) this.series.delete(k);
    }
  }
}
