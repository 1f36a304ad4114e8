// The Slack platform: a Bolt app (HTTP on Steward's server, or Socket Mode) that turns Slack
// events, the /steward command and button presses into Steward events, and performs Steward's
// actions through the Web API within what the workspace allows (capabilities.ts). What Slack does
// not allow is reported as unsupported, with the reason; the pipeline then plans a fallback.
import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { Action, ActionKind, ActionOutcome } from "../../core/actions.js";
import type { StewardEvent } from "../../core/events.js";
import { stewardEvent } from "../../core/events.js";
import type { EventSink, MemberInspection, PerformAttempt, PlatformAdapter } from "../../core/platform.js";
import type { CommunitySettings } from "../../config/settings-schema.js";
import type { ReplyButton } from "../../core/reply.js";
import { parseCommandButton } from "../../commands/buttons.js";
import { parseTestimonialButton } from "../../testimonials/custom-id.js";
import type { Logger } from "../../log.js";
import type { Route } from "../../http/index.js";
import { boltLogger, type WebClient } from "./bolt.js";
import { apiClients, type SlackApiStats, type SlackApiTuning } from "./api-client.js";
import { slackCapabilities, type SlackCapabilities } from "./capabilities.js";
import { SlackChannels } from "./channels.js";
import { parseStewardText } from "./commands.js";
import { Refused, failure, slackError, slackErrorText } from "./errors.js";
import * as map from "./events.js";
import { slackEventsRoute } from "./http.js";
import { SlackMembers } from "./members.js";
import { ReplyDesk, postResponse, responseBody } from "./replies.js";
import { replyMessage, textWithButtons } from "./blocks.js";
import { shortcutFor } from "./shortcuts.js";
import { SeenEvents } from "./dedupe.js";
import { findEarlierPost, keyMetadata, postAttempt, type PostAttempt, type Where } from "./posted-once.js";
import { SCREENING_START, SCREENING_VIEW, answersOf, screeningInvite, screeningModal, type SubmittedValue } from "./screening.js";
import { testimonialCapture } from "../../testimonials/commands.js";
import { testimonialSettings } from "../../testimonials/settings.js";

/** What a person can do where a bot cannot (a moderator's /steward timeout|kick|ban|unban answers with it). */
const MANUAL_ADVICE: Partial<Record<ActionKind, string>> = {
  timeout: "Slack has no timeout.",
  kick: "Slack lets a bot remove someone from the workspace only through the Enterprise Grid admin API (not used): a workspace admin can deactivate the account (Manage members).",
  ban: "Slack lets a bot deactivate an account only through the Enterprise Grid admin API (not used): a workspace admin can deactivate it (Manage members).",
  unban: "Slack lets a bot reactivate an account only through the Enterprise Grid admin API (not used): a workspace admin can reactivate it (Manage members).",
};

export interface SlackAdapterOptions {
  botToken: string;
  /** A workspace admin's user token: deletes other people's messages. */
  userToken?: string | undefined;
  /** HTTP mode: the signing secret, and Steward's HTTP server to add /slack/events to. */
  signingSecret?: string | undefined;
  http?: { add(route: Route): void } | undefined;
  /** Socket Mode: the app-level token (xapp-). Wins over HTTP when both are set. */
  appToken?: string | undefined;
  /** Web API base (tests: the fake Slack). */
  apiUrl?: string | undefined;
  logger: Logger;
  /** The Web API clients' retries and timeout (tests shorten them). */
  api?: SlackApiTuning | undefined;
  /** Socket Mode: how long to wait for a pong, and the step of the reconnect delay (Bolt's default 5 s). */
  socketPingTimeoutMs?: number | undefined;
  communitySettings?: (community: string) => CommunitySettings;
}

export class SlackLoginError extends Error {}

const NO_CAPS: SlackCapabilities = { kinds: new Set(), missing: new Map(), files: "not started" };

