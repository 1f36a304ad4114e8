// The one place that says whether an invoker may use a command and a moderator may act on a member.
// The platform has the last word (Discord: owner, administrators, Manage Messages, role hierarchy);
// the community's moderator roles count too, so this also holds on platforms without roles.
import type { ActionKind } from "../core/actions.js";
import { reply, type CommandReply } from "../core/reply.js";
import type { CommandContext } from "./context.js";
import type { AnyCommand } from "./define.js";
import { mention } from "./format.js";

/** A refusal when the invoker may not use the command, else null. */
export function checkAccess(ctx: CommandContext, def: AnyCommand): CommandReply | null {
  if (def.access === "member" || ctx.invokerIsModerator) return null;
  const roles = [...ctx.community.moderatorRoles].join(", ") || "none configured";
  return reply({
    title: "Not allowed",
    lines: [`/${def.name} is for moderators: you need one of the community's moderator roles (${roles}).`],
    tone: "refused",
  });
}

export interface TargetRules {
  /** The action needs the member in the community (warn, timeout, kick); ban and unban do not. */
  mustBePresent: boolean;
  /** Refuse protected members (default true; unban and untimeout cannot hurt anyone). */
  checkProtected?: boolean;
  /** "ban", "time out" … for the messages. */
  verb: string;
  /** The action the command performs: the platform checks the invoker may do it themselves. */
  action: ActionKind;
}

export type TargetCheck = { refused: CommandReply } | { refused: null; present: boolean };

/** Refused when Steward must not act on `member` for this moderator; nothing is sent to the platform to act. */
export async function checkTarget(ctx: CommandContext, member: string, rules: TargetRules): Promise<TargetCheck> {
  const refuse = (line: string): TargetCheck => ({ refused: reply({ title: "Not done", lines: [line], tone: "refused" }) });
  const guarded = rules.checkProtected ?? true;
  if (member === ctx.invoker.id && guarded) return refuse(`You cannot ${rules.verb} yourself.`);
  const known = ctx.community.members.get(member);
  if (guarded && known && ctx.isModerator(known)) return refuse(`${mention(member)} is a moderator: Steward does not act on moderators.`);
  const seen = await ctx.inspectMember(member);
  if (guarded && seen.protectedReason) return refuse(`Steward will not ${rules.verb} ${mention(member)}: ${seen.protectedReason}.`);
  if (rules.mustBePresent && !seen.present) return refuse(`${mention(member)} is not in the community.`);
  const denied = await ctx.invokerMay(member, rules.action);
  if (denied) return refuse(`You cannot ${rules.verb} ${mention(member)} through Steward: ${denied}.`);
  if (seen.name && known && !known.name) known.name = seen.name;
  else if (seen.name && !known) ctx.member(member).name = seen.name;
  return { refused: null, present: seen.present };
}
