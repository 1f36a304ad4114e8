/** REST route handlers: Discord API v10 paths (after `/api/v10`), answered from and applied to the model. */
import { guildOfChannel, type GuildState, type Model } from "./model.js";
import {
  channelPayload,
  memberPayload,
  messagePayload,
  rolePayload,
  guildPayload,
  userPayload,
  type Json,
} from "./payloads.js";
import { compileRoute, type RouteMatcher } from "./routes.js";
import { snowflake } from "./snowflake.js";

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A create that returned an existing object instead (enforce_nonce): no new effect. */
  repeat?: boolean;
}

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

export interface RestContext {
  model: Model;
  /** Sends a gateway dispatch to identified sessions (used to echo what Discord would send). */
  echo: (t: string, d: Json) => void;
}

type Handler = (req: RestRequest, ctx: RestContext) => RestResult;

export interface RouteDef {
  route: string;
  match: RouteMatcher;
  /** Routes discord.js calls with `auth: false` (interaction callbacks, webhook-token routes). */
  noAuth: boolean;
  handle: Handler;
}

export function discordError(status: number, code: number, message: string): RestResult {
  return { status, body: { message, code } };
}

const ok = (body: unknown, status = 200): RestResult => ({ status, body });
const noContent: RestResult = { status: 204 };

const unknownGuild = () => discordError(404, 10004, "Unknown Guild");
const unknownChannel = () => discordError(404, 10003, "Unknown Channel");
const unknownMember = () => discordError(404, 10007, "Unknown Member");
const unknownMessage = () => discordError(404, 10008, "Unknown Message");
const unknownRole = () => discordError(404, 10011, "Unknown Role");
const unknownUser = () => discordError(404, 10013, "Unknown User");
const unknownBan = () => discordError(404, 10026, "Unknown Ban");

function obj(body: unknown): Json {
  return body && typeof body === "object" ? (body as Json) : {};
}

function withGuild(fn: (guild: GuildState, req: RestRequest, ctx: RestContext) => RestResult): Handler {
  return (req, ctx) => {
    const guild = ctx.model.guilds.get(req.params.guildId ?? "");
    return guild ? fn(guild, req, ctx) : unknownGuild();
  };
}

function memberUpdateEcho(ctx: RestContext, guild: GuildState, userId: string): void {
  const member = guild.members.get(userId);
  if (member) ctx.echo("GUILD_MEMBER_UPDATE", { guild_id: guild.id, ...memberPayload(member) });
}

function sendMessage(req: RestRequest, ctx: RestContext): RestResult {
  const channelId = req.params.channelId ?? "";
  const body = obj(req.body);
  const dm = ctx.model.dmChannels.get(channelId);
  const guild = dm ? undefined : guildOfChannel(ctx.model, channelId);
  if (!dm && !guild) return unknownChannel();
  if (dm && ctx.model.dmClosed.has(dm.recipient.id)) {
    return discordError(403, 50007, "Cannot send messages to this user");
  }
  // Discord: a nonce is an integer or a string of at most 25 characters. With enforce_nonce, a message the same author
  // created with the same nonce in the past few minutes is returned again and no new message is created.
  const nonce = body.nonce;
  if (nonce !== undefined && nonce !== null && !(typeof nonce === "string" ? nonce.length <= 25 : Number.isInteger(nonce))) {
    return discordError(400, 50035, "Invalid Form Body (nonce: Must be 25 or fewer in length.)");
  }
  const nonceKey = nonce !== undefined && nonce !== null && body.enforce_nonce === true ? `${ctx.model.bot.id}:${String(nonce)}` : null;
  if (nonceKey) {
    const earlier = ctx.model.nonces.get(nonceKey);
    if (earlier && Date.now() - earlier.at < ctx.model.nonceWindowMs) return { ...ok(earlier.payload), repeat: true };
  }
  const id = snowflake();
  const content = typeof body.content === "string" ? body.content : "";
  const payload = messagePayload({
    id,
    channelId,
    guildId: guild?.id ?? null,
    author: ctx.model.bot,
    member: guild?.members.get(ctx.model.bot.id),
    content,
    extra: {
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: Array.isArray(body.files)
        ? (body.files as { name: string; type: string; size: number }[]).map((f) => ({ id: snowflake(), filename: f.name, content_type: f.type, size: f.size, url: `https://cdn.discordapp.test/${f.name}`, proxy_url: `https://media.discordapp.test/${f.name}` }))
        : [],
      ...(nonce !== undefined && nonce !== null ? { nonce } : {}),
    },
  });
  ctx.model.messages.set(id, { id, channelId, guildId: guild?.id ?? null, authorId: ctx.model.bot.id, content, payload });
  if (nonceKey) ctx.model.nonces.set(nonceKey, { payload, at: Date.now() });
  return ok(payload);
}

