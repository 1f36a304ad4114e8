// What the pipeline does with an onboarding plan: performs its actions (each awaited, each in
// the action log), keeps the applicant records as review items and the nudges on the members,
// and reports each outcome (replay prints these).
import type { Action, ActionOutcome } from "../actions.js";
import { describeAction } from "../actions.js";
import type { CommunityState, MemberState } from "../community-state.js";
import type { WriteBatch } from "../persistence.js";
import type { OnboardingPlan } from "../../onboarding/plan.js";

/** What onboarding did for one event, for replay output and tests. */
export interface OnboardingRecord {
  line?: number;
  community: string;
  member?: string;
  memberName?: string;
  /** "approve" | "decline" | "review" | "raid" for applicants; "nudge", "welcome", "raid alert" otherwise. */
  what: string;
  score?: number | null;
  reasons: string[];
  actions: string[];
}

/** The pipeline's side of it. */
export interface EffectsHost {
  /** Performs an action and records it, with its outcome, in the action log. */
  performLogged(c: CommunityState, a: Action, caseNumber: number | null, at: number): Promise<ActionOutcome>;
  /** The pending write batch (read at each call: flushes swap it). */
  batch(): WriteBatch;
  /** The member's state, marked to be written. */
  member(c: CommunityState, id: string): MemberState;
  report?: (r: OnboardingRecord) => void;
}

export interface PlanContext {
  at: number;
  /** Replay line of the event. */
  line?: number;
  /** The member whose join this is (a welcome post names no member). */
  joined?: string;
}

export async function applyOnboardingPlan(host: EffectsHost, c: CommunityState, plan: OnboardingPlan, ctx: PlanContext): Promise<void> {
  const performed: Action[] = [];
  for (const a of plan.actions) {
    await host.performLogged(c, a, null, ctx.at);
    performed.push(a);
  }
  if (host.report) reportPlan(host.report, c, plan, performed, ctx);
  for (const r of plan.applicants) {
    host.batch().reviews.push({
      community: c.dbId,
      kind: "member",
      caseNumber: null,
      member: r.member,
      payload: { screening: r.decision, score: r.score, reasons: r.reasons, answers: r.answers },
      at: r.at,
      status: r.status,
      ...(r.status !== "pending" ? { decidedBy: "steward" } : {}),
    });
  }
  for (const id of plan.nudged) host.member(c, id).nudgedAt = ctx.at;
}

function reportPlan(report: (r: OnboardingRecord) => void, c: CommunityState, plan: OnboardingPlan, performed: readonly Action[], ctx: PlanContext): void {
  const base = { ...(ctx.line !== undefined ? { line: ctx.line } : {}), community: c.key };
  const who = (id: string | undefined) => {
    const name = id ? c.members.get(id)?.name : undefined;
    return { ...(id ? { member: id } : {}), ...(name ? { memberName: name } : {}) };
  };
  // An applicant's actions; the welcome post (no member field) goes with the one admitted.
  const forMember = (id: string) =>
    performed.filter((a) => ("member" in a ? a.member === id && a.reason !== "nudge" : a.reason === "welcome" && plan.applicants.length === 1)).map(describeAction);
  for (const r of plan.applicants) report({ ...base, ...who(r.member), what: r.decision, score: r.score, reasons: r.reasons, actions: forMember(r.member) });
  for (const id of plan.nudged) report({ ...base, ...who(id), what: "nudge", reasons: [], actions: ["dm"] });
  for (const a of performed) {
    if (a.kind === "alertModerators") report({ ...base, what: "raid alert", reasons: [a.text], actions: [describeAction(a)] });
    else if (a.reason === "welcome" && !plan.applicants.length) report({ ...base, ...who("member" in a ? a.member : ctx.joined), what: "welcome", reasons: [], actions: [describeAction(a)] });
  }
}