export class SlackAdapter implements PlatformAdapter {
  readonly platform = "slack" as const;
  private client: WebClient;
  /** Posts (chat.postMessage, chat.postEphemeral, file uploads): not sent again after a timeout (api-client.ts). */
  private posts: WebClient;
  /** Posts of keyed actions: what may have been posted is left to the outbox's retry, which looks first. */
  private keyedPosts: WebClient;
  /** 429s, retries and calls given up, since start. */
  readonly apiStats: SlackApiStats;
  private app: App | null = null;
  private caps: SlackCapabilities = NO_CAPS;
  private botUserId = "";
  private workspaceUrl = "";
  private readonly members: SlackMembers;
  private readonly channels: SlackChannels;
  private readonly desk = new ReplyDesk();
  private queue: Promise<void> = Promise.resolve();
  /** Event ids already handled: Slack's retried deliveries are dropped. */
  readonly seenEvents = new SeenEvents();

  constructor(private readonly opts: SlackAdapterOptions) {
    ({ client: this.client, posts: this.posts, keyedPosts: this.keyedPosts, stats: this.apiStats } = apiClients(opts.botToken, opts.logger, opts.apiUrl, opts.api));
    this.members = new SlackMembers(this.client);
    this.channels = new SlackChannels(this.client);
  }

  capabilities(): ReadonlySet<ActionKind> {
    return this.caps.kinds;
  }

  /** Why an action kind is not available in this workspace (FallbackHints). */
  missingReason(_community: string, kind: ActionKind): string | undefined {
    return this.caps.missing.get(kind);
  }

  /** What a workspace admin can do where Steward cannot (FallbackHints): Slack has no timeout, and removing an account takes the Enterprise Grid admin API. */
  manualAdvice(kind: ActionKind): string | undefined {
    return MANUAL_ADVICE[kind];
  }

  /** A link moderators can open (FallbackHints). */
  messageLink(_community: string, channel: string, ts: string): string | null {
    return this.workspaceUrl ? `${this.workspaceUrl}archives/${channel}/p${ts.replace(".", "")}` : null;
  }

  /** What the tokens allow, with reasons for the rest (for `steward start`'s log and the docs). */
  get capabilityReport(): SlackCapabilities {
    return this.caps;
  }

  async start(sink: EventSink): Promise<void> {
    if (this.app) throw new Error("SlackAdapter already started");
    const o = this.opts;
    if (!o.appToken && !o.signingSecret) throw new SlackLoginError("set SLACK_SIGNING_SECRET (events over HTTP at /slack/events) or SLACK_APP_TOKEN (Socket Mode)");
    if (!o.appToken && !o.http) throw new Error("Slack's HTTP mode needs Steward's HTTP server");
    await this.learnGrants();
    const logger = boltLogger(o.logger);
    const clientOptions = o.apiUrl ? { slackApiUrl: o.apiUrl } : {};
    const common = { token: o.botToken, botId: this.botId, botUserId: this.botUserId, logger, clientOptions: { ...clientOptions, retryConfig: { retries: 2 } } };
    let app: App;
    if (o.appToken) {
      // Built here rather than by App: its WebSocket URL comes from apps.connections.open, which must use SLACK_API_URL too.
      // No retryConfig of ours there: the socket client's own (100 quick retries) keeps reconnecting through an outage.
      const receiver = new SocketModeReceiver({ appToken: o.appToken, logger, installerOptions: { clientOptions }, ...(o.socketPingTimeoutMs ? { clientPingTimeout: o.socketPingTimeoutMs } : {}) });
      app = new App({ ...common, receiver, socketMode: true });
    } else {
      const receiver = new HTTPReceiver({ signingSecret: o.signingSecret!, endpoints: "/slack/events", logger });
      app = new App({ ...common, receiver });
      o.http!.add(slackEventsRoute(receiver));
    }
    this.listen(app, sink);
    if (o.appToken) await app.start();
    this.app = app;
    o.logger.info({ mode: o.appToken ? "socket" : "http", can: [...this.caps.kinds].sort(), cannot: Object.fromEntries(this.caps.missing) }, "slack: connected");
  }

  private botId = "";