function webhookMessage(req: RestRequest, ctx: RestContext): RestResult {
  const body = obj(req.body);
  const id = req.params.messageId && req.params.messageId !== "@original" ? req.params.messageId : snowflake();
  return ok(
    messagePayload({
      id,
      channelId: "0",
      guildId: null,
      author: ctx.model.bot,
      content: typeof body.content === "string" ? body.content : "",
      extra: {
        webhook_id: req.params.applicationId,
        application_id: req.params.applicationId,
        embeds: Array.isArray(body.embeds) ? body.embeds : [],
        components: Array.isArray(body.components) ? body.components : [],
        flags: typeof body.flags === "number" ? body.flags : 0,
      },
    }),
  );
}

function overwriteCommands(list: Record<string, unknown>[], body: unknown, applicationId: string, guildId?: string) {
  const commands = (Array.isArray(body) ? body : []).map((raw) => ({
    id: snowflake(),
    application_id: applicationId,
    ...(guildId ? { guild_id: guildId } : {}),
    version: snowflake(),
    type: 1,
    description: "",
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    ...obj(raw),
  }));
  list.splice(0, list.length, ...commands);
  return ok(commands);
}

const table: Array<[string, Handler, boolean?]> = [
  ["GET /gateway/bot", () => ok({})], // answered by FakeDiscord (needs the port); kept here for the route list
  ["GET /users/@me", (_req, ctx) => ok({ ...userPayload(ctx.model.bot), verified: true, mfa_enabled: false })],
  [
    "GET /users/:userId",
    (req, ctx) => {
      const user = ctx.model.users.get(req.params.userId ?? "");
      return user ? ok(userPayload(user)) : unknownUser();
    },
  ],
  [
    "GET /applications/@me",
    (_req, ctx) => ok({ id: ctx.model.applicationId, name: ctx.model.bot.username, flags: 0, bot: userPayload(ctx.model.bot) }),
  ],
  [
    "POST /users/@me/channels",
    (req, ctx) => {
      const recipientId = String(obj(req.body).recipient_id ?? "");
      const user = ctx.model.users.get(recipientId);
      if (!user) return unknownUser();
      let dm = [...ctx.model.dmChannels.values()].find((c) => c.recipient.id === recipientId);
      if (!dm) {
        dm = { id: snowflake(), recipient: user };
        ctx.model.dmChannels.set(dm.id, dm);
      }
      return ok({ id: dm.id, type: 1, last_message_id: null, flags: 0, recipients: [userPayload(user)] });
    },
  ],
  [
    "GET /channels/:channelId",
    (req, ctx) => {
      const channelId = req.params.channelId ?? "";
      const dm = ctx.model.dmChannels.get(channelId);
      if (dm) return ok({ id: dm.id, type: 1, last_message_id: null, recipients: [userPayload(dm.recipient)] });
      const guild = guildOfChannel(ctx.model, channelId);
      const channel = guild?.channels.get(channelId);
      return guild && channel ? ok(channelPayload(channel, guild.id)) : unknownChannel();
    },
  ],
  ["POST /channels/:channelId/messages", sendMessage],
  [
    "GET /channels/:channelId/messages",
    (req, ctx) => {
      const channelId = req.params.channelId ?? "";
      if (!guildOfChannel(ctx.model, channelId) && !ctx.model.dmChannels.has(channelId)) return unknownChannel();
      const limit = Math.min(100, Number(req.query.limit ?? 50));
      const newestFirst = [...ctx.model.messages.values()]
        .filter((m) => m.channelId === channelId)
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        .slice(0, limit);
      return ok(newestFirst.map((m) => m.payload));
    },
  ],
  [
    "POST /channels/:channelId/messages/bulk-delete",
    (req, ctx) => {
      const channelId = req.params.channelId ?? "";
      const guild = guildOfChannel(ctx.model, channelId);
      if (!guild) return unknownChannel();
      const ids = obj(req.body).messages;
      if (!Array.isArray(ids) || ids.length < 2 || ids.length > 100) return discordError(400, 50016, "You must provide at least 2 and fewer than 100 messages to delete.");
      for (const id of ids) {
        const m = ctx.model.messages.get(String(id));
        if (!m || m.channelId !== channelId) return unknownMessage();
      }
      for (const id of ids) ctx.model.messages.delete(String(id));
      ctx.echo("MESSAGE_DELETE_BULK", { ids: ids.map(String), channel_id: channelId, guild_id: guild.id });
      return noContent;
    },
  ],
  [
    "GET /channels/:channelId/messages/:messageId",
    (req, ctx) => {
      const message = ctx.model.messages.get(req.params.messageId ?? "");
      return message && message.channelId === req.params.channelId ? ok(message.payload) : unknownMessage();
    },
  ],
  [
    "DELETE /channels/:channelId/messages/:messageId",
    (req, ctx) => {
      const message = ctx.model.messages.get(req.params.messageId ?? "");
      if (!message || message.channelId !== req.params.channelId) return unknownMessage();
      ctx.model.messages.delete(message.id);
      ctx.echo("MESSAGE_DELETE", {
        id: message.id,
        channel_id: message.channelId,
        ...(message.guildId ? { guild_id: message.guildId } : {}),
      });
      return noContent;
    },
  ],
  ["GET /guilds/:guildId", withGuild((guild) => ok(guildPayload(guild)))],
  ["GET /guilds/:guildId/roles", withGuild((guild) => ok([...guild.roles.values()].map(rolePayload)))],
  [
    "GET /guilds/:guildId/channels",
    withGuild((guild) => ok([...guild.channels.values()].map((c) => channelPayload(c, guild.id)))),
  ],
  [
    "GET /guilds/:guildId/members/:userId",
    withGuild((guild, req) => {
      const member = guild.members.get(req.params.userId ?? "");
      return member ? ok(memberPayload(member)) : unknownMember();
    }),
  ],
  [
    "GET /guilds/:guildId/members",
    withGuild((guild, req) => {
      const limit = Number(req.query.limit ?? 1);
      return ok([...guild.members.values()].slice(0, limit).map((m) => memberPayload(m)));
    }),
  ],
  [
    "PATCH /guilds/:guildId/members/:userId",
    withGuild((guild, req, ctx) => {
      const member = guild.members.get(req.params.userId ?? "");
      if (!member) return unknownMember();
      const body = obj(req.body);
      if ("communication_disabled_until" in body) {
        member.communicationDisabledUntil = (body.communication_disabled_until as string | null) ?? null;
      }
      if (Array.isArray(body.roles)) {
        for (const role of body.roles) if (!guild.roles.has(String(role))) return unknownRole();
        member.roles = body.roles.map(String);
      }
      if ("nick" in body) member.nick = (body.nick as string | null) ?? null;
      memberUpdateEcho(ctx, guild, member.user.id);
      return ok(memberPayload(member));
    }),
  ],
  [
    "PUT /guilds/:guildId/members/:userId/roles/:roleId",
    withGuild((guild, req, ctx) => {
      const member = guild.members.get(req.params.userId ?? "");
      if (!member) return unknownMember();
      const roleId = req.params.roleId ?? "";
      if (!guild.roles.has(roleId)) return unknownRole();
      if (!member.roles.includes(roleId)) member.roles.push(roleId);
      memberUpdateEcho(ctx, guild, member.user.id);
      return noContent;
    }),
  ],
  [
    "DELETE /guilds/:guildId/members/:userId/roles/:roleId",
    withGuild((guild, req, ctx) => {
      const member = guild.members.get(req.params.userId ?? "");
      if (!member) return unknownMember();
      const roleId = req.params.roleId ?? "";
      if (!guild.roles.has(roleId)) return unknownRole();
      member.roles = member.roles.filter((r) => r !== roleId);
      memberUpdateEcho(ctx, guild, member.user.id);
      return noContent;
    }),
  ],
  [
    "DELETE /guilds/:guildId/members/:userId",
    withGuild((guild, req, ctx) => {
      const member = guild.members.get(req.params.userId ?? "");
      if (!member) return unknownMember();
      guild.members.delete(member.user.id);
      ctx.echo("GUILD_MEMBER_REMOVE", { guild_id: guild.id, user: userPayload(member.user) });
      return noContent;
    }),
  ],
  [
    "GET /guilds/:guildId/bans/:userId",
    withGuild((guild, req) => {
      const ban = guild.bans.get(req.params.userId ?? "");
      return ban ? ok({ user: userPayload(ban.user), reason: ban.reason }) : unknownBan();
    }),
  ],
  [
    "PUT /guilds/:guildId/bans/:userId",
    withGuild((guild, req, ctx) => {
      const userId = req.params.userId ?? "";
      const user = ctx.model.users.get(userId);
      if (!user) return unknownUser();
      const body = obj(req.body);
      const reason = req.headers["x-audit-log-reason"];
      guild.bans.set(userId, {
        user,
        reason: reason ? decodeURIComponent(reason) : null,
        deleteMessageSeconds: Number(body.delete_message_seconds ?? 0),
      });
      ctx.echo("GUILD_BAN_ADD", { guild_id: guild.id, user: userPayload(user) });
      if (guild.members.delete(userId)) ctx.echo("GUILD_MEMBER_REMOVE", { guild_id: guild.id, user: userPayload(user) });
      return noContent;
    }),
  ],
  [
    "DELETE /guilds/:guildId/bans/:userId",
    withGuild((guild, req, ctx) => {
      const ban = guild.bans.get(req.params.userId ?? "");
      if (!ban) return unknownBan();
      guild.bans.delete(ban.user.id);
      ctx.echo("GUILD_BAN_REMOVE", { guild_id: guild.id, user: userPayload(ban.user) });
      return noContent;
    }),
  ],
  [
    "PUT /applications/:applicationId/guilds/:guildId/commands",
    withGuild((guild, req, ctx) => overwriteCommands(guild.commands, req.body, ctx.model.applicationId, guild.id)),
  ],
  ["GET /applications/:applicationId/guilds/:guildId/commands", withGuild((guild) => ok(guild.commands))],
  [
    "PUT /applications/:applicationId/commands",
    (req, ctx) => overwriteCommands(ctx.model.globalCommands, req.body, ctx.model.applicationId),
  ],
  ["GET /applications/:applicationId/commands", (_req, ctx) => ok(ctx.model.globalCommands)],
  [
    "POST /interactions/:interactionId/:interactionToken/callback",
    (req, ctx) => {
      const interactionId = req.params.interactionId ?? "";
      if (ctx.model.acknowledged.has(interactionId)) return discordError(400, 40060, "Interaction has already been acknowledged.");
      ctx.model.acknowledged.add(interactionId);
      if (req.query.with_response !== "true") return noContent;
      const body = obj(req.body);
      const data = obj(body.data);
      return ok({
        interaction: {
          id: req.params.interactionId,
          type: 2,
          activity_instance_id: null,
          response_message_id: null,
          response_message_loading: body.type === 5,
          response_message_ephemeral: ((Number(data.flags ?? 0) & 64) !== 0),
        },
        resource: body.type === 4 || body.type === 7
          ? {
              type: body.type,
              message: messagePayload({
                id: snowflake(),
                channelId: "0",
                guildId: null,
                author: ctx.model.bot,
                content: typeof data.content === "string" ? data.content : "",
              }),
            }
          : { type: body.type },
      });
    },
    true,
  ],
  ["POST /webhooks/:applicationId/:interactionToken", webhookMessage, true],
  ["PATCH /webhooks/:applicationId/:interactionToken/messages/:messageId", webhookMessage, true],
  ["GET /webhooks/:applicationId/:interactionToken/messages/:messageId", webhookMessage, true],
  ["DELETE /webhooks/:applicationId/:interactionToken/messages/:messageId", () => noContent, true],
];

export const ROUTES: RouteDef[] = table.map(([route, handle, noAuth]) => ({
  route,
  match: compileRoute(route),
  handle,
  noAuth: noAuth ?? false,
}));

export function findRoute(method: string, path: string): { def: RouteDef; params: Record<string, string> } | null {
  for (const def of ROUTES) {
    const params = def.match(method, path);
    if (params) return { def, params };
  }
  return null;
}
