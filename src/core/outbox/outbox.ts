// The outbox: every action is stored with its idempotency key before it is performed, then
// performed with retries (retry.ts), and its final outcome stored. A key already done is not
// performed again (a replayed event, a restarted instance); a key left pending by a crash is
// performed again and the platform adapter recognises what already happened (the message is
// already gone; Discord returns the message made with the same nonce). A permanent failure is
// recorded and reported once (onGaveUp), never retried forever.
import type { Action, ActionOutcome } from "../actions.js";
import type { PerformAttempt } from "../platform.js";
import type { OutboxEntry, OutboxStore, StoredOutboxEntry } from "./store.js";
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from "./retry.js";

export interface OutboxResult {
  outcome: ActionOutcome;
  attempts: number;
  /** The key was already settled: nothing was performed this time. */
  repeated: boolean;
}

export interface OutboxOptions {
  store: OutboxStore;
  /** One attempt at the platform (never throws: refusals and failures are outcomes). */
  attempt: (action: Action, attempt: PerformAttempt) => Promise<ActionOutcome>;
  policy?: Partial<RetryPolicy>;
  /** Told when an action failed for good (after its last attempt, or a non-retryable failure). */
  onGaveUp?: (entry: OutboxEntry, outcome: ActionOutcome, attempts: number) => Promise<void> | void;
  /** Told of each retry about to wait (logs, metrics). */
  onRetry?: (entry: OutboxEntry, outcome: ActionOutcome, attempt: number, delayMs: number) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

/** One entry's identity in this process: its community and key. */
const idOf = (e: OutboxEntry) => `${e.community}\u0000${e.key}`;

/** Stopped while waiting to retry: the entry stays pending in the store, for the next start. */
export class OutboxStopped extends Error {
  override readonly name = "OutboxStopped";
}

export class Outbox {
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly stopping = new AbortController();
  /** Keys being performed now: a second run of the same key waits for the first. */
  private readonly running = new Map<string, Promise<OutboxResult>>();
  /** Actions stored and not yet settled in this process (the /metrics outbox depth). */
  inFlight = 0;

  constructor(private readonly opts: OutboxOptions) {
    this.policy = { ...defaultRetryPolicy, ...opts.policy };
    this.sleep = opts.sleep ?? abortableSleep;
  }

  /** Entries stored by stage() and not run yet. */
  private readonly staged = new Map<string, StoredOutboxEntry>();

  /** Stores the action under its key now; run() performs it later (a case's actions, behind the event stream). */
  async stage(entry: OutboxEntry): Promise<void> {
    this.staged.set(idOf(entry), await this.opts.store.put(entry));
  }

  /** Stores the action under its key (unless staged), performs it unless already settled, and stores the outcome. */
  run(entry: OutboxEntry): Promise<OutboxResult> {
    const id = idOf(entry);
    const earlier = this.running.get(id);
    if (earlier) return earlier.then((r) => ({ ...r, repeated: true }));
    const p = this.store(entry).finally(() => this.running.delete(id));
    this.running.set(id, p);
    return p;
  }

  private async store(entry: OutboxEntry): Promise<OutboxResult> {
    const id = idOf(entry);
    const staged = this.staged.get(id);
    this.staged.delete(id);
    const stored = staged ?? (await this.opts.store.put(entry));
    if (stored.status !== "pending" && stored.outcome) {
      return { outcome: stored.outcome, attempts: stored.attempts, repeated: true };
    }
    return this.performStored(stored);
  }

  /**
   * Performs a stored pending entry (a new one, or one left by a crash) to its final outcome.
   * `leftOver`: it was stored before this process took it up, so it may already have taken effect.
   */
  private async performStored(stored: StoredOutboxEntry, leftOver = Boolean(stored.found)): Promise<OutboxResult> {
    this.inFlight++;
    try {
      let attempts = stored.attempts;
      for (let here = 1; ; here++) {
        if (this.stopping.signal.aborted) throw new OutboxStopped(`stopped before ${stored.action.kind} ${stored.key} was done; it stays pending`);
        attempts++;
        const outcome = await this.attemptOnce(stored.action, { number: here, mayBeRepeat: leftOver || here > 1 });
        const delay = retryDelay(this.policy, attempts, outcome);
        if (delay === null) {
          await this.opts.store.settle(stored.community, stored.key, attempts, outcome);
          if (outcome.status === "failed") await this.opts.onGaveUp?.(stored, outcome, attempts);
          return { outcome, attempts, repeated: false };
        }
        this.opts.onRetry?.(stored, outcome, attempts, delay);
        await this.sleep(delay, this.stopping.signal);
      }
    } finally {
      this.inFlight--;
    }
  }

  private async attemptOnce(action: Action, attempt: PerformAttempt): Promise<ActionOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ActionOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ status: "failed", detail: `no answer from the platform within ${this.policy.attemptTimeoutMs} ms`, retryable: true }), this.policy.attemptTimeoutMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([this.opts.attempt(action, attempt).catch((e: unknown): ActionOutcome => ({ status: "failed", detail: (e as Error).message, retryable: false })), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Performs what a stopped or crashed instance left pending, oldest first, `concurrency` at a
   * time, each followed by `then` (fallbacks). Returns how many entries were resumed.
   */
  async resume(concurrency = 8, batch = 500, then?: (entry: StoredOutboxEntry, result: OutboxResult) => Promise<void>): Promise<number> {
    let resumed = 0;
    for (;;) {
      const entries = await this.opts.store.pending(batch);
      const fresh = entries.filter((e) => !this.running.has(idOf(e)));
      if (fresh.length === 0) return resumed;
      let next = 0;
      const worker = async () => {
        while (next < fresh.length) {
          const e = fresh[next++]!;
          const id = idOf(e);
          const p = this.performStored(e, true).finally(() => this.running.delete(id));
          this.running.set(id, p);
          const result = await p;
          resumed++;
          await then?.(e, result);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, fresh.length) }, worker));
      if (entries.length < batch) return resumed;
    }
  }

  /** Ends the waits between retries: entries waiting stay pending in the store (resumed at the next start). */
  stop(): void {
    this.stopping.abort();
  }
}
