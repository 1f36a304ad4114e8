// Who counts as a moderator on Discord, and whom Steward must never act on.
//
// Zero configuration: a member is a moderator when they own the guild, or any of their roles grants
// Administrator or Manage Messages. Events carry the member's role ids plus the synthetic role name
// `moderator` for such members (MODERATOR_ROLE), so the pipeline's `moderatorRoles` check recognises
// them once "moderator" is among the community's moderator roles (see DiscordSettingsProvider).
import { PermissionFlagsBits, type GuildMember } from "discord.js";
import type { ActionKind } from "../../core/actions.js";

/** The synthetic role name added to moderators' role lists. */
export const MODERATOR_ROLE = "moderator";

export function isDiscordModerator(member: GuildMember): boolean {
  if (member.guild.ownerId === member.id) return true;
  return member.permissions.any([PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageMessages], true);
}

/** Role ids (without @everyone), plus `moderator` when the member is one. */
export function memberRoles(member: GuildMember): string[] {
  const roles = member.roles.cache.filter((r) => r.id !== member.guild.id).map((r) => r.id);
  if (isDiscordModerator(member)) roles.push(MODERATOR_ROLE);
  return roles;
}

/** The Discord permission a member needs to do an action themselves. */
const PERMISSION_FOR: Partial<Record<ActionKind, [bigint, string]>> = {
  timeout: [PermissionFlagsBits.ModerateMembers, "Timeout Members"],
  removeTimeout: [PermissionFlagsBits.ModerateMembers, "Timeout Members"],
  kick: [PermissionFlagsBits.KickMembers, "Kick Members"],
  ban: [PermissionFlagsBits.BanMembers, "Ban Members"],
  unban: [PermissionFlagsBits.BanMembers, "Ban Members"],
  purgeMessages: [PermissionFlagsBits.ManageMessages, "Manage Messages"],
  deleteMessage: [PermissionFlagsBits.ManageMessages, "Manage Messages"],
};

/**
 * Why Discord would not let `actor` do `kind` to `target` themselves, or null: the server owner may do
 * anything; others need the matching permission (Administrator includes all) and, to act on a member,
 * a highest role above theirs. Steward does not lend moderators powers Discord gave them not.
 */
export function actorDenial(actor: GuildMember, target: GuildMember | null, kind: ActionKind): string | null {
  if (actor.guild.ownerId === actor.id) return null;
  const needed = PERMISSION_FOR[kind];
  if (needed && !actor.permissions.has(needed[0], true)) return `you do not have the ${needed[1]} permission in this server`;
  if (target && target.id !== actor.id && target.roles.highest.comparePositionTo(actor.roles.highest) >= 0) {
    return `their highest role (${target.roles.highest.name}) is at or above yours (${actor.roles.highest.name})`;
  }
  return null;
}

/**
 * Why Steward must not act on this member, or null when it may: the owner, administrators,
 * moderators (Manage Messages), and anyone whose highest role is at or above the bot's.
 */
export function protectedReason(member: GuildMember): string | null {
  const guild = member.guild;
  if (guild.ownerId === member.id) return "the member owns the server";
  if (member.permissions.has(PermissionFlagsBits.Administrator, false)) return "the member is an administrator";
  if (member.permissions.has(PermissionFlagsBits.ManageMessages, false)) return "the member is a moderator (Manage Messages)";
  const me = guild.members.me;
  if (me && member.roles.highest.comparePositionTo(me.roles.highest) >= 0) {
    return `the member's highest role (${member.roles.highest.name}) is at or above Steward's (${me.roles.highest.name})`;
  }
  return null;
}
