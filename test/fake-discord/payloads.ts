/** Discord API v10 JSON shapes built from the model (what REST returns and the gateway dispatches). */
import type { GuildState, MemberState, Model, SeedChannel, SeedRole, SeedUser } from "./model.js";

export type Json = Record<string, unknown>;

export function userPayload(user: SeedUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.globalName ?? null,
    avatar: user.avatar ?? null,
    bot: user.bot ?? false,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

/** A guild member; `withUser` false gives the shape nested in MESSAGE_CREATE (no `user`). */
export function memberPayload(member: MemberState, withUser = true): Json {
  const body: Json = {
    roles: [...member.roles],
    nick: member.nick,
    avatar: null,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: member.communicationDisabledUntil,
  };
  if (withUser) body.user = userPayload(member.user);
  return body;
}

export function rolePayload(role: SeedRole): Json {
  return {
    id: role.id,
    name: role.name,
    color: role.color ?? 0,
    colors: { primary_color: role.color ?? 0, secondary_color: null, tertiary_color: null },
    hoist: role.hoist ?? false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: BigInt(role.permissions).toString(),
    managed: role.managed ?? false,
    mentionable: role.mentionable ?? false,
    flags: 0,
  };
}

export function channelPayload(channel: SeedChannel, guildId: string): Json {
  return {
    id: channel.id,
    type: channel.type ?? 0,
    guild_id: guildId,
    name: channel.name,
    position: channel.position ?? 0,
    parent_id: channel.parentId ?? null,
    topic: channel.topic ?? null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    permission_overwrites: [],
    flags: 0,
  };
}

export function guildPayload(guild: GuildState): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: "en-US",
    features: [],
    max_members: 500000,
    max_video_channel_users: 25,
    application_id: null,
    roles: [...guild.roles.values()].map(rolePayload),
    emojis: [],
    stickers: [],
  };
}

/** The GUILD_CREATE dispatch body: the guild plus channels, members, counts. */
export function guildCreatePayload(guild: GuildState): Json {
  return {
    ...guildPayload(guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: [...guild.members.values()].map((m) => memberPayload(m)),
    channels: [...guild.channels.values()].map((c) => channelPayload(c, guild.id)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function messagePayload(args: {
  id: string;
  channelId: string;
  guildId: string | null;
  author: SeedUser;
  member?: MemberState | undefined;
  content: string;
  mentions?: Array<{ user: SeedUser; member?: MemberState | undefined }>;
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  extra?: Json;
}): Json {
  const body: Json = {
    id: args.id,
    type: 0,
    channel_id: args.channelId,
    author: userPayload(args.author),
    content: args.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: args.mentionEveryone ?? false,
    mentions: (args.mentions ?? []).map(({ user, member }) =>
      member ? { ...userPayload(user), member: memberPayload(member, false) } : userPayload(user),
    ),
    mention_roles: args.mentionRoles ?? [],
    mention_channels: [],
    attachments: [],
    embeds: [],
    reactions: [],
    pinned: false,
    flags: 0,
    components: [],
    ...args.extra,
  };
  if (args.guildId) {
    body.guild_id = args.guildId;
    if (args.member) body.member = memberPayload(args.member, false);
  }
  return body;
}

/** READY for a session; `serves` picks the guilds of its shard. */
export function readyPayload(model: Model, sessionId: string, resumeUrl: string, shard: [number, number] = [0, 1], serves: (guildId: string) => boolean = () => true): Json {
  return {
    v: 10,
    user: { ...userPayload(model.bot), verified: true, mfa_enabled: false, email: null },
    guilds: [...model.guilds.keys()].filter(serves).map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    session_type: "normal",
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: model.applicationId, flags: 0 },
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: [],
    auth: {},
    _trace: ["fake-discord"],
  };
}

/**
 * The `data.components` of a MODAL_SUBMIT (interaction type 5) for a modal built from Labels, as
 * Discord sends them: one Label (type 18) per input, around a text input (type 4, `value`) or a
 * string select (type 3, `values`). A string answers a text input, an array a select.
 */
export function modalSubmitComponents(values: Record<string, string | string[]>): Json[] {
  return Object.entries(values).map(([customId, value], i) => ({
    type: 18,
    id: i * 2 + 1,
    component: Array.isArray(value)
      ? { type: 3, id: i * 2 + 2, custom_id: customId, values: value }
      : { type: 4, id: i * 2 + 2, custom_id: customId, value },
  }));
}