  /** auth.test for the bot (and the user token): ids, the workspace URL, scopes → capabilities. */
  private async learnGrants(): Promise<void> {
    let auth;
    try {
      auth = await this.client.auth.test();
    } catch (e) {
      const s = slackError(e);
      if (s) throw new SlackLoginError(`Slack rejected the bot token (SLACK_BOT_TOKEN): ${s.detail}`, { cause: e });
      throw e;
    }
    this.botUserId = auth.user_id ?? "";
    this.botId = auth.bot_id ?? "";
    this.workspaceUrl = auth.url ?? "";
    const scopesOf = (r: { response_metadata?: { scopes?: string[] } }) => (r.response_metadata?.scopes ? new Set(r.response_metadata.scopes) : null);
    let user: { scopes: Set<string> | null; admin: boolean } | null = null;
    if (this.opts.userToken) {
      try {
        const u = await this.client.auth.test({ token: this.opts.userToken });
        const who = u.user_id ? await this.members.get(u.user_id) : null;
        user = { scopes: scopesOf(u), admin: Boolean(who?.admin) };
      } catch (e) {
        const s = slackError(e);
        if (s) throw new SlackLoginError(`Slack rejected the user token (SLACK_USER_TOKEN): ${s.detail}`, { cause: e });
        throw e;
      }
    }
    this.caps = slackCapabilities({ botScopes: scopesOf(auth), user });
  }

  async health(): Promise<string> {
    if (!this.app) throw new Error("not started");
    return "started";
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    this.desk.close();
    if (app && this.opts.appToken) await app.stop();
    await this.queue;
  }

  async inspectMember(_community: string, id: string): Promise<MemberInspection> {
    const u = await this.members.get(id);
    if (!u || u.deleted) return { present: false, protectedReason: null };
    const protectedReason = u.owner ? "the member owns the workspace" : u.admin ? "the member is a workspace admin" : u.bot ? "the member is a bot" : null;
    return { present: true, protectedReason, ...(u.name ? { name: u.name } : {}) };
  }

  /** Events reach the sink one at a time, in arrival order; their lookups (users.info) start at once. */
  private emit(build: () => Promise<StewardEvent | StewardEvent[] | null>): void {
    const built = build().catch((e: unknown) => {
      this.opts.logger.error({ err: e }, "slack: event not understood");
      return null;
    });
    this.queue = this.queue.then(async () => {
      const got = await built;
      for (const event of Array.isArray(got) ? got : got ? [got] : []) {
        try {
          await this.sinkRef!(event);
        } catch (e) {
          this.opts.logger.error({ err: e, event: event.type }, "slack: event not handled");
        }
      }
    });
  }

  private sinkRef: EventSink | null = null;

