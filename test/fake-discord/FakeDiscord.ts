/**
 * A fake Discord on loopback: HTTP REST under `/api/v10` and a WebSocket gateway on the same port.
 * The real discord.js client connects with `new Client({ intents, rest: { api: fake.apiUrl } })`:
 * discord.js asks `GET /gateway/bot` for the gateway URL, so the WebSocket follows the REST base.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { GatewayConnection, type GatewaySession, type GatewayStats, type IdentifyRecord } from "./gateway.js";
import { buildModel, toMemberState, type FakeDiscordOptions, type Model, type SeedUser } from "./model.js";
import { memberPayload, messagePayload, modalSubmitComponents, userPayload, type Json } from "./payloads.js";
import { discordError, findRoute, type RestResult } from "./rest.js";
import { routeTest, type RoutePattern } from "./routes.js";
import { randomToken, snowflake } from "./snowflake.js";

export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/1/messages/2`. */
  path: string;
  /** The matched route template (`DELETE /channels/:channelId/messages/:messageId`), or null if unknown (404). */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body; the raw string for non-JSON bodies; null when empty. */
  body: unknown;
  /** Lower-cased request headers without `authorization`. */
  headers: Record<string, string>;
  /** The status the fake answered with (0 when a `reset` fault cut the connection without an answer). */
  status: number;
  /** The status the route itself produced (its effect happened when 2xx), or null when a fault answered instead. */
  handled: number | null;
  /** A message create answered with the existing message (same author and nonce, enforce_nonce): no new message. */
  repeat: boolean;
  /** The fault injected into this call ("429", "500 after effect", "slow 300ms", "reset"), if any. */
  fault: string | null;
  /** When the request was handled (a slow answer is sent `delayMs` later; it is recorded at once, as its effect is). */
  at: number;
}

/**
 * A fault injected into matching REST requests. `status` replaces the answer (429 with Discord's body and headers,
 * 5xx, 4xx); `delayMs` alone only slows the answer; `reset` cuts the connection without an answer.
 */
export interface Fault {
  /** 429, 500, 502, 503, …; omitted: the route answers normally (use with `delayMs`). */
  status?: number;
  /** For 429: seconds (float) sent in `retry-after`, `x-ratelimit-reset-after` and the body's `retry_after`. Default 0.05. */
  retryAfter?: number;
  /** For 429: a global rate limit (`x-ratelimit-global`, scope global). */
  global?: boolean;
  /** Discord JSON error code / message for non-429 faults. */
  code?: number;
  message?: string;
  /** Answer after this many milliseconds (the effect, if any, happens first). */
  delayMs?: number;
  /** The route's effect happens, then the fault is answered: Discord did it but the client does not know. */
  afterEffect?: boolean;
  /** Destroy the connection instead of answering (a network error for the client). */
  reset?: boolean;
  /** How many matching requests get the fault (default 1; Infinity until `clear()`). */
  times?: number;
  /** Only every Nth matching request gets it (default 1: each one). */
  every?: number;
}

/** An injected fault, to clear it before its `times` are used up. */
export interface FaultHandle {
  clear(): void;
  /** Requests that got this fault so far. */
  readonly hits: number;
}

/** Faults injected so far, by kind ("429", "500", "slow", "reset", "after-effect"). */
export type FaultStats = Record<string, number>;

/** A route template (`DELETE /channels/:c/messages/:m`), a RegExp on "METHOD /path", or a predicate on the call. */
export type CallPredicate = string | RegExp | ((call: RecordedCall) => boolean);

