// Discord → Steward events. community = guild id, channel = channel id, member = user id.
// Each builder returns null for what Steward does not watch (bots, DMs, webhooks, partials it cannot name).
import type { GuildMember, Message, MessageReaction, PartialGuildMember, PartialMessage, PartialMessageReaction, PartialUser, User } from "discord.js";
import { stewardEvent, type StewardEvent, type StewardEventInput } from "../../core/events.js";
import { memberRoles } from "./permissions.js";

const now = () => new Date().toISOString();

function parse(input: StewardEventInput): StewardEvent {
  return stewardEvent.parse(input);
}

function messageBody(m: Message) {
  return {
    id: m.id,
    author: m.author.id,
    text: m.content ?? "",
    ...(m.reference?.messageId ? { replyTo: m.reference.messageId } : {}),
    ...(m.channel.isThread() ? { thread: m.channel.id } : {}),
    attachments: m.attachments.size,
    mentions: [...m.mentions.users.keys(), ...m.mentions.roles.keys()],
    mentionsEveryone: m.mentions.everyone,
    ...(m.member ? { authorName: m.member.displayName, authorRoles: memberRoles(m.member) } : { authorName: m.author.globalName ?? m.author.username }),
  };
}

/** Guild messages from people (not bots, webhooks or system messages). */
function watched(m: Message | PartialMessage): m is Message<true> {
  return !m.partial && m.inGuild() && !m.author.bot && !m.webhookId && !m.system;
}

export function messageCreated(m: Message): StewardEvent | null {
  if (!watched(m)) return null;
  return parse({ type: "message.created", platform: "discord", at: m.createdAt.toISOString(), community: m.guildId, channel: m.channelId, message: messageBody(m) });
}

/** Edits of the text only: Discord also sends MESSAGE_UPDATE when link previews (embeds) arrive. */
export function messageEdited(before: Message | PartialMessage, m: Message | PartialMessage): StewardEvent | null {
  if (!watched(m)) return null;
  if (!before.partial && before.content === m.content) return null;
  return parse({ type: "message.edited", platform: "discord", at: (m.editedAt ?? new Date()).toISOString(), community: m.guildId, channel: m.channelId, message: messageBody(m) });
}

export function messageDeleted(m: Message | PartialMessage): StewardEvent | null {
  if (!m.guildId) return null;
  if (!m.partial && m.author.bot) return null;
  return parse({ type: "message.deleted", platform: "discord", at: now(), community: m.guildId, channel: m.channelId, message: m.id });
}

export function memberJoined(member: GuildMember): StewardEvent | null {
  if (member.user.bot) return null;
  return parse({
    type: "member.joined",
    platform: "discord",
    at: (member.joinedAt ?? new Date()).toISOString(),
    community: member.guild.id,
    member: {
      id: member.id,
      name: member.displayName,
      roles: memberRoles(member),
      avatar: member.user.avatar !== null,
      accountCreatedAt: member.user.createdAt.toISOString(),
      bot: false,
    },
  });
}

export function memberLeft(member: GuildMember | PartialGuildMember): StewardEvent | null {
  if (member.user?.bot) return null;
  const name = member.partial ? (member.user?.username ?? undefined) : member.displayName;
  return parse({ type: "member.left", platform: "discord", at: now(), community: member.guild.id, member: { id: member.id, ...(name ? { name } : {}) } });
}

export function memberUpdated(before: GuildMember | PartialGuildMember, after: GuildMember): StewardEvent | null {
  if (after.user.bot) return null;
  const roles = memberRoles(after);
  const beforeRoles = before.partial ? null : memberRoles(before);
  const nicknameChanged = before.partial || before.nickname !== after.nickname;
  const rolesChanged = !beforeRoles || beforeRoles.join() !== roles.join();
  if (!nicknameChanged && !rolesChanged) return null; // e.g. avatar or timeout changes
  return parse({
    type: "member.updated",
    platform: "discord",
    at: now(),
    community: after.guild.id,
    member: { id: after.id, name: after.displayName, roles, nickname: after.nickname },
  });
}

export function reaction(kind: "reaction.added" | "reaction.removed", r: MessageReaction | PartialMessageReaction, user: User | PartialUser): StewardEvent | null {
  const guildId = r.message.guildId;
  if (!guildId || user.bot) return null;
  const emoji = r.emoji.id ? `${r.emoji.name ?? "emoji"}:${r.emoji.id}` : r.emoji.name;
  if (!emoji) return null;
  return parse({ type: kind, platform: "discord", at: now(), community: guildId, channel: r.message.channelId, message: r.message.id, member: user.id, emoji });
}