  private listen(app: App, sink: EventSink): void {
    this.sinkRef = sink;
    // Events are acknowledged by Bolt before this runs; a repeat (a retried delivery) stops here.
    app.use(async ({ body, context, next }) => {
      const id = (body as { event_id?: unknown }).event_id;
      if (typeof id === "string" && !this.seenEvents.first(id)) {
        this.opts.logger.info({ eventId: id, retry: context.retryNum, reason: context.retryReason }, "slack: repeated delivery dropped");
        return;
      }
      await next();
    });
    const teamOf = (context: { teamId?: string | undefined }, body: { team_id?: string; team?: { id?: string } | null }) => context.teamId ?? body.team_id ?? body.team?.id ?? "";
    app.event("message", async ({ event, body, context }) => {
      const e = event as unknown as map.SlackMessage;
      const team = teamOf(context, body);
      if (!team || !map.inChannel(e)) return;
      if (e.subtype === "message_changed") {
        const m = e.message;
        if (!m || !map.fromPerson(m, this.botUserId)) return;
        this.emit(async () => map.messageEdited(team, e, await this.members.roles(m.user!)));
      } else if (e.subtype === "message_deleted") {
        if (e.previous_message && !map.fromPerson(e.previous_message, this.botUserId)) return;
        this.emit(async () => map.messageDeleted(team, e));
      } else if (map.fromPerson(e, this.botUserId)) {
        this.emit(async () => map.messageCreated(team, e, await this.members.roles(e.user!)));
      }
    });
    app.event("reaction_added", async ({ event, body, context }) => {
      const team = teamOf(context, body);
      if (event.user === this.botUserId) return;
      this.emit(async () => {
        // Reactions carry no roles: the reactor's come first (a moderator's ⭐ captures a testimonial).
        const who = await this.members.roles(event.user);
        return [map.memberSeen(team, event.user, who), map.reactionAdded(team, event as map.SlackReaction)].filter((x): x is StewardEvent => x !== null);
      });
    });
    app.event("team_join", async ({ event, body, context }) => {
      const team = teamOf(context, body);
      const user = this.members.remember(event.user as unknown as Parameters<SlackMembers["remember"]>[0]);
      this.emit(async () => map.memberJoined(team, user));
      if (!user.bot && this.screeningOf(team)) this.inviteToScreening(team, user.id);
    });
    // Screening: the invitation's button opens the questions; the submission is the answers.
    app.action(SCREENING_START, async ({ ack, body }) => {
      await ack();
      const b = body as unknown as { team?: { id?: string } | null; user: { id: string; team_id?: string }; trigger_id?: string };
      const team = b.team?.id ?? b.user.team_id ?? "";
      const questions = this.screeningOf(team);
      if (!questions || !b.trigger_id) return;
      // The trigger_id is good for 3 seconds: the modal opens now, not behind the event queue.
      await this.client.views.open({ trigger_id: b.trigger_id, view: screeningModal(questions, team) as unknown as Parameters<WebClient["views"]["open"]>[0]["view"] }).catch((e: unknown) => {
        this.opts.logger.warn({ err: slackErrorText(e) }, "slack: the screening questions could not be opened");
      });
    });
    app.view(SCREENING_VIEW, async ({ ack, body, view }) => {
      await ack();
      const team = view.private_metadata || body.team?.id || body.user.team_id || "";
      const questions = this.screeningOf(team);
      if (!questions) return;
      const member = body.user.id;
      const answers = answersOf(questions, view.state.values as unknown as Record<string, Record<string, SubmittedValue>>);
      this.emit(async () => stewardEvent.parse({ type: "screening.answered", platform: "slack", at: new Date().toISOString(), community: team, member, answers }));
    });
    app.event("member_joined_channel", async ({ event, body, context }) => {
      const team = event.team || teamOf(context, body);
      if (event.user === this.botUserId) return;
      this.emit(async () => map.memberSeen(team, event.user, await this.members.roles(event.user)));
    });
    app.command("/steward", async ({ command, ack }) => {
      const parsed = parseStewardText(command.text ?? "");
      if ("help" in parsed || "error" in parsed) {
        await ack({ response_type: "ephemeral", text: "help" in parsed ? parsed.help : parsed.error });
        return;
      }
      await ack();
      const team = command.team_id;
      const handle = this.desk.open({ responseUrl: command.response_url, channel: command.channel_id, user: command.user_id });
      this.emit(async () => {
        const who = await this.members.roles(command.user_id);
        return stewardEvent.parse({
          type: "command.invoked",
          platform: "slack",
          at: new Date().toISOString(),
          community: team,
          channel: command.channel_id,
          member: command.user_id,
          memberRoles: who.roles,
          ...(who.name ? { memberName: who.name } : {}),
          command: parsed.command,
          options: parsed.options,
          replyHandle: handle,
        });
      });
    });
    app.shortcut(/^steward_/, async ({ shortcut, ack }) => {
      await ack();
      const found = shortcut.type === "message_action" ? shortcutFor(shortcut.callback_id) : undefined;
      if (!found || shortcut.type !== "message_action") return;
      const team = shortcut.team?.id ?? "";
      const user = shortcut.user.id;
      const channel = shortcut.channel.id;
      const m = shortcut.message as { ts: string; user?: string; text?: string };
      const handle = this.desk.open({ responseUrl: shortcut.response_url, channel, user });
      this.emit(async () => {
        const who = await this.members.roles(user);
        const base = { platform: "slack" as const, at: new Date().toISOString(), community: team, channel, member: user };
        const invoked = stewardEvent.parse({
          type: "command.invoked",
          ...base,
          memberRoles: who.roles,
          ...(who.name ? { memberName: who.name } : {}),
          command: found.command.name,
          options: { message: m.ts, channel, author: m.user ?? "", text: m.text ?? "" },
          replyHandle: handle,
        });
        if (found.command.name !== testimonialCapture.name) return invoked;
        // As on Discord: the capture is then the moderator's reaction with the capture emoji (it asks the author).
        const emoji = testimonialSettings(this.opts.communitySettings?.(team) ?? {}).emoji;
        return [invoked, stewardEvent.parse({ type: "reaction.added", ...base, message: m.ts, emoji })];
      });
    });
    app.action(/.+/, async ({ ack, body, action }) => {
      if ("action_id" in action && action.action_id === SCREENING_START) return; // its own listener acks it
      await ack();
      if (body.type !== "block_actions" || !("action_id" in action)) return;
      const customId = action.action_id;
      const consent = parseTestimonialButton(customId);
      if (!consent && !parseCommandButton(customId)) return;
      const b = body as unknown as { team?: { id?: string } | null; user: { id: string }; channel?: { id?: string }; response_url?: string; message?: { text?: string } };
      const community = consent?.community ?? b.team?.id ?? "";
      if (!community) return;
      const handle = this.desk.open({ responseUrl: b.response_url, channel: b.channel?.id, user: b.user.id, customId, ...(b.message?.text ? { messageText: b.message.text } : {}) });
      this.emit(async () => {
        const who = await this.members.roles(b.user.id);
        return stewardEvent.parse({
          type: "interaction.responded",
          platform: "slack",
          at: new Date().toISOString(),
          community,
          ...(b.channel?.id ? { channel: b.channel.id } : {}),
          member: b.user.id,
          memberRoles: who.roles,
          ...(who.name ? { memberName: who.name } : {}),
          customId,
          replyHandle: handle,
        });
      });
    });
    app.error(async (e) => {
      this.opts.logger.error({ err: e }, "slack: listener error");
    });
  }

