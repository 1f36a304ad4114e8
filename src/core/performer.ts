// Performing actions: one attempt at the platform (capabilities checked, outcome counted and
// logged), or — in outbox mode — stored with its idempotency key, retried, given up with one alert
// to the moderators, and resumed after a crash with fallbacks. Every action is written to the action log.
import type { Action, ActionOutcome } from "./actions.js";
import { describeAction } from "./actions.js";
import type { PerformAttempt, PlatformAdapter } from "./platform.js";
import type { Persistence, WriteBatch } from "./persistence.js";
import type { CommunityState } from "./community-state.js";
import type { Logger } from "../log.js";
import type { PipelineObserver } from "./observer.js";
import { fallBack } from "../moderation/fallback.js";
import { Outbox } from "./outbox/outbox.js";
import type { OutboxStore } from "./outbox/store.js";
import type { RetryPolicy } from "./outbox/retry.js";
import { actionKey, eventIdentity, fallbackKeyer } from "./outbox/keys.js";

/**
 * Outbox mode (live platforms, crash-safe replays): every action is stored with its idempotency key
 * before it is performed and retried on temporary failures (src/core/outbox); a case's actions run
 * behind the event stream, so slow platform calls do not hold up intake.
 */
export interface OutboxMode {
  store: OutboxStore;
  policy?: Partial<RetryPolicy>;
  /** Cases waiting for their actions before intake waits (default 1,000). */
  maxQueuedCases?: number;
}

/** What the performer needs from the pipeline. */
export interface PerformerHost {
  adapter: PlatformAdapter;
  persistence: Persistence;
  logger: Logger;
  observer?: PipelineObserver | undefined;
  stats: { actions: number; failedActions: number };
  /** The write batch being filled (it changes at each flush). */
  batch(): WriteBatch;
  /** A community, loaded when needed. */
  community(key: string): Promise<CommunityState>;
  /** The event being handled and its actions keyed so far: the origin of keys for actions without one. */
  current(): { event: unknown; identity: string | null; n: number };
}

export class ActionPerformer {
  readonly outbox: Outbox | null = null;

  constructor(private readonly host: PerformerHost, mode?: OutboxMode) {
    if (mode) {
      this.outbox = new Outbox({
        store: mode.store,
        attempt: (a, attempt) => this.attempt(a, attempt),
        ...(mode.policy ? { policy: mode.policy } : {}),
        onRetry: (e, outcome, attempt, delayMs) => host.logger.warn({ action: e.action.kind, community: e.action.community, attempt, delayMs, detail: outcome.status === "failed" ? outcome.detail : undefined }, "action failed; retrying"),
        onGaveUp: (e, outcome, attempts) => this.gaveUp(e.action, outcome, attempts, e.at),
      });
    }
  }

  /** One attempt at the platform (the outbox retries; inline mode makes one). */
  async attempt(a: Action, attempt?: PerformAttempt): Promise<ActionOutcome> {
    this.host.stats.actions++;
    const caps = this.host.adapter.capabilities(a.community);
    let outcome: ActionOutcome;
    if (!caps.has(a.kind)) outcome = { status: "unsupported", detail: `${this.host.adapter.platform} cannot ${a.kind}` };
    else {
      try {
        outcome = await (attempt ? this.host.adapter.perform(a, attempt) : this.host.adapter.perform(a));
      } catch (e) {
        outcome = { status: "failed", detail: (e as Error).message, retryable: false };
      }
    }
    this.host.observer?.action(a.kind, outcome.status);
    if (outcome.status !== "done") {
      this.host.stats.failedActions++;
      this.host.logger.warn({ action: a.kind, community: a.community, outcome }, "action not done");
    }
    return outcome;
  }

  /** The identity of the event being handled (hashed once), where its actions' keys come from. */
  origin(): string {
    const cur = this.host.current();
    return (cur.identity ??= eventIdentity(cur.event));
  }

  /** The action with its key: from the event that caused it and its place among that event's actions. */
  keyed(c: CommunityState, a: Action): Action {
    if (a.key) return a;
    const origin = this.origin();
    return { ...a, key: actionKey(c.key, origin, this.host.current().n++, a) };
  }

  /** Performs one action and records it, with its outcome, in the action log. */
  async performLogged(c: CommunityState, a: Action, caseNumber: number | null, at: number): Promise<ActionOutcome> {
    if (!this.outbox) {
      const outcome = await this.attempt(a);
      this.host.batch().actionLogs.push({ community: c.dbId, caseNumber, kind: a.kind, payload: a, outcome, at });
      return outcome;
    }
    const action = this.keyed(c, a);
    const r = await this.outbox.run({ community: c.dbId, key: action.key!, caseNumber, action, at });
    // A repeat was logged when it was first performed.
    if (!r.repeated) this.host.batch().actionLogs.push({ community: c.dbId, caseNumber, kind: a.kind, payload: action, outcome: r.outcome, at });
    return r.outcome;
  }

  /** An action failed for good: recorded by the outbox; the moderators are told, once. */
  private async gaveUp(a: Action, outcome: ActionOutcome, attempts: number, at: number): Promise<void> {
    this.host.logger.error({ action: a.kind, community: a.community, attempts, outcome }, "action failed for good");
    if (a.kind === "alertModerators") return;
    // A resumed action's community may not be loaded yet: it is, so the moderators still hear of it.
    const c = await this.host.community(a.community);
    const about = a.caseNumber ? ` for case #${a.caseNumber}` : "";
    const text = `Steward could not ${describeAction(a)}${about} after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${outcome.status === "failed" ? outcome.detail : outcome.status}. Please do it yourself.`;
    await this.performLogged(c, { kind: "alertModerators", community: a.community, text, reason: "action failed", key: actionKey(a.community, "gave-up", 0, a) }, a.caseNumber ?? null, at);
  }

  /**
   * Outbox mode: performs what a stopped or crashed run left pending (oldest first), then rebuilds the
   * outcome rows of cases a crash kept from being written. Returns how many actions were resumed.
   */
  async resume(): Promise<number> {
    if (!this.outbox) return 0;
    const n = await this.outbox.resume(8, 500, (e, r) => this.afterResumed(e.action, r.outcome, e.caseNumber, e.at));
    if (n) this.host.logger.info({ resumed: n }, "outbox: actions left pending by the last run performed");
    const fixed = (await this.host.persistence.reconcileCases?.()) ?? 0;
    if (fixed) this.host.logger.info({ cases: fixed }, "outbox: outcomes a crash kept from their cases written");
    return n;
  }

  /**
   * A resumed action the platform cannot do at all gets its fallbacks, as in runCase (keyed after it):
   * what the action names is its context (a deleted message's author is not in it, so no warning).
   */
  private async afterResumed(a: Action, outcome: ActionOutcome, caseNumber: number | null, at: number): Promise<void> {
    if (outcome.status !== "unsupported") return;
    const c = await this.host.community(a.community);
    const ctx = { channel: "channel" in a ? a.channel : undefined, message: "message" in a ? a.message : undefined, member: "member" in a ? a.member : undefined };
    const key = fallbackKeyer(a.community, a);
    await fallBack(this.host.adapter, a, outcome, [a], ctx, (f) => this.performLogged(c, key(f), caseNumber, at));
  }
}
