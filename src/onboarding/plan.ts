// What onboarding decides for one community, as plain data: the actions to perform (welcome,
// approval, alerts) and the applicant records to keep. The pipeline performs and stores them,
// so this file never waits on a platform or a database and is tested as plain functions.
import type { Action } from "../core/actions.js";
import type { CommunitySettings } from "../config/settings-schema.js";
import { DEFAULT_RAID, type OnboardingSettings } from "./settings.js";
import { renderTemplate, type TemplateValues } from "./template.js";
import { RaidGuard, type RaidEnded, type RaidSettings } from "./raid.js";
import { screenApplicant, type Answer, type ScreeningDecision, type ScreeningResult } from "./screening.js";
import type { CustomerDirectory } from "./customers.js";
import { declineTextFor, raidEndedText, raidStartedText } from "./texts.js";

export interface Newcomer {
  id: string;
  name?: string;
  avatar?: boolean;
  accountCreatedAt?: number;
  bot?: boolean;
}

/** An applicant's screening, kept whatever the outcome (review items are the pending ones). */
export interface ApplicantRecord {
  member: string;
  status: "pending" | "approved" | "rejected";
  decision: ScreeningDecision | "raid";
  score: number | null;
  reasons: string[];
  answers: Record<string, string>;
  at: number;
}

export interface OnboardingPlan {
  actions: Action[];
  applicants: ApplicantRecord[];
  /** Members nudged now (to remember: a nudge is sent once). */
  nudged: string[];
}

const empty = (): OnboardingPlan => ({ actions: [], applicants: [], nudged: [] });

export type OnboardingCommunity = Pick<CommunitySettings, "community" | "name" | "language" | "channels"> & { onboarding?: OnboardingSettings };

/** Whether a member can be nudged: joined, still here, silent so far, not nudged before. */
export interface NudgeCandidate {
  id: string;
  name?: string;
  joinedAt: number | null;
  leftAt: number | null;
  messageCount: number;
  nudgedAt: number | null;
}

export class CommunityOnboarding {
  private readonly raid: RaidGuard;

  constructor(
    private readonly settings: OnboardingCommunity,
    /** Titles of the guidelines that apply, for {guidelines}. */
    private readonly guidelineTitles: readonly string[],
  ) {
    this.raid = new RaidGuard(this.raidSettings);
  }

  private get raidSettings(): RaidSettings {
    return this.settings.onboarding?.raid ?? DEFAULT_RAID;
  }

  get raidActive(): boolean {
    return this.raid.active;
  }

  private get screening() {
    return this.settings.onboarding?.screening;
  }

  /** Screening without questions judges newcomers on joining (account age, avatar). */
  get screensOnJoin(): boolean {
    return this.screening !== undefined && this.screening.questions.length === 0;
  }

  private values(member: { id: string; name?: string }, extra: TemplateValues = {}): TemplateValues {
    return {
      member: member.name ?? `<@${member.id}>`,
      mention: `<@${member.id}>`,
      community: this.settings.name ?? this.settings.community,
      guidelines: this.guidelineTitles.join(", "),
      channels: (this.settings.onboarding?.welcome?.visit ?? []).map((c) => `#${c}`).join(", "),
      ...extra,
    };
  }

  /** The welcome for one member: a DM (falling back to the channel) or a channel post. */
  welcome(member: { id: string; name?: string }): Action[] {
    const w = this.settings.onboarding?.welcome;
    if (!w) return [];
    const text = renderTemplate(w.text, this.settings.language, this.values(member));
    const channel = w.channel ?? this.settings.channels.welcome;
    const community = this.settings.community;
    if (w.dm) return [{ kind: "directMessage", community, member: member.id, text, ...(channel ? { fallbackChannel: channel } : {}), reason: "welcome" }];
    return channel ? [{ kind: "postMessage", community, channel, text, reason: "welcome" }] : [];
  }

  /** A member joined: raid guard first, then the welcome (or, with screening, nothing until the answers come). */
  onJoin(member: Newcomer, at: number): OnboardingPlan {
    const plan = this.endRaidIfCalm(at);
    if (member.bot) return plan;
    const r = this.raid.join(member.id, at);
    if (r.raid) {
      // The burst that tripped the guard is the raid: all of it goes to review, not only this join.
      const held = r.started ? r.members : [member.id];
      if (r.started) plan.actions.push({ kind: "alertModerators", community: this.settings.community, text: raidStartedText(r.members, this.raidSettings), reason: "raid guard" });
      for (const id of held) plan.applicants.push({ member: id, status: "pending", decision: "raid", score: null, reasons: ["joined during a raid"], answers: {}, at });
      return plan;
    }
    if (!this.screening) plan.actions.push(...this.welcome(member));
    return plan;
  }

