/**
 * The fake's in-memory model: what a test seeds, and what REST calls mutate.
 * Ids are snowflake strings (discord.js derives timestamps from them).
 */

export interface SeedUser {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
  avatar?: string | null;
}

export interface SeedRole {
  id: string;
  name: string;
  /** Permission bitfield (discord.js PermissionFlagsBits values OR'ed together). */
  permissions: bigint | string;
  position: number;
  color?: number;
  hoist?: boolean;
  managed?: boolean;
  mentionable?: boolean;
}

export interface SeedChannel {
  id: string;
  name: string;
  /** Discord ChannelType; default 0 (GuildText). 4 = category, 2 = voice. */
  type?: number;
  position?: number;
  parentId?: string | null;
  topic?: string | null;
}

export interface SeedMember {
  user: SeedUser;
  roles?: string[];
  nick?: string | null;
  joinedAt?: string;
  communicationDisabledUntil?: string | null;
}

export interface SeedGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The @everyone role (id = guild id) is added if missing. */
  roles?: SeedRole[];
  channels?: SeedChannel[];
  members?: SeedMember[];
  /** Roles of the bot's own member in this guild (the bot member is added if not in `members`). */
  botRoles?: string[];
}

export interface FakeDiscordOptions {
  /** The token the fake accepts (`Authorization: Bot <token>` and IDENTIFY). */
  token: string;
  bot: SeedUser;
  /** Defaults to the bot user id (as for real bots). */
  applicationId?: string;
  guilds?: SeedGuild[];
  /** HELLO heartbeat_interval; default 41250 (Discord's). */
  heartbeatIntervalMs?: number;
  /** Intent bits the fake refuses at IDENTIFY with close 4014 (e.g. a privileged intent not enabled in the portal). */
  disallowedIntents?: number;
  /** Echo the gateway events Discord sends after moderation REST calls (MESSAGE_DELETE, GUILD_MEMBER_UPDATE/REMOVE, GUILD_BAN_ADD/REMOVE). Default true. */
  echoDispatches?: boolean;
  /** How many dispatches a gateway session keeps to replay after a RESUME (older seqs: INVALID_SESSION). Default 10,000. */
  replayBuffer?: number;
  /** How long a message nonce is remembered for `enforce_nonce` ("the past few minutes"). Default 5 minutes. */
  nonceWindowMs?: number;
}

export interface MemberState {
  user: SeedUser;
  roles: string[];
  nick: string | null;
  joinedAt: string;
  communicationDisabledUntil: string | null;
}

export interface MessageState {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  payload: Record<string, unknown>;
}

export interface BanState {
  user: SeedUser;
  reason: string | null;
  deleteMessageSeconds: number;
}

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  roles: Map<string, SeedRole>;
  channels: Map<string, SeedChannel>;
  members: Map<string, MemberState>;
  bans: Map<string, BanState>;
  commands: Record<string, unknown>[];
  joinedAt: string;
}

export interface DmChannelState {
  id: string;
  recipient: SeedUser;
}

export interface Model {
  bot: SeedUser;
  applicationId: string;
  guilds: Map<string, GuildState>;
  /** Every user the fake knows (guild members and dispatched authors). */
  users: Map<string, SeedUser>;
  messages: Map<string, MessageState>;
  dmChannels: Map<string, DmChannelState>;
  globalCommands: Record<string, unknown>[];
  dmClosed: Set<string>;
  /** Messages created with enforce_nonce, by `${authorId}:${nonce}` (Discord de-duplicates per author). */
  nonces: Map<string, { payload: Record<string, unknown>; at: number }>;
  nonceWindowMs: number;
  /** Interactions already answered (initial callback): Discord refuses a second with 40060. */
  acknowledged: Set<string>;
}

export function buildModel(options: FakeDiscordOptions): Model {
  const bot: SeedUser = { ...options.bot, bot: true };
  const model: Model = {
    bot,
    applicationId: options.applicationId ?? bot.id,
    guilds: new Map(),
    users: new Map([[bot.id, bot]]),
    messages: new Map(),
    dmChannels: new Map(),
    globalCommands: [],
    dmClosed: new Set(),
    nonces: new Map(),
    nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    acknowledged: new Set(),
  };
  for (const seed of options.guilds ?? []) addGuild(model, seed);
  return model;
}

export function addGuild(model: Model, seed: SeedGuild): GuildState {
  const joinedAt = new Date().toISOString();
  const guild: GuildState = {
    id: seed.id,
    name: seed.name,
    ownerId: seed.ownerId,
    roles: new Map(),
    channels: new Map(),
    members: new Map(),
    bans: new Map(),
    commands: [],
    joinedAt,
  };
  for (const role of seed.roles ?? []) guild.roles.set(role.id, { ...role });
  if (!guild.roles.has(seed.id)) {
    guild.roles.set(seed.id, { id: seed.id, name: "@everyone", permissions: 0n, position: 0 });
  }
  for (const channel of seed.channels ?? []) guild.channels.set(channel.id, { ...channel });
  for (const member of seed.members ?? []) {
    guild.members.set(member.user.id, toMemberState(member, joinedAt));
    model.users.set(member.user.id, member.user);
  }
  if (!guild.members.has(model.bot.id)) {
    guild.members.set(model.bot.id, toMemberState({ user: model.bot, roles: seed.botRoles ?? [] }, joinedAt));
  } else if (seed.botRoles) {
    guild.members.get(model.bot.id)!.roles = [...seed.botRoles];
  }
  model.guilds.set(guild.id, guild);
  return guild;
}

export function toMemberState(member: SeedMember, joinedAt = new Date().toISOString()): MemberState {
  return {
    user: member.user,
    roles: [...(member.roles ?? [])],
    nick: member.nick ?? null,
    joinedAt: member.joinedAt ?? joinedAt,
    communicationDisabledUntil: member.communicationDisabledUntil ?? null,
  };
}

/** Finds the guild a channel belongs to. */
export function guildOfChannel(model: Model, channelId: string): GuildState | undefined {
  for (const guild of model.guilds.values()) if (guild.channels.has(channelId)) return guild;
  return undefined;
}