interface Waiter {
  test: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

/** A modal as Steward sends it (callback type 9): Labels around inputs. */
export interface ShownModal {
  custom_id: string;
  title: string;
  components: Array<{
    type: number;
    label?: string;
    description?: string;
    component?: { type: number; custom_id: string; style?: number; required?: boolean; min_length?: number; max_length?: number; placeholder?: string; options?: { label: string; value: string }[] };
  }>;
}

const API_PREFIX = /^\/api\/v(\d+)(\/.*)?$/;

export class FakeDiscord {
  readonly model: Model;
  readonly token: string;
  readonly calls: RecordedCall[] = [];
  readonly identifies: IdentifyRecord[] = [];
  /** Every gateway packet the clients sent ({ op, d }). */
  readonly gatewayReceived: Array<{ op: number; d: unknown; at: number }> = [];
  heartbeats = 0;

  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  /** Open gateway sockets. */
  private readonly connections = new Set<GatewayConnection>();
  /** Gateway sessions by id (they outlive their sockets until invalidated). */
  private readonly sessions = new Map<string, GatewaySession>();
  readonly gatewayStats: GatewayStats = { identifies: 0, resumes: 0, replayed: 0, resumesRefused: 0, invalidSessions: 0, drops: 0 };
  readonly faultStats: FaultStats = {};
  private heartbeatAcks = true;
  private readonly faults: Array<{ test: (method: string, path: string) => boolean; fault: Fault; left: number; seen: number; hits: number }> = [];
  private readonly delays = new Set<NodeJS.Timeout>();
  private readonly waiters = new Set<Waiter>();
  private port = 0;

  constructor(private readonly options: FakeDiscordOptions) {
    this.token = options.token;
    this.model = buildModel(options);
  }

  /** REST base for discord.js `rest.api` (`http://127.0.0.1:<port>/api`; discord.js appends `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Open gateway connections that completed IDENTIFY or RESUME. */
  get readySessions(): number {
    return [...this.connections].filter((c) => c.ready).length;
  }

