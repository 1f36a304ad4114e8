// event → handlers (activity, guidelines, features) → decisions → actions.
// The pipeline owns community state in memory, hands decisions to the case handler
// (handlers/cases.ts) and actions to the performer (performer.ts: inline, or through the outbox),
// and writes everything behind in batched transactions.
import type { StewardEvent, EventOf } from "./events.js";
import type { PlatformAdapter } from "./platform.js";
import type { ActionOutcome } from "./actions.js";
import type { Persistence, WriteBatch } from "./persistence.js";
import { batchSize, emptyBatch } from "./persistence.js";
import { isModerator, newMember, type CommunityState, type MemberState } from "./community-state.js";
import type { SettingsProvider } from "../config/settings.js";
import { MemoryRateStore } from "../guidelines/rates.js";
import type { RateStore } from "../guidelines/types.js";
import type { Logger } from "../log.js";
import { ActivityTracker } from "./activity.js";
import { judgeMessage } from "./handlers/guidelines.js";
import { commandContext, type CommandHost } from "./handlers/commands.js";
import { dispatchCommand } from "../commands/dispatch.js";
import { parseCommandButton } from "../commands/buttons.js";
import { reply, replyText, type CommandReply } from "./reply.js";
import type { GuidelineReload } from "../commands/context.js";
import { GuidelineLibrary } from "../guidelines/library.js";
import { OnboardingHandler } from "./handlers/onboarding.js";
import { applyOnboardingPlan, type EffectsHost, type OnboardingRecord } from "./handlers/onboarding-effects.js";
import type { OnboardingPlan } from "../onboarding/plan.js";
import type { CustomerDirectory } from "../onboarding/customers.js";
import { TestimonialHandler, isTestimonialCommand, type TestimonialResult } from "./handlers/testimonials.js";
import { parseTestimonialButton } from "../testimonials/custom-id.js";
import type { PipelineObserver } from "./observer.js";
import { OpenQuestions } from "../insights/open-questions.js";
import { MembershipRecorder, neverSeen } from "../insights/membership.js";
import { questionExcerpt } from "../insights/questions.js";
import { Lanes } from "./outbox/lanes.js";
import { ActionPerformer, type OutboxMode } from "./performer.js";
import { CaseHandler, type DecisionRecord } from "./handlers/cases.js";

export type { DecisionRecord } from "./handlers/cases.js";
export type { OutboxMode } from "./performer.js";

/** A command run, with the reply sent back (replay prints these; tests wait for them). */
export interface CommandRecord {
  community: string;
  member: string;
  /** As invoked ("case show"), or the button id for a button that is not a command. */
  command: string;
  options: Record<string, unknown>;
  reply: CommandReply;
  /** Outcome of sending the reply. */
  delivered: ActionOutcome["status"];
}

export type { OnboardingRecord } from "./handlers/onboarding-effects.js";

export interface PipelineOptions {
  adapter: PlatformAdapter;
  persistence: Persistence;
  settings: SettingsProvider;
  /** The compiled guidelines; each community gets the selection its settings name. */
  library: GuidelineLibrary;
  /** Rate windows; in memory unless given. */
  rates?: RateStore;
  logger: Logger;
  onDecision?: (d: DecisionRecord) => void;
  onCommand?: (r: CommandRecord) => void;
  /** Each onboarding outcome (an applicant screened or held in a raid, a nudge, a raid alert). */
  onOnboarding?: (r: OnboardingRecord) => void;
  /** Onboarding's customer list for screening verification (the store's, usually). */
  customers?: CustomerDirectory;
  /** Write behind when this many writes are pending, or this many ms have passed. */
  flushEvery?: { writes: number; ms: number };
  /** Told of each event handled and each action performed (metrics). */
  observer?: PipelineObserver;
  /** Insights rollups (questions and their first replies, membership spans); on unless false (the kpis bench measures their cost). */
  insights?: boolean;
  /** Store actions before performing them, with retries (see OutboxMode); actions are performed inline without it. */
  outbox?: OutboxMode;
  /** The event log being replayed: each flush records the last line handled with it (resume after a crash). */
  checkpointSource?: string;
}

export interface EventMeta {
  line?: number;
}

