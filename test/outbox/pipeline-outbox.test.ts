// The pipeline in outbox mode: a case's actions are stored with idempotency keys before they are
// performed, performed behind the event stream with retries, and their outcomes written to the
// case; an event handled again after a crash performs nothing twice; what failed for good is
// reported to the moderators; what a crash left pending is resumed.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Pipeline, type DecisionRecord } from "../../src/core/pipeline.js";
import { MemoryPersistence } from "../../src/core/memory-persistence.js";
import { MemoryOutboxStore } from "../../src/core/outbox/store.js";
import { ReplayAdapter } from "../../src/platforms/replay/adapter.js";
import { GuidelineLibrary } from "../../src/guidelines/library.js";
import { SettingsProvider } from "../../src/config/settings.js";
import { defaultSettings } from "../../src/config/settings-schema.js";
import { silentLogger } from "../../src/log.js";
import { stewardEvent, type StewardEvent } from "../../src/core/events.js";
import type { Action, ActionOutcome } from "../../src/core/actions.js";
import { StewardMetrics } from "../../src/http/metrics.js";

/** Records every call; answers from a per-kind script first. */
class ScriptedPlatform extends ReplayAdapter {
  readonly calls: Action[] = [];
  constructor(private readonly script: Partial<Record<Action["kind"], ActionOutcome[]>> = {}) {
    super();
  }
  override async perform(a: Action): Promise<ActionOutcome> {
    this.calls.push(a);
    const next = this.script[a.kind]?.shift();
    return next ?? super.perform(a);
  }
  kinds() {
    return this.calls.map((a) => a.kind);
  }
}

const settings = new SettingsProvider(new Map([["acme", { ...defaultSettings("acme"), moderatorRoles: ["mod"] }]]));

async function pipeline(adapter: ScriptedPlatform, store: MemoryOutboxStore, persistence = new MemoryPersistence(), metrics?: StewardMetrics) {
  const decisions: DecisionRecord[] = [];
  const p: Pipeline = new Pipeline({
    ...(metrics ? { observer: metrics } : {}),
    adapter,
    persistence,
    settings,
    library: await GuidelineLibrary.load(path.resolve("test/fixtures/rules")),
    logger: silentLogger,
    onDecision: (d) => decisions.push(d),
    outbox: { store, policy: { baseDelayMs: 5, maxDelayMs: 20 } },
  });
  return { p, decisions, persistence };
}

const scam: StewardEvent = stewardEvent.parse({
  type: "message.created",
  community: "acme",
  platform: "replay",
  at: "2026-10-01T10:00:00.000Z",
  channel: "general",
  message: { id: "m1", author: "spammer", text: "free nitro here" },
});

