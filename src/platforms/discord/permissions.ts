// Who counts as a moderator on Discord, and whom Steward must never act on.
//
// Zero configuration: a member is a moderator when they own the guild, or any of their roles grants
// Administrator or Manage Messages. Events carry the member's role ids plus the synthetic role name
// `moderator` for such members (MODERATOR_ROLE), so the pipeline's `moderatorRoles` check recognises
// them once "moderator" is among the community's moderator roles (see DiscordSettingsProvider).
import { PermissionFlagsBits, type GuildMember } from "discord.js";

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