export class Pipeline {
  private readonly communities = new Map<string, CommunityState>();
  private readonly loading = new Map<string, Promise<CommunityState>>();
  private batch: WriteBatch = emptyBatch();
  private lastFlush = Date.now();
  private readonly activity: ActivityTracker;
  private readonly questions = new OpenQuestions();
  private readonly spans = new MembershipRecorder();
  private readonly insights: boolean;
  private flushing: Promise<void> | null = null;
  readonly stats = { events: 0, decisions: 0, actions: 0, failedActions: 0, refusedWhileStopping: 0 };
  private intakeClosed = false;
  private readonly rates: RateStore;
  private library: GuidelineLibrary;
  private readonly commandHost: CommandHost;
  private readonly onboarding: OnboardingHandler;
  private readonly effects: EffectsHost;
  private readonly testimonials: TestimonialHandler;
  /** Event time of each community's last onboarding timer run (nudges, raid calm). */
  private readonly lastDue = new Map<string, number>();
  private readonly lanes: Lanes;
  private readonly performer: ActionPerformer;
  private readonly cases: CaseHandler;
  /** The event being handled (its JSON) and how many of its actions have keys so far: the origin of action keys. */
  private current: { event: unknown; identity: string | null; n: number } = { event: null, identity: null, n: 0 };

  constructor(private readonly opts: PipelineOptions) {
    this.activity = new ActivityTracker((c) => this.opts.settings.get(c).timezone);
    this.insights = opts.insights !== false;
    this.rates = opts.rates ?? new MemoryRateStore();
    this.lanes = new Lanes(opts.outbox?.maxQueuedCases ?? 1000);
    const shared = { adapter: opts.adapter, persistence: opts.persistence, logger: opts.logger, stats: this.stats, batch: () => this.batch };
    this.performer = new ActionPerformer(
      { ...shared, observer: opts.observer, current: () => this.current, community: (key) => this.loadCommunity(key, opts.adapter.platform) },
      opts.outbox,
    );
    this.cases = new CaseHandler({ ...shared, lanes: this.lanes, onDecision: opts.onDecision }, this.performer);
    this.library = opts.library;
    this.onboarding = new OnboardingHandler(opts.customers ?? null);
    this.effects = {
      performLogged: (c, a, caseNumber, at) => this.performer.performLogged(c, a, caseNumber, at),
      batch: () => this.batch,
      member: (c, id) => {
        const m = this.member(c, id);
        this.markDirty(c, m);
        return m;
      },
      ...(opts.onOnboarding ? { report: opts.onOnboarding } : {}),
    };
    this.testimonials = new TestimonialHandler(opts.persistence.testimonials ?? null, () => this.flush());
    this.commandHost = {
      ...this.effects,
      adapter: opts.adapter,
      persistence: opts.persistence,
      reloadGuidelines: () => this.reloadGuidelines(),
      applicantActions: (c, m, decision, reasons) => this.onboarding.decide(c, m, decision, reasons),
      raidMode: (c, on, at) => this.onboarding.raidMode(c, on, at),
    };
  }

  async handle(event: StewardEvent, meta: EventMeta = {}): Promise<void> {
    if (this.intakeClosed) {
      this.stats.refusedWhileStopping++;
      return;
    }
    if (this.performer.outbox) this.current = { event, identity: null, n: 0 };
    const observer = this.opts.observer;
    if (!observer) return this.handleEvent(event, meta);
    const started = performance.now();
    await this.handleEvent(event, meta);
    observer.event(event.type, (performance.now() - started) / 1000);
  }

