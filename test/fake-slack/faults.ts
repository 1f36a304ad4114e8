// Faults the fake Slack injects into its Web API, per method, for the next N calls: HTTP 429 with
// Retry-After (Slack's rate limiting; the call is not performed), 500/503 (not performed), or a slow
// answer (performed at once, answered after a delay — so a client that times out and retries meets
// the effect of its first attempt), or an effect whose answer is lost (performed, then answered with
// a 500/503 or the connection dropped without an answer: a client cannot tell it from a call Slack
// never performed). "*" matches every method.
export type Fault = { status: 429; retryAfter: number } | { status: 500 | 503 } | { delayMs: number } | { afterEffect: 500 | 503 | "drop" };

export interface ServedFault {
  method: string;
  fault: Fault;
  at: number;
}

export class Faults {
  private readonly queued = new Map<string, Fault[]>();
  readonly served: ServedFault[] = [];

  inject(method: string, fault: Fault, times = 1): void {
    const q = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i++) q.push(fault);
    this.queued.set(method, q);
  }

  /** The fault for this call of `method`, if one is queued (it is then used up). */
  take(method: string): Fault | undefined {
    for (const key of [method, "*"]) {
      const f = this.queued.get(key)?.shift();
      if (f) {
        this.served.push({ method, fault: f, at: Date.now() });
        return f;
      }
    }
    return undefined;
  }

  /** Faults still waiting for a call. */
  get pending(): number {
    return [...this.queued.values()].reduce((n, q) => n + q.length, 0);
  }

  clear(): void {
    this.queued.clear();
  }

  /** Counts of served faults by kind: { "429": 3, "503": 1, slow: 2, "effect+drop": 1 } (a { delayMs: 0 } entry, a clean answer that spaces faults, is "clean"). */
  summary(since = 0): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.served.slice(since)) {
      const k = "afterEffect" in s.fault ? `effect+${s.fault.afterEffect}` : "status" in s.fault ? String(s.fault.status) : s.fault.delayMs > 0 ? "slow" : "clean";
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  }
}
