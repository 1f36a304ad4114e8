// Slack delivers an event again (same event_id; X-Slack-Retry-Num over HTTP, retry_attempt in a
// Socket Mode envelope) when its ack was slow or lost. Steward remembers the event ids it has seen,
// for an hour and at most `capacity` of them (Slack retries three times within about five minutes),
// and drops the repeats so an event is judged — and acted on — once per process.
export class SeenEvents {
  /** event_id → when it was first seen (ms); a Map keeps insertion order, so the oldest come first. */
  private readonly seen = new Map<string, number>();
  dropped = 0;

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly capacity = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered (within the window); false for a repeat. */
  first(id: string): boolean {
    const t = this.now();
    this.prune(t);
    if (this.seen.has(id)) {
      this.dropped++;
      return false;
    }
    this.seen.set(id, t);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(t: number): void {
    for (const [id, at] of this.seen) {
      if (t - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