  private async handleEvent(event: StewardEvent, meta: EventMeta): Promise<void> {
    this.stats.events++;
    const community = this.communities.get(event.community) ?? (await this.loadCommunity(event.community, event.platform));
    const at = Date.parse(event.at);
    switch (event.type) {
      case "member.joined":
        await this.onJoin(community, event, at, meta);
        break;
      case "screening.answered": {
        const m = this.member(community, event.member);
        await this.applyOnboarding(community, await this.onboarding.answers(community, m, event.answers, at), at, meta);
        break;
      }
      case "member.left": {
        const m = this.member(community, event.member.id);
        if (this.insights) this.spans.leave(community.key, m, at);
        m.leftAt = at;
        this.markDirty(community, m);
        this.activity.leave(community.key, at);
        break;
      }
      case "member.updated": {
        const m = this.member(community, event.member.id);
        if (event.member.roles) m.roles = event.member.roles;
        if (event.member.name) m.name = event.member.name;
        this.markDirty(community, m);
        break;
      }
      case "message.created":
      case "message.edited":
        await this.onMessage(community, event, at, meta);
        break;
      case "reaction.added": {
        const m = this.member(community, event.member);
        if (this.insights && neverSeen(m)) this.spans.firstSeen(community.key, m, at);
        m.lastActiveAt = at;
        this.markDirty(community, m);
        this.activity.reaction(community.key, event.member, at);
        await this.applyTestimonials(community, await this.testimonials.reaction(community, m, event, at), at);
        break;
      }
      case "message.deleted":
        this.testimonials.deleted(community, event.message);
        break;
      case "command.invoked":
        if (isTestimonialCommand(event.command)) await this.answerMember(community, event, event.command, event.options, (m) => this.testimonials.command(community, m, event.command, event.options, at));
        else await this.onCommand(community, event, event.command, event.options, at);
        break;
      case "interaction.responded": {
        // Buttons Steward sent with a command reply run commands ("cmd:review approve?item=3").
        const button = parseCommandButton(event.customId);
        if (button) await this.onCommand(community, event, button.command, button.options, at);
        const consent = button ? null : parseTestimonialButton(event.customId);
        if (consent && consent.community === community.key) {
          await this.answerMember(community, event, event.customId, {}, (m) => this.testimonials.answer(community, m, consent.message, consent.choice, at));
        }
        break;
      }
      default:
        // message.deleted and reaction.removed are for the features that will own them (testimonials).
        break;
    }
    // Onboarding's timer work follows event time, so replays nudge and lift raids as live runs do.
    if (at - (this.lastDue.get(community.key) ?? -Infinity) >= 60_000) await this.runDue(community, at, meta);
    // Written with the next flush, in its transaction: everything up to this line is then in the store.
    if (meta.line !== undefined && this.opts.checkpointSource) this.batch.checkpoint = { source: this.opts.checkpointSource, line: meta.line };
    await this.maybeFlush();
  }

  private async onJoin(c: CommunityState, event: EventOf<"member.joined">, at: number, meta: EventMeta): Promise<void> {
    const m = this.member(c, event.member.id);
    if (this.insights) this.spans.join(c.key, m, at);
    m.joinedAt = at;
    m.leftAt = null;
    m.roles = event.member.roles;
    if (event.member.name) m.name = event.member.name;
    this.markDirty(c, m);
    this.activity.join(c.key, at);
    const { accountCreatedAt, ...rest } = event.member;
    const plan = await this.onboarding.join(c, { ...rest, ...(accountCreatedAt ? { accountCreatedAt: Date.parse(accountCreatedAt) } : {}) }, at);
    await this.applyOnboarding(c, plan, at, meta, m.id);
  }

  /** Runs onboarding's timer work (nudges due, raid mode lifting) for every loaded community. */
  async tick(now = Date.now()): Promise<void> {
    for (const c of this.communities.values()) await this.runDue(c, now);
    await this.maybeFlush();
  }

  private async runDue(c: CommunityState, at: number, meta: EventMeta = {}): Promise<void> {
    this.lastDue.set(c.key, at);
    await this.applyOnboarding(c, this.onboarding.due(c, at), at, meta);
    await this.applyTestimonials(c, await this.testimonials.due(c, at), at);
  }

  /** Performs testimonials' actions (each awaited and logged). */
  private async applyTestimonials(c: CommunityState, r: TestimonialResult, at: number): Promise<void> {
    for (const a of r.actions) await this.performer.performLogged(c, a, null, at);
    for (const e of r.events) this.opts.logger.debug({ community: c.key, message: e.message, testimonial: e.what }, "testimonial");
  }

  /** Performs onboarding's actions and keeps its records (handlers/onboarding-effects.ts). */
  private applyOnboarding(c: CommunityState, plan: OnboardingPlan, at: number, meta: EventMeta = {}, joined?: string): Promise<void> {
    return applyOnboardingPlan(this.effects, c, plan, { at, ...(meta.line !== undefined ? { line: meta.line } : {}), ...(joined ? { joined } : {}) });
  }

  private async onMessage(c: CommunityState, event: EventOf<"message.created"> | EventOf<"message.edited">, at: number, meta: EventMeta): Promise<void> {
    const msg = event.message;
    const m = this.member(c, msg.author);
    if (msg.authorName && !m.name) m.name = msg.authorName;
    if (msg.authorRoles) m.roles = msg.authorRoles;
    const judged = judgeMessage({
      community: c,
      member: m,
      moderator: isModerator(c, m),
      event,
      at,
      rates: this.rates,
    });
    if (event.type === "message.created") {
      if (this.insights) this.rollupMessage(c, m, event, at);
      m.messageCount++;
      m.lastActiveAt = at;
      this.activity.message(c.key, msg.author, event.channel, at);
    }
    this.markDirty(c, m);
    if (!judged) {
      const suggestion = this.testimonials.message(c, m, event, at);
      if (suggestion) this.batch.suggestions.push({ community: c.dbId, testimonial: suggestion });
      return;
    }
    await this.cases.carryOut(c, m, judged, meta);
  }