  async start(): Promise<this> {
    if (this.server) return this;
    const server = createServer((req, res) => void this.onRequest(req, res));
    const wss = new WebSocketServer({ server });
    wss.on("connection", (socket) => {
      const connection = new GatewayConnection(socket, {
        model: this.model,
        token: this.token,
        heartbeatIntervalMs: this.options.heartbeatIntervalMs ?? 41_250,
        disallowedIntents: this.options.disallowedIntents ?? 0,
        gatewayUrl: this.gatewayUrl,
        identifies: this.identifies,
        received: this.gatewayReceived,
        sessions: this.sessions,
        stats: this.gatewayStats,
        replayBuffer: this.options.replayBuffer ?? 10_000,
        onHeartbeat: () => (this.heartbeats += 1),
        ackHeartbeats: () => this.heartbeatAcks,
      });
      this.connections.add(connection);
      socket.on("close", () => this.connections.delete(connection));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.wss = wss;
    return this;
  }

  /** Closes every socket and the server. Call after `client.destroy()` so discord.js does not try to reconnect. */
  async stop(): Promise<void> {
    const server = this.server;
    const wss = this.wss;
    this.server = null;
    this.wss = null;
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    for (const session of this.sessions.values()) session.end();
    for (const timer of this.delays) clearTimeout(timer);
    this.delays.clear();
    if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.waiters.clear();
  }

  /** Closes the gateway connections with a code (e.g. 4000 to make discord.js resume, 1000 for a fresh identify). */
  disconnectGateway(code = 4000, reason = "fake-discord disconnect"): void {
    this.dropGateway({ code, reason });
  }

  // ---- gateway faults ------------------------------------------------------------------------

  /**
   * Drops every gateway connection: `abrupt` destroys the socket without a close frame (the client sees 1006),
   * otherwise it closes with `code` (default 4000, resumable; 1000/1001 end the session). A session not ended
   * keeps numbering and keeping the dispatches sent meanwhile, and replays them when the client RESUMEs.
   */
  dropGateway(how: { abrupt?: boolean; code?: number; reason?: string } = {}): number {
    let dropped = 0;
    for (const connection of this.connections) {
      if (connection.session && (how.code === 1000 || how.code === 1001)) connection.session.end();
      if (how.abrupt) connection.socket.terminate();
      else connection.socket.close(how.code ?? 4000, how.reason ?? "fake-discord drop");
      dropped += 1;
    }
    this.gatewayStats.drops += dropped;
    return dropped;
  }

  /** Sends INVALID_SESSION (op 9) on every connection: `resumable` true makes the client RESUME, false identify afresh. */
  invalidateSessions(resumable = false): void {
    for (const connection of this.connections) if (connection.session) connection.invalidate(resumable);
  }

  /** Sends RECONNECT (op 7): the client closes and RESUMEs. */
  requestReconnect(): void {
    for (const connection of this.connections) connection.send({ op: 7, d: null, s: null, t: null });
  }

  /** Stops (false) or restarts (true) answering heartbeats: without ACKs discord.js takes the connection for a zombie. */
  ackHeartbeats(on: boolean): void {
    this.heartbeatAcks = on;
  }

  // ---- REST faults ---------------------------------------------------------------------------

  /** The next request(s) matching `route` (e.g. `DELETE /channels/:c/messages/:m`, or `*` for all) get `fault`. */
  failNext(route: RoutePattern, fault: Fault): FaultHandle {
    return this.fault(route, fault);
  }

  /** Injects `fault` into requests matching `route` (`*`: every route). The first matching fault injected applies. */
  fault(route: RoutePattern, fault: Fault): FaultHandle {
    const entry = { test: routeTest(route), fault, left: fault.times ?? 1, seen: 0, hits: 0 };
    this.faults.push(entry);
    return {
      clear: () => {
        const i = this.faults.indexOf(entry);
        if (i >= 0) this.faults.splice(i, 1);
      },
      get hits() {
        return entry.hits;
      },
    };
  }

  /** Slows the answers of matching requests by `delayMs` (the effect happens at once, the answer comes late). */
  slow(route: RoutePattern, delayMs: number, times = Infinity): FaultHandle {
    return this.fault(route, { delayMs, times });
  }

  /** Removes every injected REST fault. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Faults injected so far, all kinds together. */
  get faultsInjected(): number {
    return Object.values(this.faultStats).reduce((a, b) => a + b, 0);
  }

  /** The user has DMs closed: sending a message to their DM channel answers 403 code 50007 (creating the DM channel still works, as on Discord). */
  dmClosed(userId: string): void {
    this.model.dmClosed.add(userId);
  }

  // ---- recorded calls ------------------------------------------------------------------------

  /** Calls matching a route pattern or predicate. */
  callsTo(predicate: CallPredicate): RecordedCall[] {
    const test = this.callTest(predicate);
    return this.calls.filter(test);
  }

  /**
   * Resolves with the first recorded call (already made, or arriving later) that matches; rejects after `timeoutMs`.
   * `since` skips calls recorded before that index (pass `fake.calls.length` before acting).
   */
  waitForCall(predicate: CallPredicate, timeoutMs = 5_000, since = 0): Promise<RecordedCall> {
    const test = this.callTest(predicate);
    const found = this.calls.slice(since).find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: (call) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake-discord: no call matching ${String(predicate)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private callTest(predicate: CallPredicate): (call: RecordedCall) => boolean {
    if (typeof predicate === "function") return predicate;
    const test = routeTest(predicate);
    return (call) => test(call.method, call.path);
  }

  // ---- gateway dispatches --------------------------------------------------------------------

  /**
   * Sends a dispatch (op 0) to every live session serving its guild (by shard): at once when its socket is open,
   * else kept for the RESUME. Returns how many sessions got it.
   */
  dispatch(t: string, d: unknown): number {
    let sent = 0;
    const guild = (d as { guild_id?: unknown } | null)?.guild_id;
    for (const session of this.sessions.values()) {
      if (!session.live || !session.servesGuild(typeof guild === "string" ? guild : undefined)) continue;
      session.dispatch(t, d);
      sent += 1;
    }
    return sent;
  }

  /** Pushes a MESSAGE_CREATE from a known user (guild member, or a DM when `guildId` is omitted). */
  messageCreate(args: {
    channelId: string;
    authorId: string;
    content: string;
    guildId?: string;
    id?: string;
    /** User ids mentioned (they are also written into `content` if absent). */
    mentions?: string[];
    mentionRoles?: string[];
    mentionEveryone?: boolean;
    extra?: Json;
  }): Json {
    const guild = args.guildId ? this.model.guilds.get(args.guildId) : undefined;
    if (args.guildId && !guild) throw new Error(`fake-discord: unknown guild ${args.guildId}`);
    const author = this.user(args.authorId);
    const id = args.id ?? snowflake();
    const payload = messagePayload({
      id,
      channelId: args.channelId,
      guildId: guild?.id ?? null,
      author,
      member: guild?.members.get(author.id),
      content: args.content,
      mentions: (args.mentions ?? []).map((userId) => ({ user: this.user(userId), member: guild?.members.get(userId) })),
      mentionRoles: args.mentionRoles ?? [],
      mentionEveryone: args.mentionEveryone ?? false,
      extra: args.extra ?? {},
    });
    this.model.messages.set(id, {
      id,
      channelId: args.channelId,
      guildId: guild?.id ?? null,
      authorId: author.id,
      content: args.content,
      payload,
    });
    this.dispatch("MESSAGE_CREATE", payload);
    return payload;
  }

  /** Adds a member to the model and pushes GUILD_MEMBER_ADD. */
  memberAdd(args: { guildId: string; user: SeedUser; roles?: string[] }): Json {
    const guild = this.model.guilds.get(args.guildId);
    if (!guild) throw new Error(`fake-discord: unknown guild ${args.guildId}`);
    const member = toMemberState({ user: args.user, roles: args.roles ?? [] });
    guild.members.set(args.user.id, member);
    this.model.users.set(args.user.id, args.user);
    const payload = { guild_id: guild.id, ...memberPayload(member) };
    this.dispatch("GUILD_MEMBER_ADD", payload);
    return payload;
  }

  /** Pushes MESSAGE_REACTION_ADD (a unicode emoji name, or `{ id, name }` for a custom emoji). */
  reactionAdd(args: {
    guildId: string;
    channelId: string;
    messageId: string;
    userId: string;
    emoji: string | { id: string | null; name: string };
  }): Json {
    const guild = this.model.guilds.get(args.guildId);
    const member = guild?.members.get(args.userId);
    const message = this.model.messages.get(args.messageId);
    const payload: Json = {
      user_id: args.userId,
      channel_id: args.channelId,
      message_id: args.messageId,
      guild_id: args.guildId,
      emoji: typeof args.emoji === "string" ? { id: null, name: args.emoji } : args.emoji,
      burst: false,
      burst_colors: [],
      type: 0,
      ...(member ? { member: memberPayload(member) } : {}),
      ...(message ? { message_author_id: message.authorId } : {}),
    };
    this.dispatch("MESSAGE_REACTION_ADD", payload);
    return payload;
  }

  /**
   * Pushes INTERACTION_CREATE: type 2 (slash command: `name`, `options`), 3 (button/select: `customId`, on `messageId`)
   * or 5 (modal submit: `customId`, `components`). The reply is a recorded
   * `POST /interactions/:id/:token/callback`; followups are `/webhooks/:applicationId/:token...`.
   */
  interactionCreate(args: {
    type: 2 | 3 | 5;
    guildId: string;
    channelId: string;
    userId: string;
    name?: string;
    commandId?: string;
    /** For type 2: 1 slash command (default), 2 user context menu, 3 message context menu. */
    commandType?: 1 | 2 | 3;
    /** For context menus: the user or message the menu was used on. */
    targetId?: string;
    options?: Json[];
    customId?: string;
    componentType?: number;
    values?: string[];
    messageId?: string;
    components?: Json[];
  }): { id: string; token: string; applicationId: string; payload: Json } {
    const guild = this.model.guilds.get(args.guildId);
    if (!guild) throw new Error(`fake-discord: unknown guild ${args.guildId}`);
    const member = guild.members.get(args.userId);
    if (!member) throw new Error(`fake-discord: ${args.userId} is not a member of ${args.guildId}`);
    const channel = guild.channels.get(args.channelId);
    const id = snowflake();
    const token = `fake-interaction-${randomToken()}`;
    let data: Json;
    if (args.type === 2) {
      const commandType = args.commandType ?? 1;
      const command = guild.commands.find((c) => c.name === args.name && (c.type ?? 1) === commandType);
      const resolved: Json = {};
      if (commandType === 2 && args.targetId) {
        const target = this.user(args.targetId);
        const targetMember = guild.members.get(target.id);
        resolved.users = { [target.id]: userPayload(target) };
        if (targetMember) resolved.members = { [target.id]: { ...memberPayload(targetMember, false), permissions: "0" } };
      }
      if (commandType === 3 && args.targetId) {
        const message = this.model.messages.get(args.targetId);
        if (!message) throw new Error(`fake-discord: unknown message ${args.targetId}`);
        resolved.messages = { [message.id]: message.payload };
      }
      data = {
        id: args.commandId ?? (command?.id as string | undefined) ?? snowflake(),
        name: args.name ?? "command",
        type: commandType,
        guild_id: guild.id,
        ...(commandType === 1 ? { options: args.options ?? [] } : { target_id: args.targetId }),
        resolved,
      };
    } else if (args.type === 3) {
      data = { custom_id: args.customId ?? "button", component_type: args.componentType ?? 2, ...(args.values ? { values: args.values } : {}) };
    } else {
      data = { custom_id: args.customId ?? "modal", components: args.components ?? [] };
    }
    const permissions = [...member.roles, guild.id].reduce(
      (bits, roleId) => bits | BigInt(guild.roles.get(roleId)?.permissions ?? 0n),
      0n,
    );
    const botMember = guild.members.get(this.model.bot.id);
    const appPermissions = [...(botMember?.roles ?? []), guild.id].reduce(
      (bits, roleId) => bits | BigInt(guild.roles.get(roleId)?.permissions ?? 0n),
      0n,
    );
    const payload: Json = {
      id,
      application_id: this.model.applicationId,
      type: args.type,
      data,
      guild_id: guild.id,
      guild: { id: guild.id, locale: "en-US", features: [] },
      channel_id: args.channelId,
      channel: { id: args.channelId, type: channel?.type ?? 0, guild_id: guild.id, name: channel?.name ?? "" },
      member: { ...memberPayload(member), permissions: permissions.toString() },
      token,
      version: 1,
      app_permissions: appPermissions.toString(),
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
    if (args.type === 3) {
      const message = args.messageId ? this.model.messages.get(args.messageId) : undefined;
      payload.message =
        message?.payload ??
        messagePayload({
          id: args.messageId ?? snowflake(),
          channelId: args.channelId,
          guildId: guild.id,
          author: this.model.bot,
          member: botMember,
          content: "",
        });
    }
    this.dispatch("INTERACTION_CREATE", payload);
    return { id, token, applicationId: this.model.applicationId, payload };
  }

  /**
   * Pushes INTERACTION_CREATE for a button pressed in a DM (no guild_id, `user` instead of `member`, context 1):
   * `messageId` is a message Steward sent in the DM channel (see `dmChannelOf`).
   */
  dmButtonPress(args: { userId: string; messageId: string; customId: string }): { id: string; token: string; applicationId: string; payload: Json } {
    const message = this.model.messages.get(args.messageId);
    if (!message) throw new Error(`fake-discord: unknown message ${args.messageId}`);
    const dm = this.model.dmChannels.get(message.channelId);
    if (!dm) throw new Error(`fake-discord: message ${args.messageId} is not in a DM channel`);
    const user = this.user(args.userId);
    const id = snowflake();
    const token = `fake-interaction-${randomToken()}`;
    const payload: Json = {
      id,
      application_id: this.model.applicationId,
      type: 3,
      data: { custom_id: args.customId, component_type: 2 },
      channel_id: dm.id,
      channel: { id: dm.id, type: 1, last_message_id: null, flags: 0, recipients: [userPayload(user)] },
      user: userPayload(user),
      message: message.payload,
      token,
      version: 1,
      app_permissions: "0",
      locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": this.model.applicationId },
      context: 1,
      attachment_size_limit: 10_485_760,
    };
    this.dispatch("INTERACTION_CREATE", payload);
    return { id, token, applicationId: this.model.applicationId, payload };
  }

  /** The DM channel Steward opened with a user, if any. */
  dmChannelOf(userId: string): string | undefined {
    return [...this.model.dmChannels.values()].find((c) => c.recipient.id === userId)?.id;
  }

  /**
   * Pushes a MODAL_SUBMIT (type 5) of the modal `customId` with answers by input custom id (a string
   * for a text input, an array for a select; see `modalSubmitComponents`). A modal opened from a
   * message's button carries that message (`messageId`).
   */
  modalSubmit(args: { guildId: string; channelId: string; userId: string; customId: string; values: Record<string, string | string[]>; messageId?: string }) {
    const sent = this.interactionCreate({ type: 5, guildId: args.guildId, channelId: args.channelId, userId: args.userId, customId: args.customId, components: modalSubmitComponents(args.values) });
    return sent;
  }

  /** The modal shown in answer to an interaction (its callback of type 9), or null when it was answered otherwise. */
  async modalShownFor(interactionId: string, timeoutMs = 5_000): Promise<ShownModal | null> {
    const callback = await this.waitForCall((c) => c.route === "POST /interactions/:interactionId/:interactionToken/callback" && c.params.interactionId === interactionId, timeoutMs);
    const body = callback.body as { type: number; data?: ShownModal };
    return body.type === 9 && body.data ? body.data : null;
  }

  private user(id: string): SeedUser {
    const user = this.model.users.get(id);
    if (!user) throw new Error(`fake-discord: unknown user ${id} (seed it as a guild member)`);
    return user;
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const prefix = API_PREFIX.exec(url.pathname);
    const path = prefix ? (prefix[2] ?? "/") : url.pathname;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === "authorization" || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    let body: unknown = raw.length ? raw : null;
    const contentType = req.headers["content-type"] ?? "";
    if (raw.length && contentType.startsWith("application/json")) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    } else if (contentType.startsWith("multipart/form-data")) {
      body = await multipartBody(Buffer.concat(chunks), contentType);
    }
    const found = prefix ? findRoute(method, path) : null;
    const authorized = found?.def.noAuth === true || req.headers.authorization === `Bot ${this.token}`;
    const fault = authorized ? this.takeFault(method, path) : null;
    // The route runs unless a fault answers in its place; `afterEffect` and a bare delay let it run first.
    const runs = !fault || fault.afterEffect === true || (fault.status === undefined && !fault.reset);
    const handled = runs ? this.answer(method, path, found, authorized, body, url, headers) : null;
    const result = fault && (fault.status !== undefined || fault.reset) ? faultResult(fault, path) : handled!;
    if (fault) this.countFault(fault);
    const call: RecordedCall = {
      method,
      path,
      route: found?.def.route ?? null,
      params: found?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body,
      headers,
      status: fault?.reset ? 0 : result.status,
      handled: handled?.status ?? null,
      repeat: handled?.repeat === true,
      fault: fault ? describeFault(fault) : null,
      at: Date.now(),
    };
    this.calls.push(call);
    for (const waiter of [...this.waiters]) if (waiter.test(call)) waiter.resolve(call);

    if (fault?.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.delays.delete(timer);
          resolve();
        }, fault.delayMs);
        this.delays.add(timer);
      });
    }
    if (fault?.reset) return void req.socket.destroy();
    if (res.destroyed || req.socket.destroyed) return; // the client gave up (timeout) or the fake stopped
    const outHeaders: Record<string, string> = { ...result.headers };
    if (result.body !== undefined) outHeaders["content-type"] = "application/json";
    res.writeHead(result.status, outHeaders);
    res.end(result.body === undefined ? undefined : JSON.stringify(result.body));
  }

