// A direct message telling a member what a moderator did (falls back to a mention in the channel).
import type { Action } from "../core/actions.js";
import type { CommandContext } from "./context.js";

/** `inChannel`: when DMs are closed, mention the member where the command was used (else the platform tells the mod log). */
export function notice(ctx: CommandContext, member: string, text: string, caseNumber: number, inChannel: boolean): Action {
  return { kind: "directMessage", community: ctx.community.key, member, text, caseNumber, reason: "", ...(inChannel && ctx.channel ? { fallbackChannel: ctx.channel } : {}) };
}