  /** Insights: a first-seen member's span, the question the message asks, the questions it answers. */
  private rollupMessage(c: CommunityState, m: MemberState, event: EventOf<"message.created">, at: number): void {
    if (neverSeen(m)) this.spans.firstSeen(c.key, m, at);
    const msg = event.message;
    const r = this.questions.message(c.key, { id: msg.id, author: msg.author, channel: event.channel, thread: msg.thread, replyTo: msg.replyTo, text: msg.text, at });
    for (const a of r.answered) {
      this.batch.answers.push({ community: c.dbId, question: a.question, message: msg.id, by: msg.author, at });
      this.activity.answered(c.key, a.askedAt);
    }
    if (r.asks) {
      this.batch.questions.push({ community: c.dbId, message: msg.id, channel: event.channel, thread: msg.thread ?? null, asker: msg.author, text: questionExcerpt(msg.text), at });
      this.activity.question(c.key, at);
    }
  }

  /**
   * Outbox mode: performs what a stopped or crashed run left pending (oldest first), with fallbacks,
   * and rebuilds the outcome rows of cases a crash kept from being written. Call before handing new
   * events in. Returns how many actions were resumed.
   */
  resumeOutbox(): Promise<number> {
    return this.performer.resume();
  }

  /** Actions stored and not yet done, and cases waiting for theirs (the /metrics outbox depth). */
  outboxDepth(): number {
    return (this.performer.outbox?.inFlight ?? 0) + this.lanes.size;
  }

  /** Shutting down: events arriving from now on are not handled (counted in stats.refusedWhileStopping). */
  closeIntake(): void {
    this.intakeClosed = true;
  }

