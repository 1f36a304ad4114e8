// In-memory sliding windows for rate conditions. Each key keeps a ring of timestamps,
// pruned as it is touched; idle keys are swept so memory stays bounded.
import type { RateStore } from "./types.js";

interface Series {
  times: number[];
  weights: number[];
  values: string[];
  last: number;
}

export class MemoryRateStore implements RateStore {
  private series = new Map<string, Series>();
  private lastSweep = 0;
  constructor(private readonly maxIdleMs = 24 * 3_600_000) {}

  hit(key: string, at: number, windowMs: number, weight = 1): number {
    const s = this.touch(key, at, windowMs);
    s.times.push(at);
    s.weights.push(weight);
    s.values.push("");
    let total = 0;
    for (const w of s.weights) total += w;
    return total;
  }

  hitValue(key: string, value: string, at: number, windowMs: number): number {
    const s = this.touch(key, at, windowMs);
    s.times.push(at);
    s.weights.push(1);
    s.values.push(value);
    let same = 0;
    for (const v of s.values) if (v === value) same++;
    return same;
  }

  private touch(key: string, at: number, windowMs: number): Series {
    let s = this.series.get(key);
    if (!s) {
      s = { times: [], weights: [], values: [], last: at };
      this.series.set(key, s);
    }
    s.last = at;
    const cutoff = at - windowMs;
    let drop = 0;
    while (drop < s.times.length && s.times[drop]! <= cutoff) drop++;
    if (drop) {
      s.times.splice(0, drop);
      s.weights.splice(0, drop);
      s.values.splice(0, drop);
    }
    if (at - this.lastSweep > 60_000) this.sweep(at);
    return s;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [k, s] of this.series) if (now - s.last > this.maxIdleMs) this.series.delete(k);
  }
}
