// The guidelines handler: judges a message against the community's guidelines and turns the
// decision into platform actions once the case number is known.
import type { EventOf } from "../events.js";
import type { Action } from "../actions.js";
import type { CommunityState, MemberState } from "../community-state.js";
import type { RateStore } from "../../guidelines/types.js";
import { MessageInput } from "../../guidelines/input.js";
import { decide, rememberCase, type Decision } from "../../moderation/decide.js";
import { consequencesToActions } from "../../moderation/plan.js";
import { activeStrikes } from "../../moderation/strikes.js";

export interface JudgeArgs {
  community: CommunityState;
  member: MemberState;
  moderator: boolean;
  event: EventOf<"message.created"> | EventOf<"message.edited">;
  at: number;
  rates: RateStore;
}

export interface Judged {
  decision: Decision;
  at: number;
  text: string;
  channel: string;
  messageId: string;
  actionsFor(caseNumber: number): Action[];
  remember(caseNumber: number): void;
}

export function judgeMessage(a: JudgeArgs): Judged | null {
  const { community: c, member: m, event, at } = a;
  const msg = event.message;
  const input = new MessageInput(
    {
      id: msg.id,
      community: c.key,
      channel: event.channel,
      at,
      text: msg.text,
      attachments: msg.attachments,
      mentions: msg.mentions.length,
      mentionsEveryone: msg.mentionsEveryone,
      ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
    },
    {
      id: m.id,
      ...(m.name ? { name: m.name } : {}),
      roles: m.roles,
      joinedAt: m.joinedAt,
      strikes: activeStrikes(m.moderation.strikes, at, c.guidelines.escalation.decayMs),
      messageCount: m.messageCount,
      isModerator: a.moderator,
    },
    { id: c.key, ownDomains: c.settings.ownDomains, protectedNames: c.settings.protectedNames, language: c.settings.language },
    a.rates,
  );
  const hits = c.guidelines.evaluate(input);
  if (hits.length === 0) return null;
  const decision = decide({ hits, now: at, isModerator: a.moderator, state: m.moderation, escalation: c.guidelines.escalation });
  if (!decision) return null;
  return {
    decision,
    at,
    text: msg.text,
    channel: event.channel,
    messageId: msg.id,
    actionsFor: (caseNumber) =>
      consequencesToActions(decision, {
        community: c.key,
        member: m.id,
        memberName: m.name,
        channel: event.channel,
        message: msg.id,
        caseNumber,
        language: c.settings.language,
      }),
    remember: (caseNumber) => rememberCase(m.moderation, decision, caseNumber, at),
  };
}