  /** A newcomer answered the membership questions. */
  async onAnswers(member: Newcomer, answers: Readonly<Record<string, Answer>>, at: number, customers: CustomerDirectory | null): Promise<{ plan: OnboardingPlan; result: ScreeningResult | null }> {
    const plan = this.endRaidIfCalm(at);
    const s = this.screening;
    if (!s) return { plan, result: null };
    const result = await screenApplicant(s, { community: this.settings.community, answers, at, ...(member.avatar !== undefined ? { avatar: member.avatar } : {}), ...(member.accountCreatedAt !== undefined ? { accountCreatedAt: member.accountCreatedAt } : {}) }, customers);
    let decision = result.decision;
    const reasons = [...result.reasons];
    if (this.raid.active && decision === "approve") {
      decision = "review";
      reasons.push("answered during a raid");
    }
    plan.applicants.push({ member: member.id, status: decision === "approve" ? "approved" : decision === "decline" ? "rejected" : "pending", decision, score: result.score, reasons, answers: result.answers, at });
    plan.actions.push(...this.decide(member, decision, result.declineReasons));
    return { plan, result: { ...result, decision, reasons } };
  }

  /** The actions of a screening decision (also used when a moderator decides a pending applicant). */
  decide(member: { id: string; name?: string }, decision: ScreeningDecision, declineReasons: readonly string[] = []): Action[] {
    const community = this.settings.community;
    const s = this.screening;
    if (decision === "approve") {
      return [
        { kind: "approveMember", community, member: member.id, reason: "screening approved" },
        ...(s?.memberRole ? [{ kind: "addRole" as const, community, member: member.id, role: s.memberRole, reason: "screening approved" }] : []),
        ...this.welcome(member),
      ];
    }
    if (decision === "decline") {
      const reason = declineReasons.join("; ") || "your answers did not meet the community's requirements";
      const text = declineTextFor(s?.declineText, this.settings.language, this.values(member, { reason }));
      return [
        { kind: "directMessage", community, member: member.id, text, reason: "screening declined" },
        { kind: "declineMember", community, member: member.id, reason },
      ];
    }
    return [];
  }

  /** Timer work: raid mode lifting after the calm period, and nudges that are due. */
  due(now: number, members: Iterable<NudgeCandidate>): OnboardingPlan {
    const plan = this.endRaidIfCalm(now);
    const nudge = this.settings.onboarding?.nudge;
    if (!nudge) return plan;
    for (const m of members) {
      if (m.joinedAt === null || m.leftAt !== null || m.messageCount > 0 || m.nudgedAt !== null) continue;
      const days = Math.floor((now - m.joinedAt) / 86_400_000);
      if (now - m.joinedAt < nudge.after) continue;
      const text = renderTemplate(nudge.text, this.settings.language, this.values(m, { days: String(days) }));
      plan.actions.push({ kind: "directMessage", community: this.settings.community, member: m.id, text, ...(this.settings.channels.welcome ? { fallbackChannel: this.settings.channels.welcome } : {}), reason: "nudge" });
      plan.nudged.push(m.id);
    }
    return plan;
  }

  /** A moderator turns raid mode on or off. */
  setRaid(on: boolean, at: number): OnboardingPlan {
    const plan = empty();
    if (on) {
      if (this.raid.start(at)) plan.actions.push({ kind: "alertModerators", community: this.settings.community, text: "Raid mode is on (started by a moderator): new members go to review and welcomes pause.", reason: "raid guard" });
    } else {
      const ended = this.raid.stop(at);
      if (ended) plan.actions.push(this.raidEnded(ended));
    }
    return plan;
  }

  private endRaidIfCalm(at: number): OnboardingPlan {
    const plan = empty();
    const ended = this.raid.check(at);
    if (ended) plan.actions.push(this.raidEnded(ended));
    return plan;
  }

  private raidEnded(ended: RaidEnded): Action {
    return { kind: "alertModerators", community: this.settings.community, text: raidEndedText(ended), reason: "raid guard" };
  }
}