  /** The community's membership questions, or null without screening (or without questions). */
  private screeningOf(team: string) {
    const questions = this.opts.communitySettings?.(team).onboarding?.screening?.questions;
    return questions?.length ? questions : null;
  }

  /** The newcomer's invitation to the questions, by direct message (failures are logged: the member can ask a moderator). */
  private inviteToScreening(team: string, member: string): void {
    const settings = this.opts.communitySettings?.(team);
    this.dm(null, member, screeningInvite(settings?.name ?? "the community")).catch((e: unknown) => {
      this.opts.logger.warn({ member, err: slackErrorText(e) }, "slack: screening invitation not sent");
    });
  }

  async perform(action: Action, attempt?: PerformAttempt): Promise<ActionOutcome> {
    if (!this.caps.kinds.has(action.kind)) {
      const why = this.caps.missing.get(action.kind);
      return { status: "unsupported", detail: `slack cannot ${action.kind}${why ? `: ${why}` : ""}` };
    }
    const pa = postAttempt(action.key, Boolean(attempt?.mayBeRepeat));
    try {
      const detail = await this.run(action, pa);
      if (pa.found && !pa.unchecked.length) return { status: "done", detail: "already posted (recognised by its metadata)" };
      const notes = [detail, ...pa.unchecked.map((why) => `posted without checking for an earlier post (the check failed: ${why}), so it may appear twice`)].filter(Boolean);
      return notes.length ? { status: "done", detail: notes.join("; ") } : { status: "done" };
    } catch (e) {
      return failure(e);
    }
  }

  /**
   * One message for an action. With the outbox's key it carries the key in its metadata and, when the
   * action may have been tried before, is posted only if the conversation has no message with that key.
   */
  private async post(pa: PostAttempt, args: Parameters<WebClient["chat"]["postMessage"]>[0] & { channel: string; thread_ts?: string }): Promise<void> {
    if (!pa.key) {
      await this.posts.chat.postMessage(args);
      return;
    }
    if (await this.postedBefore(pa, { channel: args.channel, thread: args.thread_ts })) return;
    await this.keyedPosts.chat.postMessage({ ...args, metadata: keyMetadata(pa.key) } as typeof args);
  }

  /** Whether a repeat finds its post already in the conversation (a failed look-up says no, and is noted). */
  private async postedBefore(pa: PostAttempt, where: Where): Promise<boolean> {
    if (!pa.key || !pa.mayBeRepeat) return false;
    try {
      const ts = await findEarlierPost(this.client, { userId: this.botUserId, botId: this.botId }, where, pa.key);
      if (ts) pa.found++;
      return ts !== null;
    } catch (e) {
      pa.unchecked.push(slackErrorText(e));
      this.opts.logger.warn({ key: pa.key, channel: where.channel, err: slackErrorText(e) }, "slack: could not check for an earlier post; posting");
      return false;
    }
  }

