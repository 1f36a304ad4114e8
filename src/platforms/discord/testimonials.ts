// Testimonials on Discord, the parts that depend on a community's settings: the capture emoji
// (testimonials.emoji, default ⭐), and the reactor's roles before a capture reaction. Reaction
// events carry no roles, and a moderator may react before Steward has seen them post, so a
// reaction with the capture emoji is preceded by a member.updated with the reactor's roles
// (taken from the reaction's member payload, which discord.js puts in the guild cache).
import type { MessageReaction, PartialMessageReaction, PartialUser, User } from "discord.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import { stewardEvent, type StewardEvent } from "../../core/events.js";
import { sameEmoji, testimonialSettings } from "../../testimonials/settings.js";
import { memberRoles } from "./permissions.js";

export type SettingsOf = ((community: string) => CommunitySettings) | undefined;

export function captureEmoji(settings: SettingsOf, community: string): string {
  return testimonialSettings(settings?.(community) ?? {}).emoji;
}

/** member.updated with the reactor's current roles, when the reaction is the community's capture emoji. */
export function reactorRolesRefresh(r: MessageReaction | PartialMessageReaction, user: User | PartialUser, settings: SettingsOf): StewardEvent | null {
  const guild = r.message.guild;
  if (!guild || user.bot || !r.emoji.name) return null;
  const emoji = r.emoji.id ? `${r.emoji.name}:${r.emoji.id}` : r.emoji.name; // as events.ts names it
  if (!sameEmoji(emoji, captureEmoji(settings, guild.id))) return null;
  const member = guild.members.cache.get(user.id);
  if (!member) return null;
  return stewardEvent.parse({
    type: "member.updated",
    platform: "discord",
    at: new Date().toISOString(),
    community: guild.id,
    member: { id: member.id, name: member.displayName, roles: memberRoles(member) },
  });
}
