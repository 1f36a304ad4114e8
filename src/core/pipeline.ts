// event → handlers (activity, guidelines, features) → decisions → actions.
// The pipeline owns community state in memory, asks the adapter to perform each action
// (awaited, outcome recorded) and writes everything behind in batched transactions.
import type { StewardEvent, EventOf } from "./events.js";
import type { PerformAttempt, PlatformAdapter } from "./platform.js";
import type { Action, ActionOutcome } from "./actions.js";
import { describeAction } from "./actions.js";
import type { CaseWrite, Persistence, WriteBatch } from "./persistence.js";
import { batchSize, emptyBatch } from "./persistence.js";
import { isModerator, newMember, type CommunityState, type MemberState } from "./community-state.js";
import type { SettingsProvider } from "../config/settings.js";
import { MemoryRateStore } from "../guidelines/rates.js";
import type { RateStore } from "../guidelines/types.js";
import type { Logger } from "../log.js";
import { ActivityTracker } from "./activity.js";
import { judgeMessage, type Judged } from "./handlers/guidelines.js";
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
import { fallBack, plannedRow } from "../moderation/fallback.js";
import { Outbox, OutboxStopped } from "./outbox/outbox.js";
import type { OutboxStore } from "./outbox/store.js";
import type { RetryPolicy } from "./outbox/retry.js";
import { Lanes } from "./outbox/lanes.js";
import { actionKey, eventIdentity } from "./outbox/keys.js";

export interface DecisionRecord {
  /** Replay line number, when known. */
  line?: number;
  community: string;
  member: string;
  memberName?: string;
  channel: string;
  message: string;
  guideline: string;
  rule: string;
  also: string[];
  actions: string[];
  case: number;
  status: "actioned" | "not_actioned" | "joined_case";
  notActionedReason?: string;
  matched: string[];
  explanation: string;
  /** "pending" only in a case's record while its actions wait in the outbox. */
  outcomes: { action: string; status: ActionOutcome["status"] | "pending"; detail?: string }[];
}

/**
 * Outbox mode (live platforms, crash-safe replays): every action is stored with its idempotency key
 * before it is performed and retried on temporary failures (src/core/outbox); a case's actions run
 * behind the event stream, so slow platform calls do not hold up intake.
 */
export interface OutboxMode {
  store: OutboxStore;
  policy?: Partial<RetryPolicy>;
  /** Cases waiting for their actions before intake waits (default 1,000). */
  maxQueuedCases?: number;
}