  private async run(a: Action, pa: PostAttempt): Promise<string | void> {
    switch (a.kind) {
      case "deleteMessage":
        // Only a workspace admin's user token may delete other people's messages.
        try {
          await this.client.chat.delete({ channel: await this.channels.resolve(a.channel), ts: a.message, token: this.opts.userToken! });
        } catch (e) {
          // Gone already: its author deleted it, or an attempt whose answer was lost did (the client retried).
          if (slackError(e)?.error === "message_not_found") return "the message was already gone";
          throw e;
        }
        return "deleted with the admin's user token";
      case "warn":
        return this.warn(pa, a.member, a.text, a.channel);
      case "directMessage":
        return this.directMessage(pa, a.member, a.text, a.fallbackChannel, a.buttons);
      case "alertModerators":
        await this.postModLog(pa, a.community, a.caseNumber, a.reason, a.text);
        return;
      case "holdForReview": {
        const link = this.messageLink(a.community, a.channel, a.message) ?? `message ${a.message}`;
        await this.postModLog(pa, a.community, a.caseNumber, a.reason, `Message by <@${a.member}> in <#${a.channel}> held for review (not deleted): ${link}\nDecide with /steward review.`);
        return "alerted the mod log; the message is in the review queue (/steward review)";
      }
      case "reply":
        await this.post(pa, { channel: await this.channels.resolve(a.channel), text: a.text, ...(a.replyTo ? { thread_ts: a.replyTo } : {}), unfurl_links: false });
        return;
      case "postMessage":
        return this.postMessage(pa, await this.channels.resolve(a.channel), a.text, a.attachments ?? []);
      case "removeFromChannel": {
        const channel = await this.channels.resolve(a.channel);
        if (await this.channels.isGeneral(channel).catch(() => false)) throw new Refused("nobody can be removed from #general on Slack");
        await this.client.conversations.kick({ channel, user: a.member });
        return `removed from <#${channel}> (Slack cannot remove members from the workspace or time them out)`;
      }
      case "approveMember":
        // Slack has no pending members: an applicant is in the workspace from the start.
        return "nothing to admit: Slack members are in the workspace from the start";
      case "declineMember":
        return this.declineMember(pa, a.community, a.member, a.reason, a.caseNumber);
      case "purgeMessages":
        return this.purge(await this.channels.resolve(a.channel), a.count, a.member);
      case "respond":
        return this.respond(a.replyHandle, a.reply);
      default:
        throw new Refused(`slack cannot ${a.kind}`);
    }
  }

  /**
   * A post; with attachments (the digest's chart) the files go up with files.uploadV2 — upload URLs
   * from files.getUploadURLExternal, the bytes to them, then files.completeUploadExternal shares them
   * in the channel with the text as the message (initial_comment).
   */
  private async postMessage(pa: PostAttempt, channel: string, text: string, attachments: readonly { name: string; base64: string }[]): Promise<string | void> {
    if (attachments.length && this.caps.files === true) {
      // An upload's message cannot carry metadata: a repeat recognises Steward's message with files and this text.
      if (await this.postedBefore(pa, { channel, uploadText: text })) return;
      await (pa.key ? this.keyedPosts : this.posts).filesUploadV2({ channel_id: channel, initial_comment: text, file_uploads: attachments.map((f) => ({ file: Buffer.from(f.base64, "base64"), filename: f.name })) });
      return `posted with ${attachments.length} file${attachments.length === 1 ? "" : "s"}`;
    }
    await this.post(pa, { channel, text, unfurl_links: false });
    if (attachments.length) return `text posted; ${attachments.length} attachment(s) not sent: ${this.caps.files}`;
  }

  /** An ephemeral note in the channel where the member posted (only they see it); a DM when that is not possible. */
  private async warn(pa: PostAttempt, member: string, text: string, channel: string | undefined): Promise<string | void> {
    if (channel) {
      try {
        await this.posts.chat.postEphemeral({ channel: await this.channels.resolve(channel), user: member, text });
        return;
      } catch (e) {
        if (!slackError(e) && !(e instanceof Refused)) throw e;
      }
    }
    await this.dm(pa, member, { text });
    return channel ? "sent by direct message (the channel note was refused)" : undefined;
  }

