// From a decision's consequences to the platform actions that carry them out.
import type { Action } from "../core/actions.js";
import type { Decision } from "./decide.js";
import { alertText, warnText, type Language } from "./messages.js";
import { describeAction } from "../core/actions.js";

export interface PlanTarget {
  community: string;
  member: string;
  memberName?: string | undefined;
  channel: string;
  message: string;
  caseNumber: number;
  language: Language;
}

export function consequencesToActions(d: Decision, t: PlanTarget): Action[] {
  const { primary } = d;
  const reason = `${primary.guideline.id}/${primary.rule.id}: ${primary.rule.explain}`;
  const common = { community: t.community, caseNumber: t.caseNumber, reason };
  const removed = d.consequences.some((c) => c.kind === "delete");
  const out: Action[] = [];
  for (const c of d.consequences) {
    switch (c.kind) {
      case "delete":
        out.push({ kind: "deleteMessage", ...common, channel: t.channel, message: t.message });
        break;
      case "hold":
        out.push({ kind: "holdForReview", ...common, channel: t.channel, message: t.message, member: t.member });
        break;
      case "timeout":
        out.push({ kind: "timeout", ...common, member: t.member, durationMs: c.durationMs });
        break;
      case "kick":
        out.push({ kind: "kick", ...common, member: t.member });
        break;
      case "ban":
        out.push({ kind: "ban", ...common, member: t.member, deleteMessageSeconds: Math.round(c.deleteMessagesMs / 1000) });
        break;
      case "warn":
        out.push({
          kind: "warn",
          ...common,
          member: t.member,
          channel: t.channel,
          text: warnText(t.language, { guideline: primary.guideline, rule: primary.rule.id, channel: t.channel, caseNumber: t.caseNumber, removed, community: t.community }, c.message),
        });
        break;
      case "reply":
        out.push({ kind: "reply", ...common, channel: t.channel, replyTo: t.message, text: c.text });
        break;
      case "alert":
        break; // added last, so it can list what was done
    }
  }
  if (d.consequences.some((c) => c.kind === "alert")) {
    out.push({
      kind: "alertModerators",
      ...common,
      text: alertText({
        caseNumber: t.caseNumber,
        member: t.memberName ? `${t.memberName} (${t.member})` : t.member,
        channel: t.channel,
        guideline: primary.guideline.id,
        rule: primary.rule.id,
        explanation: primary.explanation,
        actions: out.map(describeAction),
        ...(d.notActionedReason ? { notActioned: d.notActionedReason } : {}),
      }),
    });
  }
  return out;
}
