// Fallbacks: what Steward does instead when the platform cannot do a planned action (Slack: no
// timeout, no removal from the workspace, deleting others' messages only with an admin's user
// token). Platform-neutral: it reads the adapter's capabilities and plans substitutes from the
// closed action set; the pipeline performs them and records each outcome next to the planned
// action's, as "fallback for <kind>: <what was done>".
import type { Action, ActionKind, ActionOutcome } from "../core/actions.js";
import { describeAction } from "../core/actions.js";
import type { PlatformAdapter } from "../core/platform.js";

/** Optional extras an adapter may offer fallbacks (Slack implements both). */
export interface FallbackHints {
  /** A link to the message for moderators, or null. */
  messageLink?(community: string, channel: string, message: string): string | null;
  /** Why the platform cannot do `kind` in this community ("needs SLACK_USER_TOKEN …"), when it can say. */
  missingReason?(community: string, kind: ActionKind): string | undefined;
  /** What a person can do instead where the platform does not let a bot do `kind` (a moderator's command answers with it). */
  manualAdvice?(kind: ActionKind): string | undefined;
}

/** Where the case happened: timeouts and kicks carry no channel, the case does. */
export interface FallbackContext {
  channel?: string | undefined;
  message?: string | undefined;
  member?: string | undefined;
}

/** One substitute: the actions performed together, and what to call them in the record. */
export interface FallbackStep {
  actions: Action[];
  what: string;
}

/** The outcome rows a case records (DecisionRecord.outcomes). */
export interface OutcomeRow {
  action: string;
  status: ActionOutcome["status"];
  detail?: string;
}


/**
 * Substitutes for a planned action the platform did not do, best first: the pipeline tries each
 * step until one is done. Empty when there is nothing sensible to do instead (removeTimeout on a
 * platform without timeouts, a failed network call: a substitute would not help).
 */
export function planFallback(caps: ReadonlySet<ActionKind>, a: Action, plan: readonly Action[], ctx: FallbackContext, hints: FallbackHints = {}): FallbackStep[] {
  const base = { community: a.community, ...(a.caseNumber ? { caseNumber: a.caseNumber } : {}), reason: a.reason };
  const rule = a.reason ? ` (${a.reason})` : "";
  const alert = (text: string): FallbackStep | null =>
    caps.has("alertModerators") ? { actions: [{ kind: "alertModerators", ...base, text }], what: "alerted moderators" } : null;
  const steps: (FallbackStep | null)[] = [];
  if (a.kind === "deleteMessage") {
    const link = hints.messageLink?.(a.community, a.channel, a.message) ?? `message ${a.message} in <#${a.channel}>`;
    const author = ctx.member;
    const actions: Action[] = [];
    if (caps.has("alertModerators")) {
      const by = author ? ` by <@${author}>` : "";
      actions.push({ kind: "alertModerators", ...base, text: `Steward could not delete a message${by}${rule}: please delete it yourself: ${link}` });
    }
    // The author learns the message breaks the rules, unless the plan already warns them.
    if (author && caps.has("warn") && !plan.some((p) => p.kind === "warn" && p.member === author)) {
      const text = `Your message in <#${a.channel}> breaks the community's guidelines${rule}. Please remove it; the moderators have been told.`;
      actions.push({ kind: "warn", ...base, member: author, channel: a.channel, text });
    }
    if (actions.length) steps.push({ actions, what: actions.length > 1 ? "alerted moderators with a link and warned the author" : "alerted moderators with a link" });
  } else if (a.kind === "timeout" || a.kind === "kick" || a.kind === "ban") {
    const channel = ctx.channel;
    if (channel && caps.has("removeFromChannel") && !plan.some((p) => p.kind === "removeFromChannel" && p.member === a.member && p.channel === channel)) {
      steps.push({ actions: [{ kind: "removeFromChannel", ...base, member: a.member, channel }], what: `removed from <#${channel}>` });
    }
    const where = channel ? ` in <#${channel}>` : "";
    steps.push(alert(`Steward could not ${describeAction(a)} <@${a.member}>${where}${rule}: the platform does not allow it. Please decide what to do.`));
  } else if (a.kind === "unban" || a.kind === "declineMember") {
    steps.push(alert(`Steward could not ${describeAction(a)} <@${a.member}>${rule}: the platform does not allow it. Please do it yourself.`));
  }
  return steps.filter((s): s is FallbackStep => s !== null);
}

/**
 * Performs the fallbacks of an action the platform could not do (unsupported), each step until one
 * is done (a step refused, e.g. removal from #general, moves on to the next), and returns the rows
 * to record after the planned action's.
 */
export async function fallBack(
  adapter: PlatformAdapter,
  a: Action,
  outcome: ActionOutcome,
  plan: readonly Action[],
  ctx: FallbackContext,
  perform: (a: Action) => Promise<ActionOutcome>,
): Promise<OutcomeRow[]> {
  // Only what the platform cannot do at all: a refusal (a protected member, a missing permission) is
  // the platform's answer for this case, and other platforms' behaviour stays as it was.
  if (outcome.status !== "unsupported") return [];
  const hints = adapter as PlatformAdapter & FallbackHints;
  return (await performFallback(a, planFallback(adapter.capabilities(a.community), a, plan, ctx, hints), perform)).rows;
}

/** Performs fallback steps in order until one is wholly done; its rows, and the step done (null: none). */
export async function performFallback(a: Action, steps: readonly FallbackStep[], perform: (a: Action) => Promise<ActionOutcome>): Promise<{ rows: OutcomeRow[]; done: FallbackStep | null }> {
  const rows: OutcomeRow[] = [];
  for (const step of steps) {
    let allDone = true;
    for (const sub of step.actions) {
      const o = await perform(sub);
      allDone &&= o.status === "done";
      rows.push(fallbackRow(a, sub, o, step.what));
    }
    if (allDone) return { rows, done: step };
  }
  return { rows, done: null };
}

/** A substitute's row: "fallback for timeout: removed from <#C…>" or "fallback for timeout: could not remove … (why)". */
export function fallbackRow(a: Action, sub: Action, o: ActionOutcome, what: string): OutcomeRow {
  const detail = `fallback for ${a.kind}: ${o.status === "done" ? what : `could not ${describeAction(sub)}`}${o.detail ? ` (${o.detail})` : ""}`;
  return { action: describeAction(sub), status: o.status, detail };
}

/**
 * A moderator's own timeout, kick or ban the platform cannot do: the substitutes that act on the
 * member, without the alert (the command alerts the moderators once, with the case). A timeout
 * becomes a removal from the channel the command was given in (not possible in #general, where
 * only the alert remains); a kick or ban has no substitute that acts — removing someone from one
 * channel is not removing them from the community — so only the alert remains.
 */
export function planManualFallback(caps: ReadonlySet<ActionKind>, a: Action, channel: string | undefined): FallbackStep[] {
  if (a.kind !== "timeout" || !("member" in a)) return [];
  return planFallback(caps, a, [], { channel, member: a.member }).filter((s) => s.actions.some((x) => x.kind !== "alertModerators"));
}

/** The planned action's own row, with the platform's reason when it could not do it at all. */
export function plannedRow(adapter: PlatformAdapter, a: Action, outcome: ActionOutcome): OutcomeRow {
  if (outcome.status === "done") return { action: describeAction(a), status: "done" };
  const why = outcome.status === "unsupported" ? (adapter as PlatformAdapter & FallbackHints).missingReason?.(a.community, a.kind) : undefined;
  return { action: describeAction(a), status: outcome.status, detail: why ? `${outcome.detail}: ${why}` : outcome.detail };
}