  private async directMessage(pa: PostAttempt, member: string, text: string, fallback: string | undefined, buttons: readonly ReplyButton[] | undefined): Promise<string | void> {
    try {
      await this.dm(pa, member, textWithButtons(text, buttons));
      return;
    } catch (e) {
      if (!fallback || !slackError(e)) throw e;
    }
    const channel = await this.channels.resolve(fallback);
    await this.post(pa, { channel, ...textWithButtons(`<@${member}> ${text}`, buttons) });
    return `direct message refused; mentioned in <#${channel}>`;
  }

  /** A direct message, in the IM channel conversations.open gives (where a repeat also looks). */
  private async dm(pa: PostAttempt | null, member: string, message: { text: string; blocks?: Record<string, unknown>[] }): Promise<void> {
    const open = await this.client.conversations.open({ users: member });
    const channel = open.channel?.id;
    if (!channel) throw new Refused("Slack opened no direct message channel");
    const args = { channel, ...message, unfurl_links: false } as Parameters<WebClient["chat"]["postMessage"]>[0] & { channel: string };
    if (pa) await this.post(pa, args);
    else await this.posts.chat.postMessage(args);
  }

  private async postModLog(pa: PostAttempt, community: string, caseNumber: number | undefined, reason: string, text: string): Promise<void> {
    const channel = await this.channels.modLog(this.opts.communitySettings?.(community).channels.modLog);
    if (!channel) throw new Refused("no mod-log channel (set channels.modLog, or create a channel named mod-log and invite Steward)");
    const rule = /^([\w.-]+\/[\w.-]+):/.exec(reason)?.[1];
    const title = [caseNumber ? `Case #${caseNumber}` : "", rule ?? ""].filter(Boolean).join(" · ") || "Steward";
    await this.post(pa, { channel, text: `*${title}*\n${text}`.slice(0, 3900), unfurl_links: false });
  }

  private async respond(handle: string | undefined, reply: Parameters<typeof replyMessage>[0]): Promise<string | void> {
    const pending = this.desk.take(handle);
    if (!pending) throw new Refused(`no command or button ${handle ?? "(none)"} waiting for an answer (unknown, or older than 30 minutes)`);
    if (pending.responseUrl) {
      try {
        await postResponse(pending.responseUrl, responseBody(pending, reply));
        return;
      } catch (e) {
        if (!pending.channel) throw e;
        this.opts.logger.warn({ err: e }, "slack: response_url refused; answering with chat.postEphemeral");
      }
    }
    if (!pending.channel) throw new Refused("nowhere to answer: no response URL and no channel");
    await this.posts.chat.postEphemeral({ channel: pending.channel, user: pending.user, ...replyMessage(reply) });
    return "answered with chat.postEphemeral";
  }

  /**
   * Slack cannot turn a member away (no pending members; deactivating takes the Enterprise Grid
   * admin API or a workspace admin): the moderators are alerted to decide, and the outcome says
   * "refused" with that detail — the decline itself did not happen.
   */
  private async declineMember(pa: PostAttempt, community: string, member: string, reason: string, caseNumber: number | undefined): Promise<never> {
    const text = `Screening declined <@${member}>${reason ? ` (${reason})` : ""}. Slack cannot turn a member away: they are in the workspace. A workspace admin can deactivate the account (Manage members) if they should not stay.`;
    try {
      await this.postModLog(pa, community, caseNumber, "onboarding/screening: declined", text);
    } catch (e) {
      const why = failure(e);
      throw new Refused(`Slack cannot turn a member away, and the moderators could not be alerted: ${why.status === "done" ? "" : why.detail}`);
    }
    throw new Refused("Slack cannot turn a member away (no pending members; deactivating needs a workspace admin or the Enterprise Grid admin API): the moderators were alerted in the mod log to decide");
  }

  /** The channel's last `count` messages (only `member`'s when given) among the latest 100, deleted one by one with the user token. */
  private async purge(channel: string, count: number, member: string | undefined): Promise<string> {
    const token = this.opts.userToken!;
    const history = await this.client.conversations.history({ channel, limit: 100, token });
    const chosen = (history.messages ?? []).filter((m) => m.ts && (!member || m.user === member) && !m.subtype).slice(0, count);
    let deleted = 0;
    for (const m of chosen) {
      await this.client.chat.delete({ channel, ts: m.ts!, token });
      deleted++;
    }
    return `deleted ${deleted} message${deleted === 1 ? "" : "s"}`;
  }
}