/** The distinct spans of text that matched, in order of appearance (facts such as rates have no span). */
function matchedTexts(matches: readonly { start: number; end: number; text: string }[]): string[] {
  const seen = new Set<string>();
  const out: { start: number; text: string }[] = [];
  for (const m of matches) {
    const key = `${m.start}:${m.end}`;
    if (m.start < 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start).map((m) => m.text);
}

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
  private readonly outbox: Outbox | null = null;
  private readonly lanes: Lanes;
  /** The event being handled (its JSON) and how many of its actions have keys so far: the origin of action keys. */
  private current: { event: unknown; identity: string | null; n: number } = { event: null, identity: null, n: 0 };

  constructor(private readonly opts: PipelineOptions) {
    this.activity = new ActivityTracker((c) => this.opts.settings.get(c).timezone);
    this.insights = opts.insights !== false;
    this.rates = opts.rates ?? new MemoryRateStore();
    this.lanes = new Lanes(opts.outbox?.maxQueuedCases ?? 1000);
    if (opts.outbox) {
      this.outbox = new Outbox({
        store: opts.outbox.store,
        attempt: (a, attempt) => this.attempt(a, attempt),
        ...(opts.outbox.policy ? { policy: opts.outbox.policy } : {}),
        onRetry: (e, outcome, attempt, delayMs) => opts.logger.warn({ action: e.action.kind, community: e.action.community, attempt, delayMs, detail: outcome.status === "failed" ? outcome.detail : undefined }, "action failed; retrying"),
        onGaveUp: (e, outcome, attempts) => this.gaveUp(e.action, outcome, attempts, e.at),
      });
    }
    this.library = opts.library;
    this.onboarding = new OnboardingHandler(opts.customers ?? null);
    this.effects = {
      performLogged: (c, a, caseNumber, at) => this.performLogged(c, a, caseNumber, at),
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
    if (this.outbox) this.current = { event, identity: null, n: 0 };
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
    for (const a of r.actions) await this.performLogged(c, a, null, at);
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
    await this.carryOut(c, m, judged, meta);
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
   * Numbers the case, performs its actions in order (each awaited) and records the outcomes. In
   * outbox mode the actions are stored now and performed behind the event stream (runCase).
   */
  private async carryOut(c: CommunityState, m: MemberState, j: Judged, meta: EventMeta): Promise<void> {
    const { decision } = j;
    if (this.outbox) return this.carryOutLater(c, m, j, meta);
    const caseNumber = decision.joinsCase ?? c.nextCaseNumber++;
    const actions = j.actionsFor(caseNumber);
    const outcomes = await this.runCase(c, m, j, caseNumber, actions, null);
    this.record(c, m, j, caseNumber, actions, outcomes, meta, true);
  }

  /**
   * Outbox mode: the case is numbered by the store, written with its actions stored (keyed, pending)
   * in one transaction, so several instances never share a number and a crash leaves all or none
   * of it; the actions are performed behind the event stream, in the member's lane.
   */
  private async carryOutLater(c: CommunityState, m: MemberState, j: Judged, meta: EventMeta): Promise<void> {
    const { decision } = j;
    const origin = eventIdentity(this.current.event);
    const joined = decision.status === "joined_case";
    const pending = (actions: Action[]) => actions.map((a) => ({ action: describeAction(a), status: "pending" as const }));
    const entries = (n: number) => this.caseKeys(c, j.actionsFor(n), origin, n).map((action) => ({ community: c.dbId, key: action.key!, caseNumber: n, action, at: j.at }));
    let caseNumber: number;
    const open = this.opts.persistence.openCase?.bind(this.opts.persistence);
    if (!joined && open) {
      const write = this.caseWrite(c, m, j, 0, pending(j.actionsFor(c.nextCaseNumber)));
      caseNumber = (await open(write, entries)).number;
      c.nextCaseNumber = Math.max(c.nextCaseNumber, caseNumber + 1);
    } else {
      caseNumber = decision.joinsCase ?? c.nextCaseNumber++;
      for (const e of entries(caseNumber)) await this.outbox!.stage(e);
    }
    const actions = j.actionsFor(caseNumber);
    const keyed = this.caseKeys(c, actions, origin, caseNumber);
    if (!joined) this.record(c, m, j, caseNumber, actions, pending(actions), meta, false, Boolean(open));
    await this.lanes.push(`${c.key}\u0000${m.id}`, async () => {
      try {
        const outcomes = await this.runCase(c, m, j, caseNumber, keyed, `${origin}#${caseNumber}`);
        if (joined) this.record(c, m, j, caseNumber, actions, outcomes, meta, true);
        else {
          this.batch.caseActions.push({ community: c.dbId, number: caseNumber, actions: outcomes });
          this.report(c, m, j, caseNumber, actions, outcomes, meta);
        }
      } catch (e) {
        if (e instanceof OutboxStopped) this.opts.logger.warn({ community: c.key, case: caseNumber }, e.message);
        else this.opts.logger.error({ err: e, community: c.key, case: caseNumber }, "case actions failed");
      }
    });
  }

  /** A case's actions with their keys: the event, the case and each action's place in it. */
  private caseKeys(c: CommunityState, actions: Action[], origin: string, caseNumber: number): Action[] {
    return actions.map((a, i) => ({ ...a, key: actionKey(c.key, `${origin}#${caseNumber}`, i, a) }));
  }

  /**
   * Performs a case's actions in order, each followed by its fallbacks when the platform cannot do it.
   * `origin` (outbox mode) keys the fallbacks after the planned action they stand in for.
   */
  private async runCase(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, actions: Action[], origin: string | null): Promise<DecisionRecord["outcomes"]> {
    const outcomes: DecisionRecord["outcomes"] = [];
    for (const [i, a] of actions.entries()) {
      const outcome = await this.performLogged(c, a, caseNumber, j.at);
      outcomes.push(plannedRow(this.opts.adapter, a, outcome));
      let n = 0;
      // Keyed after the planned action's own key, as a resumed action's fallbacks are (afterResumed).
      const key = (f: Action): Action => (origin ? { ...f, key: actionKey(c.key, `${a.key ?? `${origin}/${i}`}/fallback`, n++, f) } : f);
      // What the platform could not do gets a substitute (Slack: alert and warn instead of delete), recorded after it.
      outcomes.push(...(await fallBack(this.opts.adapter, a, outcome, actions, { channel: j.channel, message: j.messageId, member: m.id }, (f) => this.performLogged(c, key(f), caseNumber, j.at))));
    }
    return outcomes;
  }

  private caseWrite(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, outcomes: DecisionRecord["outcomes"]): CaseWrite {
    const { decision } = j;
    return {
      community: c.dbId,
      number: caseNumber,
      guideline: decision.primary.guideline.id,
      rule: decision.primary.rule.id,
      kind: "automatic",
      actor: "steward",
      member: m.id,
      channel: j.channel,
      message: j.messageId,
      reason: decision.primary.rule.explain,
      explanation: decision.primary.explanation,
      status: decision.status === "not_actioned" ? "not_actioned" : decision.consequences.some((x) => x.kind === "hold") ? "pending_review" : "actioned",
      evidence: { text: j.text, matches: decision.matches, also: decision.also.map((h) => `${h.guideline.id}/${h.rule.id}`), strikes: { added: decision.strikesAdded, before: decision.strikesBefore, after: decision.strikesAfter }, notActioned: decision.notActionedReason ?? null },
      actions: outcomes,
      at: j.at,
    };
  }

  /** Writes the case (with its outcomes, or its planned actions still pending; `written`: the store has the row already) and reports the decision. */
  private record(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, actions: Action[], outcomes: DecisionRecord["outcomes"], meta: EventMeta, report: boolean, written = false): void {
    const { decision } = j;
    this.stats.decisions++;
    if (decision.status === "joined_case") {
      this.batch.caseAppends.push({ community: c.dbId, number: caseNumber, evidence: { text: j.text, matches: decision.matches }, actions: outcomes });
    } else {
      j.remember(caseNumber);
      if (!written) this.batch.cases.push(this.caseWrite(c, m, j, caseNumber, outcomes));
      if (decision.strikesAdded > 0) {
        this.batch.strikes.push({ community: c.dbId, member: m.id, caseNumber, points: decision.strikesAdded, at: j.at, expiresAt: j.at + c.guidelines.escalation.decayMs });
      }
      if (decision.consequences.some((x) => x.kind === "hold")) {
        this.batch.reviews.push({ community: c.dbId, kind: "message", caseNumber, member: m.id, payload: { channel: j.channel, message: j.messageId, text: j.text }, at: j.at });
      }
    }
    if (report) this.report(c, m, j, caseNumber, actions, outcomes, meta);
  }

  private report(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, actions: Action[], outcomes: DecisionRecord["outcomes"], meta: EventMeta): void {
    const { decision } = j;
    this.opts.onDecision?.({
      ...(meta.line !== undefined ? { line: meta.line } : {}),
      community: c.key,
      member: m.id,
      ...(m.name ? { memberName: m.name } : {}),
      channel: j.channel,
      message: j.messageId,
      guideline: decision.primary.guideline.id,
      rule: decision.primary.rule.id,
      also: decision.also.map((h) => `${h.guideline.id}/${h.rule.id}`),
      actions: actions.map(describeAction),
      case: caseNumber,
      status: decision.status,
      ...(decision.notActionedReason ? { notActionedReason: decision.notActionedReason } : {}),
      matched: matchedTexts(decision.matches),
      explanation: decision.primary.explanation,
      outcomes,
    });
  }

  /** One attempt at the platform (the outbox retries; inline mode makes one). */
  private async attempt(a: Action, attempt?: PerformAttempt): Promise<ActionOutcome> {
    this.stats.actions++;
    const caps = this.opts.adapter.capabilities(a.community);
    let outcome: ActionOutcome;
    if (!caps.has(a.kind)) outcome = { status: "unsupported", detail: `${this.opts.adapter.platform} cannot ${a.kind}` };
    else {
      try {
        outcome = await (attempt ? this.opts.adapter.perform(a, attempt) : this.opts.adapter.perform(a));
      } catch (e) {
        outcome = { status: "failed", detail: (e as Error).message, retryable: false };
      }
    }
    this.opts.observer?.action(a.kind, outcome.status);
    if (outcome.status !== "done") {
      this.stats.failedActions++;
      this.opts.logger.warn({ action: a.kind, community: a.community, outcome }, "action not done");
    }
    return outcome;
  }

  /** Performs one action: through the outbox (stored, keyed, retried) when there is one, else one attempt. */
  private perform(a: Action): Promise<ActionOutcome> {
    return this.attempt(a);
  }

  /** The action with its key: from the event that caused it and its place among that event's actions. */
  private keyed(c: CommunityState, a: Action): Action {
    if (a.key) return a;
    const cur = this.current;
    cur.identity ??= eventIdentity(cur.event);
    return { ...a, key: actionKey(c.key, cur.identity, cur.n++, a) };
  }

  /** Performs one action and records it, with its outcome, in the action log. */
  private async performLogged(c: CommunityState, a: Action, caseNumber: number | null, at: number): Promise<ActionOutcome> {
    if (!this.outbox) {
      const outcome = await this.perform(a);
      this.batch.actionLogs.push({ community: c.dbId, caseNumber, kind: a.kind, payload: a, outcome, at });
      return outcome;
    }
    const action = this.keyed(c, a);
    const r = await this.outbox.run({ community: c.dbId, key: action.key!, caseNumber, action, at });
    // A repeat was logged when it was first performed.
    if (!r.repeated) this.batch.actionLogs.push({ community: c.dbId, caseNumber, kind: a.kind, payload: action, outcome: r.outcome, at });
    return r.outcome;
  }

  /** An action failed for good: recorded by the outbox; the moderators are told, once. */
  private async gaveUp(a: Action, outcome: ActionOutcome, attempts: number, at: number): Promise<void> {
    this.opts.logger.error({ action: a.kind, community: a.community, attempts, outcome }, "action failed for good");
    if (a.kind === "alertModerators") return;
    const c = this.communities.get(a.community);
    if (!c) return;
    const about = a.caseNumber ? ` for case #${a.caseNumber}` : "";
    const text = `Steward could not ${describeAction(a)}${about} after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${outcome.status === "failed" ? outcome.detail : outcome.status}. Please do it yourself.`;
    await this.performLogged(c, { kind: "alertModerators", community: a.community, text, reason: "action failed", key: actionKey(a.community, "gave-up", 0, a) }, a.caseNumber ?? null, at);
  }

  /**
   * Outbox mode: performs what a stopped or crashed run left pending (oldest first). Call before
   * handing new events in. Returns how many actions were resumed.
   */
  async resumeOutbox(): Promise<number> {
    if (!this.outbox) return 0;
    const n = await this.outbox.resume(8, 500, (e, r) => this.afterResumed(e.action, r.outcome, e.caseNumber, e.at));
    if (n) this.opts.logger.info({ resumed: n }, "outbox: actions left pending by the last run performed");
    const fixed = (await this.opts.persistence.reconcileCases?.()) ?? 0;
    if (fixed) this.opts.logger.info({ cases: fixed }, "outbox: outcomes a crash kept from their cases written");
    return n;
  }

  /**
   * A resumed action the platform cannot do at all gets its fallbacks, as in runCase (keyed after it):
   * what the action names is its context (a deleted message's author is not in it, so no warning).
   */
  private async afterResumed(a: Action, outcome: ActionOutcome, caseNumber: number | null, at: number): Promise<void> {
    if (outcome.status !== "unsupported") return;
    const c = this.communities.get(a.community) ?? (await this.loadCommunity(a.community, this.opts.adapter.platform));
    const ctx = { channel: "channel" in a ? a.channel : undefined, message: "message" in a ? a.message : undefined, member: "member" in a ? a.member : undefined };
    let n = 0;
    await fallBack(this.opts.adapter, a, outcome, [a], ctx, (f) => this.performLogged(c, { ...f, key: actionKey(a.community, `${a.key ?? ""}/fallback`, n++, f) }, caseNumber, at));
  }

  /** Actions stored and not yet done, and cases waiting for theirs (the /metrics outbox depth). */
  outboxDepth(): number {
    return (this.outbox?.inFlight ?? 0) + this.lanes.size;
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
      this.outbox?.stop();
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
        if (this.outbox && this.opts.persistence.nextCaseNumber) c.nextCaseNumber = Math.max(c.nextCaseNumber, await this.opts.persistence.nextCaseNumber(c.dbId));
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
    const outcome = await this.perform({ kind: "respond", community: c.key, ...(event.replyHandle ? { replyHandle: event.replyHandle } : {}), reply: answer, reason: "" });
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
      for (const c of this.communities.values()) await this.performLogged(c, { kind: "alertModerators", community: c.key, text, reason: "guidelines reload failed" }, null, at);
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
