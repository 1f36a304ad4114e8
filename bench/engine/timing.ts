// Throughput from this process's CPU time (best of several rounds, after a warm-up), so other
// work on the machine does not count against a contender; latency per message from wall time.

export interface Throughput {
  messages: number;
  messagesPerSecond: number;
  /** Messages for which the function returned true in the last round. */
  hits: number;
}

export function measureThroughput(texts: readonly string[], fn: (text: string, i: number) => boolean, options: { rounds?: number; warmup?: number } = {}): Throughput {
  const rounds = options.rounds ?? 3;
  const warm = Math.min(texts.length, options.warmup ?? 20_000);
  for (let i = 0; i < warm; i++) fn(texts[i]!, i);
  let best = Infinity;
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    hits = 0;
    const c0 = process.cpuUsage();
    for (let i = 0; i < texts.length; i++) if (fn(texts[i]!, i)) hits++;
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return { messages: texts.length, messagesPerSecond: Math.round(texts.length / Math.max(best, 1e-9)), hits };
}

export interface Latency {
  sample: number;
  p50Micros: number;
  p99Micros: number;
  maxMicros: number;
}

/** Wall time of each call on the first `sample` messages (includes ~0.05 µs of timer overhead). */
export function measureLatency(texts: readonly string[], fn: (text: string, i: number) => unknown, sample = 20_000): Latency {
  const n = Math.min(sample, texts.length);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn(texts[i]!, i);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  times.sort();
  const at = (q: number) => Math.round((times[Math.min(n - 1, Math.floor(n * q))] ?? 0) * 100) / 100;
  return { sample: n, p50Micros: at(0.5), p99Micros: at(0.99), maxMicros: Math.round((times[n - 1] ?? 0) * 100) / 100 };
}
