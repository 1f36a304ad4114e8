// The Discord platform: a discord.js client that turns gateway events into Steward events and
// performs Steward's actions through the REST API. discord.js waits out short 429s and retries a 5xx
// or a timeout once (outcomes.ts: restOptions); the rest is an outcome the outbox may retry, so every
// action is safe to repeat: creates carry the action's key as nonce (enforce_nonce), and "already so"
// answers (message gone, member gone, not banned) are done.
import {
  Client,
  DiscordAPIError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  Partials,
  RESTJSONErrorCodes,
  type Guild,
  type GuildMember,
  type GuildTextBasedChannel,
} from "discord.js";
import type { Action, ActionKind, ActionOutcome } from "../../core/actions.js";
import { actionKinds } from "../../core/actions.js";
import type { StewardEvent } from "../../core/events.js";
import type { EventSink, MemberInspection, PlatformAdapter } from "../../core/platform.js";
import type { Logger } from "../../log.js";
import { DiscordLoginError } from "./errors.js";
import { Refused, alreadyDone, failure, idempotent, restOptions, type DiscordRestLimits } from "./outcomes.js";
import { splitMessage } from "../../util/split-text.js";
import * as map from "./events.js";
import { actorDenial, protectedReason } from "./permissions.js";
import { findModLog, modLogEmbed } from "./mod-log.js";
import { discordCommands } from "./commands/definitions.js";
import { registerGuildCommands } from "./commands/register.js";
import { InteractionDesk } from "./commands/interactions.js";
import { dmComponents } from "./commands/consent.js";
import { captureEmoji, reactorRolesRefresh } from "./testimonials.js";
import type { ReplyButton } from "../../core/reply.js";
import { ScreeningGate, gateSettingsOf } from "./screening/index.js";
import type { CommunitySettings } from "../../config/settings-schema.js";

export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
  GatewayIntentBits.DirectMessages,
];

/**
 * Everything but Slack's per-channel removal is supported. Discord has no pending-member state of its own: Steward's screening
 * gate admits with the member role (an addRole action next to approveMember) and declines by kicking.
 */
const UNSUPPORTED: ReadonlySet<ActionKind> = new Set<ActionKind>(["removeFromChannel"]); // Slack's substitute for kick/timeout

export interface DiscordAdapterOptions {
  token: string;
  /** REST base (`http://127.0.0.1:1234/api`) for tests; the gateway URL follows from GET /gateway/bot. */
  apiUrl?: string;
  logger: Logger;
  /** The community's configured mod-log channel (id, name or #name); default: a text channel named mod-log. */
  modLogChannel?: (community: string) => string | undefined;
  /** Register Steward's slash and context-menu commands in every guild (only when they changed). Default true. */
  registerCommands?: boolean;
  /** A community's settings (for the screening gate: its questions and channel). Without it there is no gate. */
  communitySettings?: (community: string) => CommunitySettings;
  /** REST timeout, retries and the longest rate limit waited out (defaults and why: outcomes.ts). */
  rest?: DiscordRestLimits;
}

export class DiscordAdapter implements PlatformAdapter {
  readonly platform = "discord" as const;
  private readonly caps = new Set<ActionKind>(actionKinds.filter((k) => !UNSUPPORTED.has(k)));
  private client: Client | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly desk: InteractionDesk;
  private registration: Promise<void> = Promise.resolve();
  private gate: ScreeningGate | null = null;
  private gates: Promise<void> = Promise.resolve();
  /** The messages a keyed purge chose on its first try (latest keys only): a retry deletes those, not the next ones. */
  private readonly purges = new Map<string, string[]>();

  constructor(private readonly opts: DiscordAdapterOptions) {
    this.desk = new InteractionDesk({ logger: opts.logger, captureEmoji: (c) => captureEmoji(opts.communitySettings, c) });
  }

  capabilities(): ReadonlySet<ActionKind> {
    return this.caps;
  }

  /** The discord.js client, once started (for features that need more than events and actions). */
  get discord(): Client {
    if (!this.client) throw new Error("DiscordAdapter is not started");
    return this.client;
  }

