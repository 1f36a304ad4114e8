// Onboarding inside the pipeline: one CommunityOnboarding per community (welcomes, screening,
// raid guard), the hints a join carried (account age, avatar) until the answers come, and the
// members still waiting for their nudge, so the timer looks at those and not at everyone.
import type { CommunityState, MemberState } from "../community-state.js";
import { CommunityOnboarding, type Newcomer, type OnboardingPlan } from "../../onboarding/plan.js";
import type { CustomerDirectory } from "../../onboarding/customers.js";
import type { Answer } from "../../onboarding/screening.js";
import type { Action } from "../actions.js";

interface PerCommunity {
  flow: CommunityOnboarding;
  hints: Map<string, Pick<Newcomer, "avatar" | "accountCreatedAt">>;
  awaitingNudge: Set<string>;
}

export class OnboardingHandler {
  private readonly communities = new Map<string, PerCommunity>();

  constructor(private readonly customers: CustomerDirectory | null) {}

  private of(c: CommunityState): PerCommunity {
    let p = this.communities.get(c.key);
    if (!p) {
      const flow = new CommunityOnboarding(c.settings, c.guidelines.guidelines.map((g) => g.title));
      const awaitingNudge = new Set<string>();
      const o = c.settings.onboarding;
      if (o?.nudge) {
        // After a restart: with screening, only members holding the member role count as admitted.
        const admitted = (m: MemberState) => !o.screening || (o.screening.memberRole !== undefined && m.roles.includes(o.screening.memberRole));
        for (const m of c.members.values()) if (waitsForNudge(m) && admitted(m)) awaitingNudge.add(m.id);
      }
      p = { flow, hints: new Map(), awaitingNudge };
      this.communities.set(c.key, p);
    }
    return p;
  }

  /** The settings or guidelines changed: start over (a raid in progress is forgotten). */
  forget(community: string): void {
    this.communities.delete(community);
  }

  async join(c: CommunityState, member: Newcomer, at: number): Promise<OnboardingPlan> {
    const p = this.of(c);
    if (member.avatar !== undefined || member.accountCreatedAt !== undefined) {
      p.hints.set(member.id, { ...(member.avatar !== undefined ? { avatar: member.avatar } : {}), ...(member.accountCreatedAt !== undefined ? { accountCreatedAt: member.accountCreatedAt } : {}) });
    }
    // With screening, only admitted members are nudged (from their approval on).
    if (c.settings.onboarding?.nudge && !c.settings.onboarding.screening && !member.bot) p.awaitingNudge.add(member.id);
    const plan = p.flow.onJoin(member, at);
    if (!p.flow.screensOnJoin || member.bot || plan.applicants.length) return plan;
    // No questions to wait for: screen now (account age, avatar), with the join's hints.
    p.hints.delete(member.id);
    const { plan: screened } = await p.flow.onAnswers(member, {}, at, this.customers);
    if (c.settings.onboarding?.nudge && screened.applicants.some((a) => a.status === "approved")) p.awaitingNudge.add(member.id);
    return { actions: [...plan.actions, ...screened.actions], applicants: screened.applicants, nudged: [] };
  }

  async answers(c: CommunityState, member: MemberState, answers: Readonly<Record<string, Answer>>, at: number): Promise<OnboardingPlan> {
    const p = this.of(c);
    const hints = p.hints.get(member.id) ?? {};
    p.hints.delete(member.id);
    const { plan, result } = await p.flow.onAnswers({ id: member.id, ...(member.name ? { name: member.name } : {}), ...hints }, answers, at, this.customers);
    // A member who proved to be a customer counts as one in the customers KPIs (unless declined).
    if (result && result.decision !== "decline" && this.customers?.linkMember) {
      for (const v of result.verifications) if (v.found) await this.customers.linkMember(c.key, member.id, v.key, v.value);
    }
    const approved = plan.applicants.some((a) => a.member === member.id && a.status === "approved");
    if (approved && c.settings.onboarding?.nudge) p.awaitingNudge.add(member.id);
    else p.awaitingNudge.delete(member.id);
    return plan;
  }

  /**
   * A moderator decided a pending applicant: the same actions as screening's own decision
   * (admission, member role, welcome / the reason by DM, decline).
   */
  decide(c: CommunityState, member: MemberState, decision: "approve" | "decline", reasons: readonly string[]): Action[] {
    const p = this.of(c);
    if (decision === "approve" && c.settings.onboarding?.nudge) p.awaitingNudge.add(member.id);
    return p.flow.decide({ id: member.id, ...(member.name ? { name: member.name } : {}) }, decision, reasons);
  }

  /** Timer work for one community: raid mode lifting, nudges due. */
  due(c: CommunityState, now: number): OnboardingPlan {
    const p = this.of(c);
    const candidates: MemberState[] = [];
    for (const id of p.awaitingNudge) {
      const m = c.members.get(id);
      if (!m || !waitsForNudge(m)) p.awaitingNudge.delete(id);
      else candidates.push(m);
    }
    const plan = p.flow.due(now, candidates);
    for (const id of plan.nudged) p.awaitingNudge.delete(id);
    return plan;
  }

  /** A moderator turns raid mode on or off (null: only asks); the alerts for the change come back to be performed. */
  raidMode(c: CommunityState, on: boolean | null, at: number): { active: boolean; actions: Action[] } {
    const flow = this.of(c).flow;
    const actions = on === null ? [] : flow.setRaid(on, at).actions;
    return { active: flow.raidActive, actions };
  }
}

function waitsForNudge(m: MemberState): boolean {
  return m.joinedAt !== null && m.leftAt === null && m.messageCount === 0 && m.nudgedAt === null;
}