describe("pipeline with an outbox", () => {
  it("stores keyed actions, retries a rate-limited delete after retry_after, and writes the outcomes to the case", async () => {
    const adapter = new ScriptedPlatform({ deleteMessage: [{ status: "failed", detail: "429 You are being rate limited", retryable: true, retryAfterMs: 30 }] });
    const store = new MemoryOutboxStore();
    const { p, decisions, persistence } = await pipeline(adapter, store);
    const started = Date.now();
    await p.handle(scam);
    await p.drain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    expect(adapter.kinds()).toEqual(["deleteMessage", "deleteMessage", "timeout", "alertModerators"]);
    // Every call carries its idempotency key; the retry carries the same one.
    const keys = adapter.calls.map((a) => a.key);
    expect(keys.every((k) => typeof k === "string" && k.length === 20)).toBe(true);
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
    expect([...store.entries.values()].map((e) => [e.action.kind, e.status, e.attempts])).toEqual([
      ["deleteMessage", "done", 2],
      ["timeout", "done", 1],
      ["alertModerators", "done", 1],
    ]);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.outcomes.map((o) => o.status)).toEqual(["done", "done", "done"]);
    const kept = await persistence.getCase("acme", 1);
    expect(kept?.actions).toEqual(decisions[0]!.outcomes);
  });

  it("an event handled again after a crash (nothing written) performs nothing twice", async () => {
    const store = new MemoryOutboxStore();
    const first = new ScriptedPlatform();
    const a = await pipeline(first, store);
    await a.p.handle(scam);
    await a.p.drain();
    expect(first.calls).toHaveLength(3);
    // A new instance: the store lost the unwritten case, so the event comes again and numbers the same case.
    const second = new ScriptedPlatform();
    const b = await pipeline(second, store);
    await b.p.handle(scam);
    await b.p.drain();
    expect(second.calls).toEqual([]);
    expect(b.decisions[0]!.case).toBe(1);
    expect(b.decisions[0]!.outcomes.map((o) => o.status)).toEqual(["done", "done", "done"]);
  });

  it("a failure that retrying cannot fix is recorded on the case and reported to the moderators once", async () => {
    const adapter = new ScriptedPlatform({ timeout: [{ status: "failed", detail: "403 Missing Permissions", retryable: false }] });
    const { p, decisions } = await pipeline(adapter, new MemoryOutboxStore());
    await p.handle(scam);
    await p.drain();
    expect(decisions[0]!.outcomes[1]).toMatchObject({ action: "timeout 1d", status: "failed", detail: "403 Missing Permissions" });
    const alerts = adapter.calls.filter((c): c is Extract<Action, { kind: "alertModerators" }> => c.kind === "alertModerators");
    expect(alerts.map((c) => c.text)).toEqual([
      expect.stringContaining("Steward could not timeout 1d for case #1 after 1 attempt: 403 Missing Permissions. Please do it yourself."),
      expect.stringMatching(/^Case #1/),
    ]);
  });

  it("performs at start what a crashed run left pending", async () => {
    const store = new MemoryOutboxStore();
    await store.put({ community: "acme", key: "left-by-crash-0001", caseNumber: 4, at: 0, action: { kind: "kick", community: "acme", member: "u9", reason: "", caseNumber: 4, key: "left-by-crash-0001" } });
    const adapter = new ScriptedPlatform();
    const { p } = await pipeline(adapter, store);
    expect(await p.resumeOutbox()).toBe(1);
    expect(adapter.calls).toMatchObject([{ kind: "kick", member: "u9", key: "left-by-crash-0001" }]);
    expect(await store.pending(10)).toEqual([]);
  });

  it("stopping: intake closes, decided actions finish (shown as outbox depth meanwhile), and what still waits to be retried stays pending", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    class SlowPlatform extends ScriptedPlatform {
      override async perform(a: Action): Promise<ActionOutcome> {
        await gate;
        return super.perform(a);
      }
    }
    const adapter = new SlowPlatform();
    const store = new MemoryOutboxStore();
    let p!: Pipeline;
    const metrics = new StewardMetrics(() => p.pendingWrites(), { processMetrics: false, outboxDepth: () => p.outboxDepth() });
    ({ p } = await pipeline(adapter, store, new MemoryPersistence(), metrics));
    await p.handle(scam); // returns at once: the actions wait behind the platform
    const depth = async () => Number(/^steward_outbox_depth (\d+)$/m.exec(await metrics.registry.metrics())?.[1]);
    expect(await depth()).toBeGreaterThan(0);
    p.closeIntake();
    await p.handle({ ...scam, type: "message.created", message: { ...(scam as Extract<StewardEvent, { type: "message.created" }>).message, id: "m2" } } as StewardEvent);
    expect(p.stats.refusedWhileStopping).toBe(1);
    const drained = p.drain({ graceMs: 5000 });
    release();
    await drained;
    expect(adapter.kinds()).toEqual(["deleteMessage", "timeout", "alertModerators"]);
    expect(await depth()).toBe(0);

    // An action waiting to be retried when the grace period ends stays pending for the next start.
    const failing = new ScriptedPlatform({ deleteMessage: [{ status: "failed", detail: "503", retryable: true, retryAfterMs: 60_000 }] });
    const store2 = new MemoryOutboxStore();
    const q = await pipeline(failing, store2);
    await q.p.handle(scam);
    await new Promise((r) => setTimeout(r, 50));
    q.p.closeIntake();
    await q.p.drain({ graceMs: 50 });
    expect((await store2.pending(10)).map((e) => e.action.kind)).toEqual(["deleteMessage", "timeout", "alertModerators"]);
  });

  it("an action resumed after a crash that the platform cannot do gets its fallback, once", async () => {
    const store = new MemoryOutboxStore();
    const del: Action = { kind: "deleteMessage", community: "acme", channel: "general", message: "m9", reason: "no-link-spam/scam", caseNumber: 2, key: "left-by-crash-0002" };
    await store.put({ community: "acme", key: del.key!, caseNumber: 2, at: 0, action: del });
    class CannotDelete extends ScriptedPlatform {
      override capabilities() {
        return new Set([...super.capabilities()].filter((k) => k !== "deleteMessage"));
      }
    }
    const adapter = new CannotDelete();
    const { p } = await pipeline(adapter, store);
    expect(await p.resumeOutbox()).toBe(1);
    expect(adapter.kinds()).toEqual(["alertModerators"]);
    expect((adapter.calls[0] as { text: string }).text).toMatch(/could not delete a message .*please delete it yourself/);
    // The alert is keyed after the action it stands in for, and stored: a later start repeats nothing.
    expect([...store.entries.values()].map((e) => [e.action.kind, e.status])).toEqual([["deleteMessage", "unsupported"], ["alertModerators", "done"]]);
    const again = new CannotDelete();
    const q = await pipeline(again, store);
    expect(await q.p.resumeOutbox()).toBe(0);
    expect(again.calls).toEqual([]);
  });

  it("an action resumed at start that fails for good is reported to the moderators, though its community was not loaded yet", async () => {
    const store = new MemoryOutboxStore();
    await store.put({ community: "acme", key: "left-by-crash-0004", caseNumber: 5, at: 0, action: { kind: "kick", community: "acme", member: "u9", reason: "", caseNumber: 5, key: "left-by-crash-0004" } });
    const adapter = new ScriptedPlatform({ kick: [{ status: "failed", detail: "403 Missing Permissions", retryable: false }] });
    const { p } = await pipeline(adapter, store);
    expect(await p.resumeOutbox()).toBe(1);
    expect(adapter.kinds()).toEqual(["kick", "alertModerators"]);
    expect((adapter.calls[1] as { text: string }).text).toBe("Steward could not kick for case #5 after 1 attempt: 403 Missing Permissions. Please do it yourself.");
  });
});
