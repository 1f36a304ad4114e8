// In-memory sliding windows for rate conditions. Each key keeps its event times in an array
// read from a moving head (no per-hit splicing) and a running total, so a hit costs O(1)
// amortised whatever the window length. Weights and values are stored only when used (most
// keys count plain messages). Duplicates are counted by scanning the window while it is small
// (a member's last messages) and with a value → count map once it is large (a busy channel).
// Idle keys are swept a slice at a time, so memory follows recent activity only.
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
/** Idle keys are looked at every second, SWEEP_SLICE of them at a time. */
const SWEEP_EVERY_MS = 1_000;
const SWEEP_SLICE = 64;
/** A key is kept this long after its last event even when its window is shorter (chatty members keep theirs). */
const KEEP_IDLE_MS = 10 * 60_000;

export class MemoryRateStore implements RateStore {
  private series = new Map<string, Series>();
  private lastSweep = 0;
  private sweeping: Iterator<[string, Series]> | null = null;
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
      s = { times: [], weights: null, values: null, head: 0, total: 0, counts: null, last: at, windowMs };
      this.series.set(key, s);
    } else {
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
    if (at - this.lastSweep > SWEEP_EVERY_MS) this.sweep(at);
    return s;
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

  /** Drops idle keys, a slice at a time so no single message pays for a full pass. */
  private sweep(now: number): void {
    this.lastSweep = now;
    const it = (this.sweeping ??= this.series.entries());
    for (let i = 0; i < SWEEP_SLICE; i++) {
      const next = it.next();
      if (next.done) {
        this.sweeping = null;
        return;
      }
      const [k, s] = next.value;
      const idle = now - s.last;
      if ((idle > s.windowMs && idle > KEEP_IDLE_MS) || idle > this.maxIdleMs) this.series.delete(k);
    }
  }
}