  async start(sink: EventSink): Promise<void> {
    if (this.client) throw new Error("DiscordAdapter already started");
    const client = new Client({
      intents: DISCORD_INTENTS,
      // Reactions and deletes on messages sent before Steward started (not cached) still arrive.
      partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User, Partials.GuildMember],
      rest: restOptions(this.opts.rest, this.opts.apiUrl),
      // A message sent without an action key still gets a nonce (per send) with enforce_nonce, so discord.js's own
      // retry after a timeout or 5xx cannot post it twice.
      enforceNonce: true,
    });
    this.client = client;
    const settings = this.opts.communitySettings;
    if (settings) {
      this.gate = new ScreeningGate({ settings: (g) => gateSettingsOf(settings(g)), emit: (e) => this.enqueue(e, sink), logger: this.opts.logger });
    }
    this.listen(client, sink);
    // An unrecoverable gateway close (bad token 4004, disallowed intents 4014, …) makes discord.js give up
    // without rejecting login(): it is turned into an error here, so start() never hangs or loops.
    let onDisconnect: ((event: { code: number }) => void) | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      onDisconnect = (event) => reject(Object.assign(new Error(`the gateway closed the connection (${event.code})`), { code: event.code }));
      client.once(Events.ShardDisconnect, onDisconnect);
    });
    ready.catch(() => {}); // login() may reject first
    try {
      await client.login(this.opts.token);
      await ready;
      if (onDisconnect) client.off(Events.ShardDisconnect, onDisconnect);
    } catch (e) {
      this.client = null;
      await client.destroy();
      throw loginError(e);
    }
    this.opts.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord: connected");
    const gate = this.gate;
    if (gate) {
      // The gate message in each screening channel, in the background like the commands.
      const guilds = [...client.guilds.cache.values()];
      this.gates = (async () => {
        for (const guild of guilds) await gate.ensureMessage(guild);
      })();
      client.on(Events.GuildCreate, (guild) => {
        this.gates = this.gates.then(() => gate.ensureMessage(guild));
      });
    }
    if (this.opts.registerCommands !== false) {
      // In the background, one guild after the other: a bot in many servers starts moderating at once.
      const guilds = [...client.guilds.cache.values()];
      this.registration = (async () => {
        for (const guild of guilds) await this.registerCommands(guild);
      })();
      client.on(Events.GuildCreate, (guild) => {
        this.registration = this.registration.then(() => this.registerCommands(guild));
      });
    }
  }

  /** Resolves when every guild known so far has its screening gate message checked (posted when missing). */
  get screeningGatesReady(): Promise<void> {
    return this.gates;
  }

  /** Resolves when the commands of every guild known so far are registered (or failed, logged). */
  get commandsRegistered(): Promise<void> {
    return this.registration;
  }

  /** Puts Steward's commands in the guild unless Discord already has the same ones. Never throws. */
  private async registerCommands(guild: Guild): Promise<void> {
    const client = this.client;
    if (!client?.application) return;
    try {
      const result = await registerGuildCommands(client.rest, client.application.id, guild.id, discordCommands());
      this.opts.logger.info({ guild: guild.id, result }, "discord: commands");
    } catch (e) {
      const hint = e instanceof DiscordAPIError && e.status === 403 ? " (invite Steward with the applications.commands scope)" : "";
      this.opts.logger.warn({ err: e, guild: guild.id }, `discord: could not register commands${hint}`);
    }
  }

  async actorMay(community: string, actor: string, target: string | null, kind: ActionKind): Promise<string | null> {
    const guild = await this.guild(community);
    const actorMember = await this.memberOrNull(guild, actor);
    if (!actorMember) return "you are not a member of the server";
    return actorDenial(actorMember, target ? await this.memberOrNull(guild, target) : null, kind);
  }

  async inspectMember(community: string, id: string): Promise<MemberInspection> {
    const member = await this.memberOrNull(await this.guild(community), id);
    return member ? { present: true, protectedReason: protectedReason(member), name: member.displayName } : { present: false, protectedReason: null };
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.desk.close();
    await this.registration;
    await this.gates;
    if (client) await client.destroy();
    await this.queue;
  }

  /** Queues an event for the sink (after those already queued); resolves once it has been handled. */
  private enqueue(event: StewardEvent, sink: EventSink): Promise<void> {
    const handled = this.queue.then(async () => {
      try {
        await sink(event);
      } catch (e) {
        this.opts.logger.error({ err: e, event: event.type }, "discord: event not handled");
      }
    });
    this.queue = handled;
    return handled;
  }

  /** Events are handed to the sink one at a time, in arrival order. */
  private emit(build: () => StewardEvent | null, sink: EventSink): void {
    this.queue = this.queue.then(async () => {
      let event: StewardEvent | null = null;
      try {
        event = build();
        if (event) await sink(event);
      } catch (e) {
        this.opts.logger.error({ err: e, event: event?.type }, "discord: event not handled");
      }
    });
  }

  async health(): Promise<string> {
    if (!this.client?.isReady()) throw new Error("not connected to the gateway");
    return `ready, ${this.client.guilds.cache.size} guilds, ping ${Math.round(this.client.ws.ping)} ms`;
  }

  /** Whether this connection holds the guild (a shard holds some; scheduled posts go through the one that does). */
  serves(community: string): boolean {
    return this.client?.guilds.cache.has(community) ?? false;
  }

  private listen(client: Client, sink: EventSink): void {
    client.on(Events.MessageCreate, (m) => this.emit(() => map.messageCreated(m), sink));
    client.on(Events.MessageUpdate, (before, m) => this.emit(() => map.messageEdited(before, m), sink));
    client.on(Events.MessageDelete, (m) => this.emit(() => map.messageDeleted(m), sink));
    client.on(Events.GuildMemberAdd, (m) => this.emit(() => map.memberJoined(m), sink));
    client.on(Events.GuildMemberRemove, (m) => this.emit(() => map.memberLeft(m), sink));
    client.on(Events.GuildMemberUpdate, (before, after) => this.emit(() => map.memberUpdated(before, after), sink));
    client.on(Events.MessageReactionAdd, (r, u) => {
      // Reactions carry no roles: before a capture emoji, the pipeline learns the reactor's (are they a moderator?).
      this.emit(() => reactorRolesRefresh(r, u, this.opts.communitySettings), sink);
      this.emit(() => map.reaction("reaction.added", r, u), sink);
    });
    client.on(Events.MessageReactionRemove, (r, u) => this.emit(() => map.reaction("reaction.removed", r, u), sink));
    client.on(Events.InteractionCreate, (i) => {
      const gate = this.gate;
      if (gate?.owns(i)) {
        // Answered at once (modals must open within 3 s); the answers go through the queue as an event.
        gate.handle(i).catch((e: unknown) => this.opts.logger.error({ err: e, interaction: i.id }, "discord: screening interaction failed"));
        return;
      }
      // Acknowledged on arrival (slow commands are deferred), before waiting in the event queue.
      const accepted = this.desk.accept(i).catch((e: unknown) => {
        this.opts.logger.error({ err: e, interaction: i.id }, "discord: interaction not accepted");
        return [];
      });
      this.queue = this.queue.then(async () => {
        for (const event of await accepted) {
          try {
            await sink(event);
          } catch (e) {
            this.opts.logger.error({ err: e, event: event.type }, "discord: event not handled");
          }
        }
      });
    });
    client.on(Events.Error, (e) => this.opts.logger.error({ err: e }, "discord: client error"));
  }

  async perform(action: Action): Promise<ActionOutcome> {
    this.gate?.noteAction(action);
    if (!this.caps.has(action.kind)) return { status: "unsupported", detail: `discord cannot ${action.kind}` };
    try {
      const detail = await this.run(action);
      return detail ? { status: "done", detail } : { status: "done" };
    } catch (e) {
      return failure(e);
    }
  }

  private async run(a: Action): Promise<string | void> {
    const guild = await this.guild(a.community);
    const reason = auditReason(a);
    switch (a.kind) {
      case "deleteMessage": {
        const channel = await this.textChannel(guild, a.channel);
        const cached = channel.messages.cache.get(a.message);
        if (cached?.member) refuseIfProtected(cached.member);
        try {
          await channel.messages.delete(a.message);
        } catch (e) {
          if (alreadyDone(e, RESTJSONErrorCodes.UnknownMessage)) return "already gone";
          throw e;
        }
        return;
      }
      case "timeout":
        await (await this.target(guild, a.member)).timeout(a.durationMs, reason);
        return;
      case "removeTimeout": {
        const member = await this.memberOrNull(guild, a.member);
        if (!member) return "not in the server (no timeout to remove)";
        await member.timeout(null, reason);
        return;
      }
      case "kick":
        return this.kick(guild, a.member, reason);
      case "ban": {
        const member = await this.memberOrNull(guild, a.member);
        if (member) refuseIfProtected(member);
        await guild.members.ban(a.member, { deleteMessageSeconds: a.deleteMessageSeconds, ...(reason ? { reason } : {}) });
        return;
      }
      case "unban":
        try {
          await guild.members.unban(a.member, reason);
        } catch (e) {
          if (alreadyDone(e, RESTJSONErrorCodes.UnknownBan)) return "not banned (already lifted)";
          throw e;
        }
        return;
      case "warn":
        await this.target(guild, a.member);
        return this.directMessage(guild, a.member, a.text, a.channel, undefined, a.key);
      case "directMessage":
        return this.directMessage(guild, a.member, a.text, a.fallbackChannel, a.buttons, a.key);
      case "alertModerators":
        await this.postModLog(guild, a, a.text);
        return;
      case "holdForReview": {
        const link = `https://discord.com/channels/${guild.id}/${a.channel}/${a.message}`;
        await this.postModLog(guild, a, `Message by <@${a.member}> in <#${a.channel}> held for review (not deleted): ${link}\nDecide with /review list.`);
        return "alerted the mod log; the message is in the review queue (/review list)";
      }
      case "addRole":
      case "removeRole": {
        const member = await this.target(guild, a.member);
        const role = guild.roles.cache.get(a.role) ?? guild.roles.cache.find((r) => r.name.toLowerCase() === a.role.toLowerCase());
        if (!role) throw new Refused(`no role ${a.role} in the server`);
        if (guild.members.me && role.comparePositionTo(guild.members.me.roles.highest) >= 0) throw new Refused(`role ${role.name} is at or above Steward's highest role`);
        if (a.kind === "addRole") await member.roles.add(role, reason);
        else await member.roles.remove(role, reason);
        return;
      }
      case "postMessage": {
        const files = (a.attachments ?? []).map((f) => ({ attachment: Buffer.from(f.base64, "base64"), name: f.name, contentType: f.contentType }));
        // Discord caps a message at 2,000 characters: longer text (a digest) goes in several, files with the last.
        const parts = splitMessage(a.text, 2000);
        const channel = await this.textChannel(guild, a.channel);
        for (let i = 0; i < parts.length; i++) {
          await channel.send({ content: parts[i]!, allowedMentions: { parse: [] }, ...idempotent(a.key, i), ...(i === parts.length - 1 && files.length ? { files } : {}) });
        }
        return;
      }
      case "reply": {
        const channel = await this.textChannel(guild, a.channel);
        await channel.send({
          content: a.text,
          allowedMentions: { parse: [], repliedUser: false },
          ...idempotent(a.key),
          ...(a.replyTo ? { reply: { messageReference: a.replyTo, failIfNotExists: false } } : {}),
        });
        return;
      }
      case "purgeMessages":
        return this.purge(await this.textChannel(guild, a.channel), a.count, a.member, a.key);
      case "respond":
        return this.desk.respond(a.replyHandle, a.reply);
      case "approveMember":
        // Admission is the member role (granted by the addRole that comes with the approval).
        await this.target(guild, a.member);
        return "admitted: Discord has no pending state; the member role (onboarding.screening.memberRole) grants access";
      case "declineMember":
        return (await this.kick(guild, a.member, reason || "membership declined")) ?? "declined: removed from the server";
    }
  }

  /** Kicks the member; one already gone (never there, left, or kicked by an earlier try) is done. */
  private async kick(guild: Guild, id: string, reason: string | undefined): Promise<string | void> {
    const member = await this.memberOrNull(guild, id);
    if (!member) return "not in the server (already gone)";
    refuseIfProtected(member);
    try {
      await member.kick(reason);
    } catch (e) {
      if (alreadyDone(e, RESTJSONErrorCodes.UnknownMember)) return "not in the server (already gone)";
      throw e;
    }
  }

  /**
   * Deletes the channel's last `count` messages (only `member`'s when given) among the latest 100, in one
   * bulk delete. Discord cannot bulk-delete messages older than 14 days: those are left and counted.
   */
  private async purge(channel: GuildTextBasedChannel, count: number, member: string | undefined, key: string | undefined): Promise<string> {
    const latest = await channel.messages.fetch({ limit: 100 });
    // "The last N messages" moves once some are deleted: a retry of the same purge takes the ones chosen at first.
    const earlier = key ? this.purges.get(key) : undefined;
    const chosen = earlier
      ? earlier.flatMap((id) => latest.get(id) ?? [])
      : [...latest.values()].filter((m) => !member || m.author.id === member).slice(0, count);
    if (key && !earlier) {
      this.purges.set(key, chosen.map((m) => m.id));
      if (this.purges.size > 200) this.purges.delete(this.purges.keys().next().value!);
    }
    const gone = earlier ? earlier.length - chosen.length : 0;
    const cutoff = Date.now() - 14 * 86_400_000 + 60_000;
    const deletable = chosen.filter((m) => m.createdTimestamp > cutoff);
    const old = chosen.length - deletable.length;
    let ids = deletable.map((m) => m.id);
    for (let pass = 1; ids.length; pass++) {
      try {
        if (ids.length === 1) await channel.messages.delete(ids[0]!);
        else await channel.bulkDelete(ids);
        break;
      } catch (e) {
        // Some were deleted meanwhile (or by a try whose answer was lost): once more with those still there.
        if (pass > 1 || !alreadyDone(e, RESTJSONErrorCodes.UnknownMessage)) throw e;
        const now = await channel.messages.fetch({ limit: 100 });
        ids = ids.filter((id) => now.has(id));
      }
    }
    const n = deletable.length;
    return `deleted ${n} message${n === 1 ? "" : "s"}${gone ? `; ${gone} already deleted by an earlier try` : ""}${old ? `; ${old} older than 14 days left (Discord cannot bulk-delete them)` : ""}`;
  }

  /**
   * DMs the member; when their DMs are closed (50007), mentions them in `fallback` or else the mod log. Both
   * carry the same nonce: Discord de-duplicates per author, so a retry never tells the member twice.
   */
  private async directMessage(guild: Guild, member: string, text: string, fallback: string | undefined, buttons: readonly ReplyButton[] | undefined, key: string | undefined): Promise<string | void> {
    const components = dmComponents(buttons);
    try {
      const user = await this.discord.users.fetch(member);
      await user.send({ content: text, components, ...idempotent(key) });
      return;
    } catch (e) {
      if (!(e instanceof DiscordAPIError && e.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)) throw e;
    }
    const channel = fallback ? await this.textChannel(guild, fallback) : findModLog(guild, this.opts.modLogChannel?.(guild.id));
    if (!channel) throw new Refused("the member's DMs are closed and there is no channel to mention them in");
    await channel.send({ content: `<@${member}> ${text}`, components, allowedMentions: { users: [member] }, ...idempotent(key) });
    return `DMs closed; mentioned in #${channel.name}`;
  }

  private async postModLog(guild: Guild, a: Action, text: string): Promise<void> {
    const channel = findModLog(guild, this.opts.modLogChannel?.(guild.id));
    if (!channel) throw new Refused("no mod-log channel (set channels.modLog or create a text channel named mod-log)");
    await channel.send({ embeds: [modLogEmbed(a, text)], allowedMentions: { parse: [] }, ...idempotent(a.key) });
  }

  private async guild(id: string): Promise<Guild> {
    const cached = this.discord.guilds.cache.get(id);
    return cached ?? (await this.discord.guilds.fetch(id));
  }

  /** A text channel by id, or by name as settings files may give it ("general", "#welcome"). */
  private async textChannel(guild: Guild, id: string): Promise<GuildTextBasedChannel> {
    if (!/^\d{17,20}$/.test(id)) {
      const name = id.replace(/^#/, "").toLowerCase();
      const named = guild.channels.cache.find((c) => c.isTextBased() && c.name.toLowerCase() === name);
      if (!named || !named.isTextBased()) throw new Refused(`the server has no text channel named #${name}`);
      return named;
    }
    const channel = guild.channels.cache.get(id) ?? (await guild.channels.fetch(id));
    if (!channel || !channel.isTextBased()) throw new Refused(`channel ${id} is not a text channel of the server`);
    return channel;
  }

  private async memberOrNull(guild: Guild, id: string): Promise<GuildMember | null> {
    try {
      return await guild.members.fetch(id);
    } catch (e) {
      if (e instanceof DiscordAPIError && e.code === RESTJSONErrorCodes.UnknownMember) return null;
      throw e;
    }
  }

  /** The member, when Steward may act on them; Refused otherwise. */
  private async target(guild: Guild, id: string): Promise<GuildMember> {
    const member = await this.memberOrNull(guild, id);
    if (!member) throw new Refused("the member is not in the server");
    refuseIfProtected(member);
    return member;
  }
}

function refuseIfProtected(member: GuildMember): void {
  const why = protectedReason(member);
  if (why) throw new Refused(why);
}

function auditReason(a: Action): string | undefined {
  const text = [a.caseNumber ? `Case #${a.caseNumber}` : "", a.reason].filter(Boolean).join(": ");
  return text ? text.slice(0, 512) : undefined;
}

function loginError(e: unknown): Error {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === DiscordjsErrorCodes.TokenInvalid || code === 4004 || (e instanceof DiscordAPIError && e.status === 401)) {
    return new DiscordLoginError(`Discord rejected the token (DISCORD_TOKEN): ${message}`, { cause: e });
  }
  if (code === DiscordjsErrorCodes.DisallowedIntents || code === 4014 || /disallowed intents/i.test(message)) {
    return new DiscordLoginError(
      `Discord refused the privileged intents: enable Server Members Intent and Message Content Intent for the bot in the Developer Portal (${message})`,
      { cause: e },
    );
  }
  if (code === DiscordjsErrorCodes.TokenMissing) return new DiscordLoginError(`no Discord token (DISCORD_TOKEN): ${message}`, { cause: e });
  return e instanceof Error ? e : new Error(message);
}