  private countFault(fault: Fault): void {
    const kinds = [
      ...(fault.status !== undefined ? [String(fault.status)] : []),
      ...(fault.reset ? ["reset"] : []),
      ...(fault.delayMs ? ["slow"] : []),
      ...(fault.afterEffect ? ["after-effect"] : []),
    ];
    for (const kind of kinds) this.faultStats[kind] = (this.faultStats[kind] ?? 0) + 1;
  }

  private answer(
    method: string,
    path: string,
    found: ReturnType<typeof findRoute>,
    authorized: boolean,
    body: unknown,
    url: URL,
    headers: Record<string, string>,
  ): RestResult {
    if (!authorized) return discordError(401, 0, "401: Unauthorized");
    if (!found) return discordError(404, 0, "404: Not Found");
    if (found.def.route === "GET /gateway/bot") {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    return found.def.handle(
      { method, path, params: found.params, query: Object.fromEntries(url.searchParams), body, headers },
      { model: this.model, echo: (t, d) => this.echo(t, d) },
    );
  }

  private echo(t: string, d: Json): void {
    if (this.options.echoDispatches === false) return;
    // After the HTTP answer, as Discord does (the gateway event trails the REST response).
    setTimeout(() => this.dispatch(t, d), 5).unref();
  }

  private takeFault(method: string, path: string): Fault | null {
    for (const entry of this.faults) {
      if (!entry.test(method, path)) continue;
      entry.seen += 1;
      if (entry.seen % (entry.fault.every ?? 1) !== 0) continue;
      entry.hits += 1;
      entry.left -= 1;
      if (entry.left <= 0) this.faults.splice(this.faults.indexOf(entry), 1);
      return entry.fault;
    }
    return null;
  }
}

function describeFault(fault: Fault): string {
  const what = fault.reset ? "reset" : fault.status !== undefined ? String(fault.status) : "slow";
  return [what, fault.afterEffect ? "after effect" : "", fault.delayMs && what !== "slow" ? `slow ${fault.delayMs}ms` : what === "slow" ? `${fault.delayMs}ms` : ""].filter(Boolean).join(" ");
}

function faultResult(fault: Fault, path: string): RestResult {
  if (fault.status === undefined) return { status: 0 }; // a reset: nothing is answered
  if (fault.status === 429) {
    const retryAfter = fault.retryAfter ?? 0.05;
    const global = fault.global ?? false;
    const headers: Record<string, string> = {
      "retry-after": String(retryAfter),
      "x-ratelimit-limit": "1",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String((Date.now() / 1000 + retryAfter).toFixed(3)),
      "x-ratelimit-reset-after": String(retryAfter),
      "x-ratelimit-bucket": `fake-${Buffer.from(path.replace(/\d{16,}/g, ":id")).toString("base64url").slice(0, 24)}`,
      "x-ratelimit-scope": global ? "global" : "user",
    };
    if (global) headers["x-ratelimit-global"] = "true";
    return {
      status: 429,
      headers,
      body: { message: "You are being rate limited.", retry_after: retryAfter, global, ...(global ? { code: 0 } : {}) },
    };
  }
  const defaults: Record<number, [number, string]> = {
    400: [50035, "Invalid Form Body"],
    401: [0, "401: Unauthorized"],
    403: [50013, "Missing Permissions"],
    404: [0, "404: Not Found"],
    500: [0, "500: Internal Server Error"],
    502: [0, "502: Bad Gateway"],
    503: [0, "503: Service Unavailable"],
  };
  const [code, message] = defaults[fault.status] ?? [0, `${fault.status}: Error`];
  return discordError(fault.status, fault.code ?? code, fault.message ?? message);
}

/**
 * A message with files, as discord.js sends it: multipart/form-data with the JSON in
 * `payload_json` and each file in `files[n]`. The JSON body gains `files`: name, type, size and
 * the bytes (base64), so tests can look at what was uploaded.
 */
async function multipartBody(raw: Buffer, contentType: string): Promise<unknown> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  const json = form.get("payload_json");
  const body = (typeof json === "string" ? JSON.parse(json) : {}) as Record<string, unknown>;
  const files: { field: string; name: string; type: string; size: number; base64: string }[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") continue;
    files.push({ field, name: value.name, type: value.type, size: value.size, base64: Buffer.from(await value.arrayBuffer()).toString("base64") });
  }
  body.files = files;
  return body;
}
