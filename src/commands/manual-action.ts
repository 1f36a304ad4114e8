// The common path of /warn, /timeout, /untimeout, /kick, /ban, /unban: check the target, take a
// case number from the community's counter, notify the member, perform the action, tell the mod
// log, and record a manual case (with strikes when the action was done).
//
// When the platform cannot do the action at all (Slack: timeout, kick, ban), the command does the
// best it allows instead, as automatic cases do (src/moderation/fallback.ts): a timeout removes the
// member from the channel the command was given in (never #general); otherwise, and for kick and
// ban, the moderators are alerted. The case records the planned row, then "fallback for …" rows.
import type { Action, ActionOutcome } from "../core/actions.js";
import { actionKinds, describeAction } from "../core/actions.js";
import { fallbackRow, performFallback, planManualFallback } from "../moderation/fallback.js";
import { reply, type CommandReply } from "../core/reply.js";
import type { CommandContext, ManualCase } from "./context.js";
import { checkTarget, type TargetRules } from "./guard.js";
import { mention } from "./format.js";
import { activeStrikes } from "../moderation/strikes.js";

export interface ManualActionArgs extends TargetRules {
  command: string;
  member: string;
  reason: string;
  strikes: number;
  /** The action the command is about (its outcome decides the case status). */
  main: (caseNumber: number, reason: string) => Action;
  /** A message to the member, sent before the main action (after a kick or ban it could not arrive). */
  notice?: (caseNumber: number, present: boolean) => Action | null;
  /** Past tense for the reply: "Banned", "Warned". */
  done: string;
  /** Extra reply fields ("Duration": "1h"). */
  details?: { name: string; value: string }[];
  evidence?: Record<string, unknown>;
}

export const NO_REASON = "no reason given";

export function detailOf(o: ActionOutcome): string {
  return o.status === "done" ? (o.detail ?? "done") : o.detail;
}

/** An action's outcome as cases record it: { action: "timeout 1h", status, detail? }. */
export function outcomeRecord(a: Action, o: ActionOutcome): ManualCase["outcomes"][number] {
  return { action: describeAction(a), status: o.status, ...(o.status === "done" ? {} : { detail: o.detail }) };
}

export async function manualAction(ctx: CommandContext, a: ManualActionArgs): Promise<CommandReply> {
  const target = await checkTarget(ctx, a.member, a);
  if (target.refused) return target.refused;
  const number = ctx.nextCaseNumber();
  const community = ctx.community.key;
  const byline = `${a.reason} (by ${ctx.invoker.name ?? ctx.invoker.id})`;
  const outcomes: ManualCase["outcomes"] = [];
  const run = async (action: Action) => {
    const outcome = await ctx.perform(action, number);
    outcomes.push(outcomeRecord(action, outcome));
    return outcome;
  };
  const mainAction = a.main(number, byline);
  // A platform that cannot do the action at all (Slack: timeout, kick, ban) tells the member nothing.
  const notice = ctx.can(mainAction.kind) ? (a.notice?.(number, target.present) ?? null) : null;
  const noticeOutcome = notice ? await run(notice) : null;
  const main = await run(mainAction);
  // The platform cannot do it at all: the best substitute it allows (a timeout → removal from this channel).
  let instead: string | null = null;
  if (main.status === "unsupported") {
    const caps = new Set(actionKinds.filter((k) => ctx.can(k)));
    const fell = await performFallback(mainAction, planManualFallback(caps, mainAction, ctx.channel), (sub) => ctx.perform(sub, number));
    outcomes.push(...fell.rows);
    instead = fell.done?.what ?? null;
  }
  const done = main.status === "done" || instead !== null;
  const strikes = done ? a.strikes : 0;
  const lines = [main.status === "done" ? `${a.done} ${mention(a.member)}.` : `Not done: ${detailOf(main)}`];
  const advice = main.status === "unsupported" ? ctx.adviceFor(mainAction.kind) : undefined;
  if (advice) lines.push(advice);
  if (instead) lines.push(`Instead: ${instead}.`);
  if (ctx.can("alertModerators")) {
    const what = main.status === "done" ? describeAction(mainAction) : `not done: ${detailOf(main)}${instead ? `; instead ${instead}` : ""}`;
    const ask = main.status === "unsupported" && !instead ? `\n${advice ? `${advice} ` : ""}Steward cannot do more: please decide what to do.` : "";
    const text = `Case #${number} · manual ${a.command} · member ${mention(a.member)} · by ${mention(ctx.invoker.id)} · ${what}\nReason: ${a.reason}${ask}`;
    const alert: Action = { kind: "alertModerators", community, caseNumber: number, reason: `manual/${a.command.replace(/\s+/g, "-")}: ${a.reason}`, text };
    const o = await ctx.perform(alert, number);
    // With nothing else possible, this alert is the fallback and is recorded as one.
    outcomes.push(main.status === "unsupported" && !instead ? fallbackRow(mainAction, alert, o, "alerted moderators") : outcomeRecord(alert, o));
    if (main.status === "unsupported" && !instead && o.status === "done") lines.push("Instead: the moderators were alerted in the mod log.");
  }
  ctx.recordCase({
    number,
    command: a.command,
    member: a.member,
    channel: ctx.channel ?? null,
    reason: a.reason,
    status: done ? "actioned" : "not_actioned",
    outcomes,
    strikes,
    ...(a.evidence ? { evidence: a.evidence } : {}),
  });
  const fields = [{ name: "Reason", value: a.reason }, ...(a.details ?? [])];
  if (strikes > 0) {
    const active = activeStrikes(ctx.member(a.member).moderation.strikes, ctx.at, ctx.community.guidelines.escalation.decayMs);
    fields.push({ name: "Strikes", value: `+${strikes} (now ${active} active)` });
  }
  if (noticeOutcome) fields.push({ name: "Member told", value: noticeOutcome.status === "done" ? (noticeOutcome.detail ?? "by direct message") : `no: ${noticeOutcome.detail}` });
  return reply({ title: `Case #${number} · ${a.command}`, lines, fields: fields.map((f) => ({ ...f, inline: false })), tone: done ? "done" : "refused" });
}
