// The outbox on its own: an action is stored before it is performed, retried on temporary
// failures no sooner than the platform's retry_after, given up (and reported once) on permanent
// ones, never performed twice under one key, and resumed after a crash.
import { describe, expect, it } from "vitest";
import { Outbox } from "../../src/core/outbox/outbox.js";
import { MemoryOutboxStore, type OutboxEntry } from "../../src/core/outbox/store.js";
import type { Action, ActionOutcome } from "../../src/core/actions.js";
import type { PerformAttempt } from "../../src/core/platform.js";

const ban = (member = "m1"): Action => ({ kind: "ban", community: "c", member, deleteMessageSeconds: 0, reason: "", caseNumber: 7 });
const entry = (key: string, action = ban()): OutboxEntry => ({ community: "1", key, caseNumber: 7, action, at: 0 });

/** A platform that answers from a script, one outcome per call, then "done". */
function platform(script: ActionOutcome[] = []) {
  const calls: Action[] = [];
  const hints: PerformAttempt[] = [];
  return {
    calls,
    hints,
    attempt: async (a: Action, hint: PerformAttempt): Promise<ActionOutcome> => {
      calls.push(a);
      hints.push(hint);
      return script.shift() ?? { status: "done" };
    },
  };
}

function outbox(p: ReturnType<typeof platform>, store = new MemoryOutboxStore(), extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const waits: number[] = [];
  const gaveUp: { key: string; outcome: ActionOutcome; attempts: number }[] = [];
  const box = new Outbox({
    store,
    attempt: p.attempt,
    policy: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, attemptTimeoutMs: 1000 },
    sleep: async (ms) => {
      waits.push(ms);
    },
    onGaveUp: (e, outcome, attempts) => {
      gaveUp.push({ key: e.key, outcome, attempts });
    },
    ...extra,
  });
  return { box, store, waits, gaveUp };
}

const rateLimited: ActionOutcome = { status: "failed", detail: "429 rate limited", retryable: true, retryAfterMs: 2500 };
const serverError: ActionOutcome = { status: "failed", detail: "500 internal error", retryable: true };

describe("outbox", () => {
  it("retries temporary failures, waiting at least the platform's retry_after, and stores the final outcome", async () => {
    const p = platform([rateLimited, serverError]);
    const { box, store, waits } = outbox(p);
    const r = await box.run(entry("k1"));
    expect(r).toEqual({ outcome: { status: "done" }, attempts: 3, repeated: false });
    expect(p.calls).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(2500); // retry_after honoured over the 100 ms backoff
    expect(waits[1]).toBeGreaterThanOrEqual(100); // second backoff: 200 ms with jitter on its upper half
    expect(waits[1]).toBeLessThanOrEqual(200);
    const stored = [...store.entries.values()][0]!;
    expect(stored).toMatchObject({ key: "k1", status: "done", attempts: 3 });
  });

  it("gives up after the last attempt, records the failure and reports it once", async () => {
    const p = platform([serverError, serverError, serverError, serverError, serverError]);
    const { box, store, gaveUp } = outbox(p);
    const r = await box.run(entry("k2"));
    expect(r.outcome).toMatchObject({ status: "failed", retryable: true });
    expect(p.calls).toHaveLength(4);
    expect(gaveUp).toEqual([{ key: "k2", outcome: serverError, attempts: 4 }]);
    expect([...store.entries.values()][0]).toMatchObject({ status: "failed", attempts: 4 });
  });

  it("does not retry a permanent failure or a refusal", async () => {
    const p = platform([{ status: "failed", detail: "403 missing permissions", retryable: false }, { status: "refused", detail: "the member is the owner" }]);
    const { box, gaveUp } = outbox(p);
    expect((await box.run(entry("k3"))).outcome.status).toBe("failed");
    expect((await box.run(entry("k4", ban("m2")))).outcome.status).toBe("refused");
    expect(p.calls).toHaveLength(2);
    expect(gaveUp.map((g) => g.key)).toEqual(["k3"]);
  });

  it("never performs one key twice: a settled key answers from the store, a key in progress is awaited", async () => {
    const p = platform();
    const { box } = outbox(p);
    const [a, b] = await Promise.all([box.run(entry("k5")), box.run(entry("k5"))]);
    const c = await box.run(entry("k5"));
    expect(p.calls).toHaveLength(1);
    expect([a.repeated, b.repeated, c.repeated]).toEqual([false, true, true]);
    expect(c.outcome).toEqual({ status: "done" });
  });

  it("an attempt that never answers counts as a temporary failure and is retried", async () => {
    let first = true;
    const calls: Action[] = [];
    const { box } = outbox({ calls, hints: [], attempt: async (a) => (calls.push(a), first ? ((first = false), new Promise<ActionOutcome>(() => {})) : { status: "done" }) }, new MemoryOutboxStore(), {
      policy: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, attemptTimeoutMs: 30 },
    });
    const r = await box.run(entry("k6"));
    expect(r).toMatchObject({ outcome: { status: "done" }, attempts: 2 });
  });

  it("resumes what a crashed run left pending, with the attempts it had made", async () => {
    const store = new MemoryOutboxStore();
    await store.put(entry("left-1"));
    await store.put(entry("left-2", ban("m2")));
    await store.put(entry("settled", ban("m3")));
    await store.settle("1", "settled", 1, { status: "done" });
    const p = platform();
    const { box } = outbox(p, store);
    expect(await box.resume()).toBe(2);
    expect(p.calls.map((a) => (a as { member: string }).member)).toEqual(["m1", "m2"]);
    expect(await store.pending(10)).toEqual([]);
    expect(await box.resume()).toBe(0);
  });

  it("stopping ends a wait between retries and leaves the action pending for the next start", async () => {
    const store = new MemoryOutboxStore();
    const p = platform([serverError, serverError]);
    const box = new Outbox({ store, attempt: p.attempt, policy: { attempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000, attemptTimeoutMs: 1000 } });
    const running = box.run(entry("k7"));
    await new Promise((r) => setTimeout(r, 20));
    box.stop();
    await expect(running).rejects.toThrow(/stays pending/);
    expect((await store.pending(10)).map((e) => e.key)).toEqual(["k7"]);
  });

  it("tells the platform when an action may already have taken effect: a retry, or a key stored before (a crash)", async () => {
    const p = platform([serverError]);
    const store = new MemoryOutboxStore();
    const { box } = outbox(p, store);
    await box.run(entry("fresh"));
    await store.put(entry("left-by-a-crash", ban("m2")));
    await box.run(entry("left-by-a-crash", ban("m2")));
    await store.put(entry("resumed", ban("m3")));
    await box.resume();
    expect(p.hints).toEqual([
      { number: 1, mayBeRepeat: false },
      { number: 2, mayBeRepeat: true },
      { number: 1, mayBeRepeat: true },
      { number: 1, mayBeRepeat: true },
    ]);
  });
});
