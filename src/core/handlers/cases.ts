// A decision becomes a case: numbered (by the store in outbox mode), its actions performed in order
// with fallbacks where the platform cannot do one, the case, strikes and review item written, and the
// decision reported. In outbox mode the actions run behind the event stream, in the member's lane.
import type { Action, ActionOutcome } from "../actions.js";
import { describeAction } from "../actions.js";
import type { PlatformAdapter } from "../platform.js";
import type { CaseWrite, Persistence, WriteBatch } from "../persistence.js";
import type { CommunityState, MemberState } from "../community-state.js";
import type { Logger } from "../../log.js";
import type { Judged } from "./guidelines.js";
import type { ActionPerformer } from "../performer.js";
import type { Lanes } from "../outbox/lanes.js";
import { OutboxStopped } from "../outbox/outbox.js";
import { actionKey, fallbackKeyer } from "../outbox/keys.js";
import { fallBack, plannedRow } from "../../moderation/fallback.js";

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

export interface CaseMeta {
  /** Replay line number, when known. */
  line?: number;
}

/** What the case handler needs from the pipeline. */
export interface CaseHost {
  adapter: PlatformAdapter;
  persistence: Persistence;
  logger: Logger;
  onDecision?: ((d: DecisionRecord) => void) | undefined;
  stats: { decisions: number };
  lanes: Lanes;
  batch(): WriteBatch;
}

export class CaseHandler {
  constructor(
    private readonly host: CaseHost,
    private readonly performer: ActionPerformer,
  ) {}

  /**
   * Numbers the case, performs its actions in order (each awaited) and records the outcomes. In
   * outbox mode the actions are stored now and performed behind the event stream (runCase).
   */
  async carryOut(c: CommunityState, m: MemberState, j: Judged, meta: CaseMeta): Promise<void> {
    const { decision } = j;
    if (this.performer.outbox) return this.carryOutLater(c, m, j, meta);
    const caseNumber = decision.joinsCase ?? c.nextCaseNumber++;
    const actions = j.actionsFor(caseNumber);
    const outcomes = await this.runCase(c, m, j, caseNumber, actions);
    this.record(c, m, j, caseNumber, actions, outcomes, meta, true);
  }

  /**
   * Outbox mode: the case is numbered by the store, written with its actions stored (keyed, pending)
   * in one transaction, so several instances never share a number and a crash leaves all or none
   * of it; the actions are performed behind the event stream, in the member's lane.
   */
  private async carryOutLater(c: CommunityState, m: MemberState, j: Judged, meta: CaseMeta): Promise<void> {
    const { decision } = j;
    const origin = this.performer.origin();
    const joined = decision.status === "joined_case";
    const pending = (actions: Action[]) => actions.map((a) => ({ action: describeAction(a), status: "pending" as const }));
    // A case's actions with their keys: the event, the case and each action's place in it.
    const keyedFor = (n: number) => j.actionsFor(n).map((a, i) => ({ ...a, key: actionKey(c.key, `${origin}#${n}`, i, a) }));
    const entries = (actions: Action[], n: number) => actions.map((action) => ({ community: c.dbId, key: action.key!, caseNumber: n, action, at: j.at }));
    let caseNumber: number;
    let actions: Action[];
    const open = this.host.persistence.openCase?.bind(this.host.persistence);
    if (!joined && open) {
      const write = this.caseWrite(c, m, j, 0, pending(j.actionsFor(c.nextCaseNumber)));
      caseNumber = (await open(write, (n) => entries(keyedFor(n), n))).number;
      c.nextCaseNumber = Math.max(c.nextCaseNumber, caseNumber + 1);
      actions = keyedFor(caseNumber);
    } else {
      caseNumber = decision.joinsCase ?? c.nextCaseNumber++;
      actions = keyedFor(caseNumber);
      for (const e of entries(actions, caseNumber)) await this.performer.outbox!.stage(e);
    }
    if (!joined) this.record(c, m, j, caseNumber, actions, pending(actions), meta, false, Boolean(open));
    await this.host.lanes.push(`${c.key}\u0000${m.id}`, async () => {
      try {
        const outcomes = await this.runCase(c, m, j, caseNumber, actions);
        if (joined) this.record(c, m, j, caseNumber, actions, outcomes, meta, true);
        else {
          this.host.batch().caseActions.push({ community: c.dbId, number: caseNumber, actions: outcomes });
          this.report(c, m, j, caseNumber, actions, outcomes, meta);
        }
      } catch (e) {
        if (e instanceof OutboxStopped) this.host.logger.warn({ community: c.key, case: caseNumber }, e.message);
        else this.host.logger.error({ err: e, community: c.key, case: caseNumber }, "case actions failed");
      }
    });
  }

  /**
   * Performs a case's actions in order, each followed by its fallbacks when the platform cannot do it.
   * Keyed actions (outbox mode) key their fallbacks after themselves, as a resumed action's are.
   */
  private async runCase(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, actions: Action[]): Promise<DecisionRecord["outcomes"]> {
    const outcomes: DecisionRecord["outcomes"] = [];
    for (const a of actions) {
      const outcome = await this.performer.performLogged(c, a, caseNumber, j.at);
      outcomes.push(plannedRow(this.host.adapter, a, outcome));
      const key = a.key ? fallbackKeyer(c.key, a) : (f: Action) => f;
      // What the platform could not do gets a substitute (Slack: alert and warn instead of delete), recorded after it.
      outcomes.push(...(await fallBack(this.host.adapter, a, outcome, actions, { channel: j.channel, message: j.messageId, member: m.id }, (f) => this.performer.performLogged(c, key(f), caseNumber, j.at))));
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
  private record(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, actions: Action[], outcomes: DecisionRecord["outcomes"], meta: CaseMeta, report: boolean, written = false): void {
    const { decision } = j;
    this.host.stats.decisions++;
    if (decision.status === "joined_case") {
      this.host.batch().caseAppends.push({ community: c.dbId, number: caseNumber, evidence: { text: j.text, matches: decision.matches }, actions: outcomes });
    } else {
      j.remember(caseNumber);
      if (!written) this.host.batch().cases.push(this.caseWrite(c, m, j, caseNumber, outcomes));
      if (decision.strikesAdded > 0) {
        this.host.batch().strikes.push({ community: c.dbId, member: m.id, caseNumber, points: decision.strikesAdded, at: j.at, expiresAt: j.at + c.guidelines.escalation.decayMs });
      }
      if (decision.consequences.some((x) => x.kind === "hold")) {
        this.host.batch().reviews.push({ community: c.dbId, kind: "message", caseNumber, member: m.id, payload: { channel: j.channel, message: j.messageId, text: j.text }, at: j.at });
      }
    }
    if (report) this.report(c, m, j, caseNumber, actions, outcomes, meta);
  }

  private report(c: CommunityState, m: MemberState, j: Judged, caseNumber: number, actions: Action[], outcomes: DecisionRecord["outcomes"], meta: CaseMeta): void {
    const { decision } = j;
    this.host.onDecision?.({
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
}