  /**
   * Waits for every queued case's actions (outbox mode), then writes everything pending. With
   * `graceMs`, actions still waiting to be retried after that long stop waiting: they stay pending
   * in the outbox and the next start performs them.
   */
  async drain(options: { graceMs?: number } = {}): Promise<void> {
    if (options.graceMs !== undefined && this.lanes.size) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.lanes.drain(), new Promise((r) => (timer = setTimeout(r, options.graceMs)))]);
      clearTimeout(timer);
      this.performer.outbox?.stop();
    }
    await this.lanes.drain();
    await this.flush();
  }

  /**
   * Runs a moderator command and answers the invoker. Everything pending is written first, so the
   * command reads what happened before it (a /history right after a /ban shows the ban).
   */
  private onCommand(
    c: CommunityState,
    event: EventOf<"command.invoked"> | EventOf<"interaction.responded">,
    command: string,
    options: Record<string, unknown>,
    at: number,
  ): Promise<void> {
    return this.answerMember(c, event, command, options, async (invoker) => {
      try {
        await this.flush();
        // Other instances may have numbered cases since (outbox mode numbers them in the store).
        if (this.performer.outbox && this.opts.persistence.nextCaseNumber) c.nextCaseNumber = Math.max(c.nextCaseNumber, await this.opts.persistence.nextCaseNumber(c.dbId));
        return (await dispatchCommand(commandContext(this.commandHost, c, invoker, event.channel, at), command, options)).reply;
      } catch (e) {
        this.opts.logger.error({ err: e, command, community: c.key }, "command failed");
        return reply({ title: "Something went wrong", lines: [`Steward could not finish /${command}: ${(e as Error).message}`, "What was done before the failure is in the mod log and /history."], tone: "error" });
      }
    });
  }

  /**
   * A member's command or button press (moderator commands, testimonial answers): the member's
   * roles and name refreshed from the event, `run` answers, the answer goes back to them.
   */
  private async answerMember(
    c: CommunityState,
    event: EventOf<"command.invoked"> | EventOf<"interaction.responded">,
    command: string,
    options: Record<string, unknown>,
    run: (member: MemberState) => Promise<CommandReply>,
  ): Promise<void> {
    const m = this.member(c, event.member);
    if (event.memberRoles) m.roles = event.memberRoles;
    if (event.memberName && !m.name) m.name = event.memberName;
    this.markDirty(c, m);
    const answer = await run(m);
    const outcome = await this.performer.attempt({ kind: "respond", community: c.key, ...(event.replyHandle ? { replyHandle: event.replyHandle } : {}), reply: answer, reason: "" });
    this.opts.logger.debug({ command, community: c.key, member: m.id, reply: replyText(answer) }, "command answered");
    this.opts.onCommand?.({ community: c.key, member: m.id, command, options, reply: answer, delivered: outcome.status });
  }

  /**
   * The rules folder changed on disk: reload it; when a file is invalid the last good rules stay
   * live and every community's moderators are alerted with the file, line and error.
   */
  async reloadChangedGuidelines(at = Date.now()): Promise<GuidelineReload> {
    const r = await this.reloadGuidelines();
    if (r.ok) this.opts.logger.info({ detail: r.detail }, "guidelines reloaded");
    else {
      this.opts.logger.error({ detail: r.detail }, "guidelines not reloaded: the last good rules stay live");
      const text = `Steward could not reload the guidelines, so the last good rules stay live. Fix the file and save it again:\n${r.detail}`;
      for (const c of this.communities.values()) await this.performer.performLogged(c, { kind: "alertModerators", community: c.key, text, reason: "guidelines reload failed" }, null, at);
    }
    return r;
  }

  /** Reads the rules folder again; every community switches to the new rules, or none does. */
  private async reloadGuidelines(): Promise<GuidelineReload> {
    try {
      const library = await GuidelineLibrary.load(this.library.dir);
      await library.prepare(this.opts.settings.all());
      for (const c of this.communities.values()) c.guidelines = library.forSettings(c.settings);
      this.library = library;
      return { ok: true, detail: `${library.all.ruleCount} rules in ${library.all.guidelines.length} guidelines from ${library.dir}.` };
    } catch (e) {
      const err = e as Error & { format?: () => string };
      return { ok: false, detail: typeof err.format === "function" ? err.format() : err.message };
    }
  }

  private member(c: CommunityState, id: string): MemberState {
    let m = c.members.get(id);
    if (!m) {
      m = newMember(id);
      c.members.set(id, m);
    }
    return m;
  }

  private readonly dirty = new Map<string, Set<MemberState>>();
  private markDirty(c: CommunityState, m: MemberState): void {
    let set = this.dirty.get(c.dbId);
    if (!set) this.dirty.set(c.dbId, (set = new Set()));
    set.add(m);
  }

  private async loadCommunity(key: string, platform: string): Promise<CommunityState> {
    let p = this.loading.get(key);
    if (!p) {
      p = (async () => {
        const settings = this.opts.settings.get(key);
        const loaded = await this.opts.persistence.loadCommunity(key, platform, settings);
        const state: CommunityState = {
          dbId: loaded.dbId,
          key,
          settings,
          guidelines: this.library.forSettings(settings),
          members: new Map(loaded.members.map((m) => [m.id, m])),
          nextCaseNumber: loaded.nextCaseNumber,
          moderatorRoles: new Set(settings.moderatorRoles.map((r) => r.toLowerCase())),
        };
        if (this.insights && loaded.openQuestions?.length) this.questions.restore(key, loaded.openQuestions);
        this.communities.set(key, state);
        return state;
      })();
      this.loading.set(key, p);
    }
    return p;
  }

  /** Writes waiting for the next flush (a gauge for /metrics). */
  pendingWrites(): number {
    return batchSize(this.batch) + this.dirtyCount() + this.activity.pending + this.spans.pending;
  }

  private async maybeFlush(): Promise<void> {
    const every = this.opts.flushEvery ?? { writes: 50_000, ms: 5000 };
    // Insights rows (questions, answers, spans) ride along with the writes that bring a flush on:
    // counting them would flush more often and rewrite every dirty member each time.
    const pending = this.pendingWrites() - this.batch.questions.length - this.batch.answers.length - this.spans.pending;
    if (pending >= every.writes || (pending > 0 && Date.now() - this.lastFlush >= every.ms)) await this.flush();
  }

  private dirtyCount(): number {
    let n = 0;
    for (const s of this.dirty.values()) n += s.size;
    return n;
  }

  /** Writes everything pending in one batch. Safe to call concurrently: calls queue. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    const batch = this.batch;
    this.batch = emptyBatch();
    for (const [community, set] of this.dirty) for (const member of set) batch.members.push({ community, member });
    this.dirty.clear();
    batch.days = this.activity.drain((key) => this.communities.get(key)?.dbId ?? key);
    batch.spans = this.spans.drain((key) => this.communities.get(key)?.dbId ?? key);
    this.lastFlush = Date.now();
    if (batchSize(batch) === 0) return;
    this.flushing = this.opts.persistence.write(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }
}
